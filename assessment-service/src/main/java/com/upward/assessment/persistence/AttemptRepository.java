package com.upward.assessment.persistence;

import com.upward.assessment.bank.BankDocument.Grading;
import com.upward.assessment.domain.Attempt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The attempts, and a learner's attempts at one quiz. Starting and grading read one row or a count, never the whole
 * history, so their cost does not grow with the number of attempts (all served by the (org, learner, quiz, number)
 * index); only the learner's own list of attempts ({@link #all}) reads them all.
 */
@ApplicationScoped
public class AttemptRepository {

    @Inject
    EntityManager entityManager;

    public Attempt find(UUID attemptId, LockModeType lock) {
        return entityManager.find(Attempt.class, attemptId, lock);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(Attempt attempt) {
        entityManager.persist(attempt);
    }

    /**
     * Serialises starts by one learner on one quiz until the caller's transaction ends, so two clicks cannot both take
     * the last attempt.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockStarts(String orgId, String learnerId, String quizId) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(:key))")
                .setParameter("key", "attempt:" + orgId + ":" + learnerId + ":" + quizId).getSingleResult();
    }

    /** Every attempt, oldest first: for the learner's own list of attempts. */
    public List<Attempt> all(String orgId, String learnerId, String quizId) {
        return query("", "attemptNumber", orgId, learnerId, quizId).getResultList();
    }

    public int count(String orgId, String learnerId, String quizId) {
        return entityManager.createQuery("""
                        SELECT count(a) FROM Attempt a WHERE a.orgId = :org AND a.learnerId = :learner AND a.quizId = :quiz""",
                        Long.class)
                .setParameter("org", orgId).setParameter("learner", learnerId).setParameter("quiz", quizId)
                .getSingleResult().intValue();
    }

    /** The newest attempt, scored or not. */
    public Optional<Attempt> latest(String orgId, String learnerId, String quizId) {
        return first(query("", "attemptNumber DESC", orgId, learnerId, quizId));
    }

    /** The oldest attempt still open at {@code now}: not submitted, and not past its deadline plus the grace. */
    public Optional<Attempt> open(String orgId, String learnerId, String quizId, Instant now, int graceSeconds) {
        return first(query("AND status = :status AND (deadline IS NULL OR deadline >= :cutoff)", "attemptNumber",
                orgId, learnerId, quizId)
                .setParameter("status", Attempt.Status.IN_PROGRESS)
                .setParameter("cutoff", now.minusSeconds(graceSeconds)));
    }

    /**
     * The grading rule, owned here: the attempt that counts is the newest scored one ({@code LAST}) or the best
     * scored one ({@code HIGHEST}), where a later attempt must be strictly better to count.
     */
    public Optional<Attempt> graded(String orgId, String learnerId, String quizId, Grading grading) {
        String order = grading == Grading.LAST ? "attemptNumber DESC" : "percent DESC, attemptNumber";
        return first(query("AND status = :status", order, orgId, learnerId, quizId)
                .setParameter("status", Attempt.Status.SCORED));
    }

    private TypedQuery<Attempt> query(String condition, String order, String orgId, String learnerId, String quizId) {
        return entityManager.createQuery("FROM Attempt WHERE orgId = :org AND learnerId = :learner AND quizId = :quiz "
                        + condition + " ORDER BY " + order, Attempt.class)
                .setParameter("org", orgId).setParameter("learner", learnerId).setParameter("quiz", quizId);
    }

    private static Optional<Attempt> first(TypedQuery<Attempt> query) {
        return query.setMaxResults(1).getResultStream().findFirst();
    }
}
