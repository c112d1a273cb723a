package com.upward.platform.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, taken from the verified token only: never from a path or a body.
 * {@code sub} is the learner id and {@code org} the organisation. Both become keys in the databases, so neither
 * may be blank or hold a control character (PostgreSQL refuses a NUL in text): a token whose {@code sub} is not
 * usable is refused at authentication ({@link ProblemChallengeJwtMechanism}), one whose {@code org} is not, here.
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
        if (!(token.getClaim(ORG_CLAIM) instanceof String org) || !usable(org)) {
            throw new ProblemException(403, "Forbidden",
                    "The token names no organisation (its org claim must be a non-empty string without control characters).");
        }
        return org;
    }

    /**
     * The display name for certificates and reports; falls back to the username, then to the subject. A name may
     * hold any character (the CSV export neutralises the dangerous ones) but a NUL, which PostgreSQL cannot store.
     */
    public String displayName() {
        if (token.getClaim("name") instanceof String name && !name.isBlank() && name.indexOf('\0') < 0) {
            return name;
        }
        return usable(token.getName()) ? token.getName() : id();
    }

    /** A claim that can be an id or a name: a non-blank string without control characters (NUL, line breaks). */
    public static boolean usable(String claim) {
        return claim != null && !claim.isBlank() && claim.chars().noneMatch(Character::isISOControl);
    }

    public boolean hasRole(String role) {
        return token.getGroups().contains(role);
    }
}
