package com.upward.assessment.persistence;

import com.upward.assessment.domain.ConversationPlan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/** The learners' conversation plans ({@code conversation_plan}). */
@ApplicationScoped
public class ConversationPlanRepository {

    /** How many plans an organisation has, and how many of them were held, by how many learners. */
    public record Counts(long plans, long held, long learnersWhoHeld) {
    }

    @Inject
    EntityManager entityManager;

    public ConversationPlan find(UUID id, LockModeType lock) {
        return entityManager.find(ConversationPlan.class, id, lock);
    }

    /** The learner's plans, the latest changed first. */
    public List<ConversationPlan> ofLearner(String orgId, String learnerId) {
        return entityManager.createQuery("""
                        FROM ConversationPlan WHERE orgId = :org AND learnerId = :learner ORDER BY updatedAt DESC, id""",
                        ConversationPlan.class)
                .setParameter("org", orgId).setParameter("learner", learnerId).getResultList();
    }

    public long countOfLearner(String orgId, String learnerId) {
        return entityManager.createQuery("SELECT count(p) FROM ConversationPlan p WHERE p.orgId = :org AND p.learnerId = :learner",
                        Long.class)
                .setParameter("org", orgId).setParameter("learner", learnerId).getSingleResult();
    }

    /** Serialises a learner's plan creations, so the cap on plans holds under concurrent requests. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockLearner(String orgId, String learnerId) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(:key))")
                .setParameter("key", "conversation-plan:" + orgId + ":" + learnerId).getSingleResult();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(ConversationPlan plan) {
        entityManager.persist(plan);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void remove(ConversationPlan plan) {
        entityManager.remove(plan);
    }

    public Counts counts(String orgId) {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                        SELECT count(*), count(*) FILTER (WHERE status = 'HELD'),
                               count(DISTINCT learner_id) FILTER (WHERE status = 'HELD')
                        FROM conversation_plan WHERE org_id = :org""")
                .setParameter("org", orgId).getSingleResult();
        return new Counts(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), ((Number) row[2]).longValue());
    }
}
