package com.upward.progress.service;

import com.upward.platform.web.errors.ConflictException;
import com.upward.platform.web.errors.InvalidInputException;
import com.upward.platform.web.errors.NotFoundException;
import com.upward.progress.domain.LtiPlatform;
import com.upward.progress.persistence.LtiPlatformRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/** An organisation's LTI platform registrations: only its own admins see or change them. */
@ApplicationScoped
public class LtiPlatforms {

    /** What an admin enters about a platform. */
    public record Registration(String issuer, String clientId, List<String> deploymentIds, String authLoginUrl,
                               String authTokenUrl, String jwksUrl) {
    }

    @Inject
    LtiPlatformRepository repository;

    @Inject
    Clock clock;

    @Transactional
    public LtiPlatform register(String orgId, Registration registration) {
        check(registration);
        Instant now = clock.instant();
        LtiPlatform platform = of(UUID.randomUUID(), orgId, registration, now, now);
        if (!repository.insert(platform)) {
            throw taken(registration);
        }
        return platform;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LtiPlatform> list(String orgId) {
        return repository.ofOrg(orgId);
    }

    /** Another organisation's registration is not found, the same as one that never existed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LtiPlatform get(String orgId, UUID id) {
        return repository.find(orgId, id).orElseThrow(() -> notFound(id));
    }

    @Transactional
    public LtiPlatform update(String orgId, UUID id, Registration registration) {
        check(registration);
        LtiPlatform existing = get(orgId, id);
        if (repository.takenByOther(id, registration.issuer(), registration.clientId())) {
            throw taken(registration);
        }
        LtiPlatform platform = of(id, orgId, registration, existing.createdAt(), clock.instant());
        repository.update(platform);
        return platform;
    }

    /** Its deployments, resource links and pending scores go with it. */
    @Transactional
    public void delete(String orgId, UUID id) {
        if (!repository.delete(orgId, id)) {
            throw notFound(id);
        }
    }

    private static LtiPlatform of(UUID id, String orgId, Registration r, Instant created, Instant updated) {
        return new LtiPlatform(id, orgId, r.issuer(), r.clientId(), List.copyOf(new LinkedHashSet<>(r.deploymentIds())),
                r.authLoginUrl(), r.authTokenUrl(), r.jwksUrl(), created, updated);
    }

    private static void check(Registration registration) {
        url("authLoginUrl", registration.authLoginUrl());
        url("authTokenUrl", registration.authTokenUrl());
        url("jwksUrl", registration.jwksUrl());
    }

    /** An absolute http(s) URL with a host: the tool redirects browsers and connects there. */
    private static void url(String field, String value) {
        try {
            URI uri = new URI(value);
            if (uri.getHost() == null || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
                throw new InvalidInputException(field + " must be an absolute http or https URL, not '" + value + "'.");
            }
        } catch (URISyntaxException e) {
            throw new InvalidInputException(field + " is not a URL: " + e.getReason() + ".");
        }
    }

    private static ConflictException taken(Registration registration) {
        return new ConflictException("Issuer '" + registration.issuer() + "' with client id '" + registration.clientId()
                + "' is registered already; a launch must lead to one registration.");
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("Your organisation has no LTI platform " + id + ".");
    }
}
