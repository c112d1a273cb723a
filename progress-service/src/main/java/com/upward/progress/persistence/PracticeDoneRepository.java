package com.upward.progress.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.upward.platform.events.contract.PowerType;
import com.upward.platform.events.contract.PracticeCompleted;
import com.upward.platform.web.JsonText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** practice_done: the practice each learner finished; and the per-type scores of their quiz attempts beside it. */
@ApplicationScoped
public class PracticeDoneRepository {

    /** One score on one power type at one time: a quiz attempt's, or a practice set's. */
    public record TypeScore(Instant at, PowerType powerType, double percent, boolean mastered, boolean practice) {
    }

    /** How much practice a learner has done, of each kind. */
    public record Counts(long setsCompleted, long conversationsHeld, Instant lastPractisedAt) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    /** Stores the practice once; a second delivery under another event id changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(PracticeCompleted done) {
        entityManager.createNativeQuery("""
                        INSERT INTO practice_done (practice_id, learner_id, org_id, course_id, kind, power_type, percent,
                            mastered, box, next_due_at, power_types_drawn_on, completed_at)
                        VALUES (:id, :learner, :org, :course, :kind, :type, :percent, :mastered, :box, :next,
                            CAST(:drawnOn AS jsonb), :at)
                        ON CONFLICT (practice_id) DO NOTHING""")
                .setParameter("id", done.practiceId()).setParameter("learner", done.learnerId())
                .setParameter("org", done.orgId()).setParameter("course", done.courseId())
                .setParameter("kind", done.kind().name())
                .setParameter("type", done.powerType() == null ? null : done.powerType().name())
                .setParameter("percent", done.percent() == null ? null : BigDecimal.valueOf(done.percent()))
                .setParameter("mastered", done.mastered()).setParameter("box", done.box())
                .setParameter("next", done.nextDueAt())
                .setParameter("drawnOn", done.powerTypesDrawnOn() == null ? null : JsonText.write(mapper, done.powerTypesDrawnOn()))
                .setParameter("at", done.completedAt()).executeUpdate();
    }

    /** The learner's scores per power type over time, oldest first: each quiz attempt's, and each practice set's. */
    public List<TypeScore> scores(String orgId, String learnerId) {
        List<?> rows = entityManager.createNativeQuery("""
                        SELECT submitted_at AS at, t.key AS power_type,
                               CASE WHEN (t.value->>'total')::numeric = 0 THEN 0
                                    ELSE round(100 * (t.value->>'correct')::numeric / (t.value->>'total')::numeric, 2) END AS percent,
                               (t.value->>'mastered')::boolean AS mastered, false AS practice
                        FROM quiz_attempt, jsonb_each(by_power_type) t
                        WHERE org_id = :org AND learner_id = :learner
                        UNION ALL
                        SELECT completed_at, power_type, percent, mastered, true
                        FROM practice_done WHERE org_id = :org AND learner_id = :learner AND kind = 'SPACED_SET'
                        ORDER BY 1, 2""")
                .setParameter("org", orgId).setParameter("learner", learnerId).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new TypeScore(Rows.instant(r[0]),
                PowerType.valueOf(Rows.text(r[1])), Rows.decimal(r[2]), (Boolean) r[3], (Boolean) r[4])).toList();
    }

    public Counts counts(String orgId, String learnerId) {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                        SELECT count(*) FILTER (WHERE kind = 'SPACED_SET'), count(*) FILTER (WHERE kind = 'CONVERSATION'),
                               max(completed_at)
                        FROM practice_done WHERE org_id = :org AND learner_id = :learner""")
                .setParameter("org", orgId).setParameter("learner", learnerId).getSingleResult();
        return new Counts(Rows.count(row[0]), Rows.count(row[1]), row[2] == null ? null : Rows.instant(row[2]));
    }
}
