package com.upward.progress.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** cmi5_session: each launch of Upward as a cmi5 AU by an LMS. */
@ApplicationScoped
public class Cmi5SessionRepository {

    /** A launch as stored: who, which AU, the LMS's LRS and token, and what LMS.LaunchData said. */
    public record Session(UUID sessionId, String orgId, String learnerId, String courseId, String auKind, String auItemId,
                          String activityId, UUID registration, String endpoint, String authToken, String actor,
                          String contextTemplate, String launchMode, Double masteryScore, Instant launchedAt) {
    }

    /** Where a session's statements go. */
    public record Destination(String endpoint, String authToken) {
    }

    private static final String COLUMNS = """
            session_id, org_id, learner_id, course_id, au_kind, au_item_id, activity_id, registration, endpoint, auth_token,
            actor, context_template, launch_mode, mastery_score, launched_at""";

    private static final String SELECTED = """
            CAST(session_id AS TEXT), org_id, learner_id, course_id, au_kind, au_item_id, activity_id, CAST(registration AS TEXT),
            endpoint, auth_token, actor, context_template, launch_mode, mastery_score, launched_at""";

    @Inject
    EntityManager entityManager;

    @Inject
    TransactionJdbc jdbc;

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(Session session) {
        entityManager.createNativeQuery("INSERT INTO cmi5_session (" + COLUMNS + ") VALUES (:session, :org, :learner, :course,"
                        + " :kind, :item, :activity, :registration, :endpoint, :token, :actor, :template, :mode, :mastery, :at)")
                .setParameter("session", session.sessionId()).setParameter("org", session.orgId())
                .setParameter("learner", session.learnerId()).setParameter("course", session.courseId())
                .setParameter("kind", session.auKind()).setParameter("item", session.auItemId())
                .setParameter("activity", session.activityId()).setParameter("registration", session.registration())
                .setParameter("endpoint", session.endpoint()).setParameter("token", session.authToken())
                .setParameter("actor", session.actor()).setParameter("template", session.contextTemplate())
                .setParameter("mode", session.launchMode())
                .setParameter("mastery", session.masteryScore() == null ? null : BigDecimal.valueOf(session.masteryScore()))
                .setParameter("at", session.launchedAt())
                .executeUpdate();
    }

    /** The learner's sessions of this AU not yet terminated, oldest first, locked until the transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Session> openFor(String orgId, String learnerId, String courseId, String auKind, String auItemId) {
        return jdbc.list("SELECT " + SELECTED + """
                         FROM cmi5_session WHERE learner_id = ? AND course_id = ? AND au_kind = ?
                        AND au_item_id = ? AND org_id = ? AND terminated_at IS NULL ORDER BY launched_at FOR UPDATE""",
                statement -> {
                    statement.setString(1, learnerId);
                    statement.setString(2, courseId);
                    statement.setString(3, auKind);
                    statement.setString(4, auItemId);
                    statement.setString(5, orgId);
                }, row -> {
                    java.math.BigDecimal mastery = row.getBigDecimal(14);
                    return new Session(UUID.fromString(row.getString(1)), row.getString(2), row.getString(3),
                            row.getString(4), row.getString(5), row.getString(6), row.getString(7),
                            UUID.fromString(row.getString(8)), row.getString(9), row.getString(10), row.getString(11),
                            row.getString(12), row.getString(13), mastery == null ? null : mastery.doubleValue(),
                            TransactionJdbc.instant(row, 15));
                });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void terminate(UUID sessionId, Instant at) {
        entityManager.createNativeQuery("UPDATE cmi5_session SET terminated_at = :at WHERE session_id = :session")
                .setParameter("at", at).setParameter("session", sessionId).executeUpdate();
    }

    /** True when the learner has completed this lesson in the course, in any version. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean lessonDone(String orgId, String learnerId, String courseId, String lessonId) {
        return !entityManager.createNativeQuery("""
                        SELECT 1 FROM lesson_done WHERE learner_id = :learner AND org_id = :org AND course_id = :course
                        AND lesson_id = :lesson LIMIT 1""")
                .setParameter("learner", learnerId).setParameter("org", orgId).setParameter("course", courseId)
                .setParameter("lesson", lessonId).getResultList().isEmpty();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Destination> destination(UUID sessionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                        "SELECT endpoint, auth_token FROM cmi5_session WHERE session_id = :session")
                .setParameter("session", sessionId).getResultList();
        return rows.stream().findFirst().map(row -> new Destination(Rows.text(row[0]), Rows.text(row[1])));
    }
}
