package com.upward.assessment.persistence;

import com.upward.assessment.domain.PracticeItem;
import com.upward.assessment.domain.PracticeSession;
import com.upward.platform.events.contract.PowerType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The practice cards ({@code practice_item}) and sets ({@code practice_session}). */
@ApplicationScoped
public class PracticeRepository {

    @Inject
    EntityManager entityManager;

    /** The learner's card for a type, locked for update when asked, so two sets cannot move it at once. */
    public Optional<PracticeItem> item(String orgId, String learnerId, String courseId, PowerType type, LockModeType lock) {
        return entityManager.createQuery("""
                        FROM PracticeItem WHERE orgId = :org AND learnerId = :learner AND courseId = :course AND powerType = :type""",
                        PracticeItem.class)
                .setParameter("org", orgId).setParameter("learner", learnerId).setParameter("course", courseId)
                .setParameter("type", type).setLockMode(lock).getResultStream().findFirst();
    }

    public PracticeItem item(UUID id, LockModeType lock) {
        return entityManager.find(PracticeItem.class, id, lock);
    }

    /** Every card of the learner, the soonest due first, those out of the boxes last. */
    public List<PracticeItem> items(String orgId, String learnerId) {
        return entityManager.createQuery("""
                        FROM PracticeItem WHERE orgId = :org AND learnerId = :learner ORDER BY dueAt NULLS LAST, powerType""",
                        PracticeItem.class)
                .setParameter("org", orgId).setParameter("learner", learnerId).getResultList();
    }

    /** The organisation's cards due by {@code by}, oldest due first: for reminders. */
    public List<PracticeItem> dueInOrg(String orgId, Instant by, int offset, int limit) {
        return entityManager.createQuery("""
                        FROM PracticeItem WHERE orgId = :org AND dueAt <= :by ORDER BY dueAt, learnerId, powerType""",
                        PracticeItem.class)
                .setParameter("org", orgId).setParameter("by", by).setFirstResult(offset).setMaxResults(limit)
                .getResultList();
    }

    public long countDueInOrg(String orgId, Instant by) {
        return entityManager.createQuery("SELECT count(p) FROM PracticeItem p WHERE p.orgId = :org AND p.dueAt <= :by", Long.class)
                .setParameter("org", orgId).setParameter("by", by).getSingleResult();
    }

    /** How many learners of the organisation have a card due by {@code by}. */
    public long countLearnersDueInOrg(String orgId, Instant by) {
        return entityManager.createQuery("""
                        SELECT count(DISTINCT p.learnerId) FROM PracticeItem p WHERE p.orgId = :org AND p.dueAt <= :by""", Long.class)
                .setParameter("org", orgId).setParameter("by", by).getSingleResult();
    }

    /**
     * The learner's card for a type, created (in box 1, due after a day) if there was none, and locked until the
     * transaction ends. An insert that yields to an existing row, so two scored attempts at once cannot both create it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PracticeItem ensureItem(String orgId, String learnerId, String courseId, PowerType type, Instant dueAt, Instant now) {
        entityManager.createNativeQuery("""
                        INSERT INTO practice_item (id, org_id, learner_id, course_id, power_type, box, due_at, created_at, updated_at)
                        VALUES (:id, :org, :learner, :course, :type, 1, :due, :now, :now)
                        ON CONFLICT (org_id, learner_id, course_id, power_type) DO NOTHING""")
                .setParameter("id", UUID.randomUUID()).setParameter("org", orgId).setParameter("learner", learnerId)
                .setParameter("course", courseId).setParameter("type", type.name()).setParameter("due", dueAt)
                .setParameter("now", now).executeUpdate();
        return item(orgId, learnerId, courseId, type, LockModeType.PESSIMISTIC_WRITE).orElseThrow();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(PracticeSession session) {
        entityManager.persist(session);
    }

    public PracticeSession session(UUID id, LockModeType lock) {
        return entityManager.find(PracticeSession.class, id, lock);
    }

    /** The set on this card started and not yet submitted, if any. */
    public Optional<PracticeSession> openSession(UUID itemId) {
        return entityManager.createQuery("""
                        FROM PracticeSession WHERE itemId = :item AND submittedAt IS NULL ORDER BY startedAt""",
                        PracticeSession.class)
                .setParameter("item", itemId).setMaxResults(1).getResultStream().findFirst();
    }

    /** The learner's submitted sets, newest first. */
    public List<PracticeSession> history(String orgId, String learnerId, int limit) {
        return entityManager.createQuery("""
                        FROM PracticeSession WHERE orgId = :org AND learnerId = :learner AND submittedAt IS NOT NULL
                        ORDER BY submittedAt DESC""", PracticeSession.class)
                .setParameter("org", orgId).setParameter("learner", learnerId).setMaxResults(limit).getResultList();
    }
}
