package com.upward.progress.persistence;

import com.upward.progress.domain.LtiTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** lti_nonce, lti_account and lti_resource_link: what launches left behind. */
@ApplicationScoped
public class LtiLaunchRepository {

    /** A resource link through which a learner's results go to a line item. */
    public record ScoredLink(UUID platformId, String resourceLinkId, String subject, LtiTarget target,
                             String lineitemUrl) {
    }

    /** A resource link whose context roster can be read (NRPS). */
    public record RosterLink(UUID platformId, String contextId, String membershipsUrl) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    TransactionJdbc jdbc;

    /** False when the nonce was used before (by this issuer). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean useNonce(String issuer, String nonce, Instant keepUntil) {
        return entityManager.createNativeQuery("""
                        INSERT INTO lti_nonce (issuer, nonce, expires_at) VALUES (:issuer, :nonce, :until)
                        ON CONFLICT DO NOTHING""")
                .setParameter("issuer", issuer).setParameter("nonce", nonce).setParameter("until", keepUntil)
                .executeUpdate() > 0;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public int forgetNoncesBefore(Instant now) {
        return entityManager.createNativeQuery("DELETE FROM lti_nonce WHERE expires_at < :now")
                .setParameter("now", now).executeUpdate();
    }

    /** The learner the platform user is in the organisation, made on the first launch. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String learnerOf(String issuer, String subject, String orgId, Instant now) {
        entityManager.createNativeQuery("""
                        INSERT INTO lti_account (issuer, subject, org_id, learner_id, created_at)
                        VALUES (:issuer, :subject, :org, :learner, :now) ON CONFLICT DO NOTHING""")
                .setParameter("issuer", issuer).setParameter("subject", subject).setParameter("org", orgId)
                .setParameter("learner", UUID.randomUUID().toString()).setParameter("now", now).executeUpdate();
        return Rows.text(entityManager.createNativeQuery(
                        "SELECT learner_id FROM lti_account WHERE issuer = :issuer AND subject = :subject AND org_id = :org")
                .setParameter("issuer", issuer).setParameter("subject", subject).setParameter("org", orgId)
                .getSingleResult());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void putResourceLink(UUID platformId, String learnerId, String resourceLinkId, String subject,
                                String deploymentId, String contextId, LtiTarget target, String lineitemUrl,
                                boolean canScore, String membershipsUrl, Instant now) {
        entityManager.createNativeQuery("""
                        INSERT INTO lti_resource_link (platform_id, learner_id, resource_link_id, subject, deployment_id,
                            context_id, target_kind, course_id, target_id, lineitem_url, can_score, memberships_url, launched_at)
                        VALUES (:platform, :learner, :link, :subject, :deployment, :context, :kind, :course, :target,
                            :lineitem, :score, :memberships, :now)
                        ON CONFLICT (platform_id, learner_id, resource_link_id) DO UPDATE SET subject = excluded.subject,
                            deployment_id = excluded.deployment_id, context_id = excluded.context_id,
                            target_kind = excluded.target_kind, course_id = excluded.course_id,
                            target_id = excluded.target_id, lineitem_url = excluded.lineitem_url,
                            can_score = excluded.can_score, memberships_url = excluded.memberships_url,
                            launched_at = excluded.launched_at""")
                .setParameter("platform", platformId).setParameter("learner", learnerId)
                .setParameter("link", resourceLinkId).setParameter("subject", subject)
                .setParameter("deployment", deploymentId).setParameter("context", contextId)
                .setParameter("kind", target.kind().name()).setParameter("course", target.courseId())
                .setParameter("target", target.targetId()).setParameter("lineitem", lineitemUrl)
                .setParameter("score", canScore).setParameter("memberships", membershipsUrl).setParameter("now", now)
                .executeUpdate();
    }

    /** The learner's links into this course that may take scores. */
    public List<ScoredLink> scoredLinks(String learnerId, String courseId) {
        return jdbc.list("""
                        SELECT platform_id, resource_link_id, subject, target_kind, course_id, target_id, lineitem_url
                        FROM lti_resource_link
                        WHERE learner_id = ? AND course_id = ? AND can_score AND lineitem_url IS NOT NULL
                        ORDER BY platform_id, resource_link_id""", statement -> {
            statement.setString(1, learnerId);
            statement.setString(2, courseId);
        }, row -> new ScoredLink(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                new LtiTarget(LtiTarget.Kind.valueOf(row.getString(4)), row.getString(5), row.getString(6)),
                row.getString(7)));
    }

    /** The organisation's contexts with a roster service, newest launch first. */
    public List<RosterLink> rosterLinks(String orgId, UUID platformId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT l.platform_id, l.context_id, l.memberships_url, max(l.launched_at) AS newest
                        FROM lti_resource_link l JOIN lti_platform p ON p.id = l.platform_id
                        WHERE p.org_id = :org AND p.id = :platform AND l.memberships_url IS NOT NULL
                        GROUP BY l.platform_id, l.context_id, l.memberships_url ORDER BY newest DESC""")
                .setParameter("org", orgId).setParameter("platform", platformId).getResultList();
        return rows.stream().map(row -> new RosterLink((UUID) row[0], Rows.text(row[1]), Rows.text(row[2]))).toList();
    }
}
