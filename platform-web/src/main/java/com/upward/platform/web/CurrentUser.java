package com.upward.platform.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, taken from the verified token only: never from a path or a body.
 * {@code sub} is the learner id and {@code org} the organisation.
 */
@RequestScoped
public class CurrentUser {

    public static final String ORG_CLAIM = "org";

    @Inject
    JsonWebToken token;

    public String id() {
        String subject = token.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new ProblemException(401, "Unauthorized", "The token names no subject.");
        }
        return subject;
    }

    public String orgId() {
        // A validly signed token may still carry an org of the wrong JSON type: refuse it, never cast it.
        if (!(token.getClaim(ORG_CLAIM) instanceof String org) || org.isBlank()) {
            throw new ProblemException(403, "Forbidden", "The token names no organisation (its org claim must be a non-empty string).");
        }
        return org;
    }

    /** The display name for certificates and reports; falls back to the username. */
    public String displayName() {
        return token.getClaim("name") instanceof String name ? name : token.getName();
    }

    public boolean hasRole(String role) {
        return token.getGroups().contains(role);
    }
}
