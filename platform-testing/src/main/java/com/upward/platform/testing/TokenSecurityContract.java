package com.upward.platform.testing;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.upward.platform.testing.Problems.assertProblem;

/**
 * Every service checks the token itself. A service's test extends this with one protected path and its roles; each bad
 * token must get a 401 problem+json (a validly signed one too when its sub is missing, blank or holds a control
 * character), and a valid token without the role a 403.
 */
public abstract class TokenSecurityContract {

    private final String protectedPath;
    private final String allowedRole;
    private final String otherRole;
    private final boolean pathNeedsOrganisation;

    /**
     * @param protectedPath a GET path that needs a valid token with {@code allowedRole}
     * @param otherRole     a role that is valid but not allowed on {@code protectedPath}
     */
    protected TokenSecurityContract(String protectedPath, String allowedRole, String otherRole) {
        this(protectedPath, allowedRole, otherRole, true);
    }

    /**
     * @param pathNeedsOrganisation whether {@code protectedPath} needs the caller's organisation; then a token whose
     *                              org claim is not a string must be refused, not fail inside the service
     */
    protected TokenSecurityContract(String protectedPath, String allowedRole, String otherRole,
                                    boolean pathNeedsOrganisation) {
        this.protectedPath = protectedPath;
        this.allowedRole = allowedRole;
        this.otherRole = otherRole;
        this.pathNeedsOrganisation = pathNeedsOrganisation;
    }

    private Response get(String token) {
        var request = RestAssured.given();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.get(protectedPath);
    }

    @Test
    void missingTokenIsUnauthorized() {
        assertProblem(get(null), 401);
    }

    @Test
    void malformedTokenIsUnauthorized() {
        assertProblem(get(TestTokens.malformed()), 401);
    }

    @Test
    void tamperedPayloadIsUnauthorized() {
        assertProblem(get(TestTokens.tamperedPayload()), 401);
    }

    @Test
    void algNoneIsUnauthorized() {
        assertProblem(get(TestTokens.algNone()), 401);
    }

    @Test
    void hs256SignedWithThePublicKeyIsUnauthorized() {
        assertProblem(get(TestTokens.hs256WithPublicKey()), 401);
    }

    @Test
    void foreignKeyIsUnauthorized() {
        assertProblem(get(TestTokens.signedByForeignKey()), 401);
    }

    @Test
    void wrongIssuerIsUnauthorized() {
        assertProblem(get(TestTokens.wrongIssuer()), 401);
    }

    @Test
    void wrongAudienceIsUnauthorized() {
        assertProblem(get(TestTokens.wrongAudience()), 401);
    }

    @Test
    void expiredTokenIsUnauthorized() {
        assertProblem(get(TestTokens.expired()), 401);
    }

    @Test
    void tokenWithoutExpiryIsUnauthorized() {
        assertProblem(get(TestTokens.withoutExpiry()), 401);
    }

    @Test
    void validlySignedTokenWithoutAUsableSubjectIsUnauthorized() {
        Map<String, Object> noSub = TestTokens.claims("no-sub", "acme", allowedRole);
        noSub.remove("sub");
        Map<String, Object> noSubNoUpn = TestTokens.claims("nobody", "acme", allowedRole);
        noSubNoUpn.remove("sub");
        noSubNoUpn.remove("upn");
        Map<String, Object> blank = TestTokens.claims(" ", "acme", allowedRole);
        Map<String, Object> control = TestTokens.claims("nul\u0000learner", "acme", allowedRole);
        for (Map<String, Object> claims : List.of(noSub, noSubNoUpn, blank, control)) {
            assertProblem(get(TestTokens.signed(claims)), 401);
        }
    }

    @Test
    void validTokenWithoutTheRoleIsForbidden() {
        assertProblem(get(TestTokens.token("someone", "acme", otherRole)), 403);
    }

    @Test
    void organisationClaimOfTheWrongTypeIsRefusedNeverAnError() {
        for (Object org : List.of(List.of("acme", "globex"), 42, Map.of("id", "acme"), true, "", "nul\u0000org")) {
            Response response = get(TestTokens.withOrgClaim(org, allowedRole));
            if (pathNeedsOrganisation) {
                assertProblem(response, 403);
            } else if (response.statusCode() >= 500) {
                throw new AssertionError("org " + org + " gave " + response.statusCode() + ": " + response.asString());
            }
        }
    }
}
