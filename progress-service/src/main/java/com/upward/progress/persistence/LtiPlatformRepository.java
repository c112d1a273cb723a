package com.upward.progress.persistence;

import com.upward.progress.domain.LtiPlatform;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** lti_platform and lti_deployment: the registered platforms of every organisation. */
@ApplicationScoped
public class LtiPlatformRepository {

    private static final String COLUMNS = """
            p.id, p.org_id, p.issuer, p.client_id, p.auth_login_url, p.auth_token_url, p.jwks_url, p.created_at,
            p.updated_at, d.deployment_id""";

    @Inject
    EntityManager entityManager;

    public List<LtiPlatform> ofOrg(String orgId) {
        return read("WHERE p.org_id = :org", Map.of("org", orgId));
    }

    public Optional<LtiPlatform> find(String orgId, UUID id) {
        return read("WHERE p.org_id = :org AND p.id = :id", Map.of("org", orgId, "id", id)).stream().findFirst();
    }

    /** Any organisation's: a launch names only issuer and client id. */
    public Optional<LtiPlatform> byIssuerAndClient(String issuer, String clientId) {
        return read("WHERE p.issuer = :issuer AND p.client_id = :client", Map.of("issuer", issuer, "client", clientId))
                .stream().findFirst();
    }

    /** Any organisation's, by id: the AGS sender's and the NRPS reader's way back to the platform. */
    public Optional<LtiPlatform> byId(UUID id) {
        return read("WHERE p.id = :id", Map.of("id", id)).stream().findFirst();
    }

    public List<LtiPlatform> ofIssuer(String issuer) {
        return read("WHERE p.issuer = :issuer", Map.of("issuer", issuer));
    }

    /** False when issuer and client id are registered already (by any organisation). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean insert(LtiPlatform platform) {
        int rows = entityManager.createNativeQuery("""
                        INSERT INTO lti_platform (id, org_id, issuer, client_id, auth_login_url, auth_token_url, jwks_url,
                            created_at, updated_at)
                        VALUES (:id, :org, :issuer, :client, :login, :token, :jwks, :created, :updated)
                        ON CONFLICT (issuer, client_id) DO NOTHING""")
                .setParameter("id", platform.id()).setParameter("org", platform.orgId())
                .setParameter("issuer", platform.issuer()).setParameter("client", platform.clientId())
                .setParameter("login", platform.authLoginUrl()).setParameter("token", platform.authTokenUrl())
                .setParameter("jwks", platform.jwksUrl()).setParameter("created", platform.createdAt())
                .setParameter("updated", platform.updatedAt()).executeUpdate();
        if (rows > 0) {
            putDeployments(platform.id(), platform.deploymentIds());
        }
        return rows > 0;
    }

    /** Whether another registration than this one has the issuer and client id. */
    public boolean takenByOther(UUID id, String issuer, String clientId) {
        return !entityManager.createNativeQuery(
                        "SELECT 1 FROM lti_platform WHERE issuer = :issuer AND client_id = :client AND id <> :id")
                .setParameter("issuer", issuer).setParameter("client", clientId).setParameter("id", id)
                .getResultList().isEmpty();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void update(LtiPlatform platform) {
        entityManager.createNativeQuery("""
                        UPDATE lti_platform SET issuer = :issuer, client_id = :client, auth_login_url = :login,
                            auth_token_url = :token, jwks_url = :jwks, updated_at = :updated
                        WHERE id = :id AND org_id = :org""")
                .setParameter("id", platform.id()).setParameter("org", platform.orgId())
                .setParameter("issuer", platform.issuer()).setParameter("client", platform.clientId())
                .setParameter("login", platform.authLoginUrl()).setParameter("token", platform.authTokenUrl())
                .setParameter("jwks", platform.jwksUrl()).setParameter("updated", platform.updatedAt())
                .executeUpdate();
        entityManager.createNativeQuery("DELETE FROM lti_deployment WHERE platform_id = :id")
                .setParameter("id", platform.id()).executeUpdate();
        putDeployments(platform.id(), platform.deploymentIds());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean delete(String orgId, UUID id) {
        return entityManager.createNativeQuery("DELETE FROM lti_platform WHERE id = :id AND org_id = :org")
                .setParameter("id", id).setParameter("org", orgId).executeUpdate() > 0;
    }

    private void putDeployments(UUID platformId, List<String> deploymentIds) {
        for (String deploymentId : deploymentIds) {
            entityManager.createNativeQuery("""
                            INSERT INTO lti_deployment (platform_id, deployment_id) VALUES (:id, :deployment)
                            ON CONFLICT DO NOTHING""")
                    .setParameter("id", platformId).setParameter("deployment", deploymentId).executeUpdate();
        }
    }

    private List<LtiPlatform> read(String where, Map<String, Object> parameters) {
        var query = entityManager.createNativeQuery("SELECT " + COLUMNS
                + " FROM lti_platform p LEFT JOIN lti_deployment d ON d.platform_id = p.id " + where
                + " ORDER BY p.created_at, p.id, d.deployment_id");
        parameters.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<UUID, LtiPlatform> platforms = new LinkedHashMap<>();
        Map<UUID, List<String>> deployments = new LinkedHashMap<>();
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            platforms.computeIfAbsent(id, ignored -> new LtiPlatform(id, Rows.text(row[1]), Rows.text(row[2]),
                    Rows.text(row[3]), List.of(), Rows.text(row[4]), Rows.text(row[5]), Rows.text(row[6]),
                    Rows.instant(row[7]), Rows.instant(row[8])));
            List<String> ids = deployments.computeIfAbsent(id, ignored -> new ArrayList<>());
            if (row[9] != null) {
                ids.add(Rows.text(row[9]));
            }
        }
        return platforms.values().stream().map(p -> new LtiPlatform(p.id(), p.orgId(), p.issuer(), p.clientId(),
                List.copyOf(deployments.get(p.id())), p.authLoginUrl(), p.authTokenUrl(), p.jwksUrl(), p.createdAt(),
                p.updatedAt())).toList();
    }
}
