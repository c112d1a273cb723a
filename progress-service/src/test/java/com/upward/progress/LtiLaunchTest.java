package com.upward.progress;

import com.upward.platform.testing.LtiTestPlatform;
import com.upward.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static com.upward.platform.testing.LtiTestPlatform.CLAIM;
import static com.upward.platform.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Launches from a platform of our own over real HTTP: a valid one provisions the learner into the registration's
 * organisation; every broken one is refused with the name of the failed check, and creates nothing.
 */
@QuarkusTest
class LtiLaunchTest {

    private static final String ORG = "lti-launch-" + UUID.randomUUID();
    private static LtiTestPlatform platform;

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void register() {
        if (platform != null) {
            return;
        }
        platform = new LtiTestPlatform();
        given().auth().oauth2(TestTokens.admin("admin", ORG)).contentType(ContentType.JSON)
                .body(platform.registration()).post("/api/v1/admin/lti/platforms").then().statusCode(201);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    private static Response launch(String idToken, String expectedNonce) {
        return given().contentType(ContentType.JSON).body(Map.of("idToken", idToken, "expectedNonce", expectedNonce))
                .post("/internal/lti/launches");
    }

    private long accounts(String subject) {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM lti_account WHERE subject = :s")
                .setParameter("s", subject).getSingleResult()).longValue();
    }

    private long nonces(String nonce) {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM lti_nonce WHERE nonce = :n")
                .setParameter("n", nonce).getSingleResult()).longValue();
    }

    /** A launch changed by the tweak is refused, naming the check, and leaves no account and no used nonce. */
    private void refused(String check, Consumer<Map<String, Object>> tweak) {
        refused(check, tweak, platform::sign);
    }

    private void refused(String check, Consumer<Map<String, Object>> tweak,
                         java.util.function.Function<Map<String, Object>, String> signer) {
        String subject = "user-" + UUID.randomUUID();
        String nonce = UUID.randomUUID().toString();
        Map<String, Object> claims = new java.util.LinkedHashMap<>(platform.launchClaims(subject, nonce, "/lineitems/1"));
        tweak.accept(claims);
        Response response = launch(signer.apply(claims), nonce);
        assertProblem(response, 401);
        assertEquals("LTI launch refused", response.jsonPath().getString("title"));
        String detail = response.jsonPath().getString("detail");
        assertTrue(detail.startsWith(check + ": "), () -> "expected check " + check + ", got: " + detail);
        assertEquals(0, accounts(subject), "no learner provisioned");
        assertEquals(0, nonces(nonce), "the nonce is not used up");
    }

    @Test
    void aValidLaunchProvisionsTheLearnerIntoTheRegistrationsOrganisation() {
        String subject = "user-" + UUID.randomUUID();
        String nonce = UUID.randomUUID().toString();
        Response first = launch(platform.sign(platform.launchClaims(subject, nonce, "/lineitems/7")), nonce);
        assertEquals(200, first.statusCode(), first::asString);
        assertEquals(ORG, first.jsonPath().getString("orgId"));
        assertEquals(List.of("learner"), first.jsonPath().getList("roles"));
        assertEquals("LtiResourceLinkRequest", first.jsonPath().getString("messageType"));
        assertEquals("COURSE", first.jsonPath().getString("target.kind"));
        assertEquals("how-to-lead-upward", first.jsonPath().getString("target.courseId"));
        assertEquals("LTI " + subject, first.jsonPath().getString("name"));
        String learnerId = first.jsonPath().getString("learnerId");

        String again = UUID.randomUUID().toString();
        Response second = launch(platform.sign(platform.launchClaims(subject, again, "/lineitems/7")), again);
        assertEquals(learnerId, second.jsonPath().getString("learnerId"), "the same user is the same learner");
        assertEquals(1, accounts(subject));
        String otherNonce = UUID.randomUUID().toString();
        Response other = launch(platform.sign(platform.launchClaims("user-" + UUID.randomUUID(), otherNonce, null)), otherNonce);
        assertNotEquals(learnerId, other.jsonPath().getString("learnerId"));
    }

    @Test
    void instructorsAndAdministratorsBecomeAdminsOfTheOrganisation() {
        for (String role : List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor",
                "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator")) {
            String nonce = UUID.randomUUID().toString();
            Map<String, Object> claims = platform.launchClaims("staff-" + UUID.randomUUID(), nonce, null);
            claims.put(CLAIM + "roles", List.of(role));
            Response response = launch(platform.sign(claims), nonce);
            assertEquals(List.of("admin"), response.jsonPath().getList("roles"), role);
            assertEquals(ORG, response.jsonPath().getString("orgId"));
        }
    }

    @Test
    void theCustomParameterOrTheTargetLinkSaysWhatOpens() {
        String nonce = UUID.randomUUID().toString();
        Map<String, Object> claims = platform.launchClaims("user-" + UUID.randomUUID(), nonce, null);
        claims.put(CLAIM + "custom", Map.of("course", "how-to-lead-upward", "quiz", "power-quiz"));
        Response quiz = launch(platform.sign(claims), nonce);
        assertEquals("QUIZ", quiz.jsonPath().getString("target.kind"));
        assertEquals("power-quiz", quiz.jsonPath().getString("target.targetId"));

        String nonce2 = UUID.randomUUID().toString();
        Map<String, Object> linked = platform.launchClaims("user-" + UUID.randomUUID(), nonce2, null);
        linked.put(CLAIM + "target_link_uri", "https://upward.example/lti/courses/how-to-lead-upward/lessons/four-tips?x=1");
        Response lesson = launch(platform.sign(linked), nonce2);
        assertEquals("LESSON", lesson.jsonPath().getString("target.kind"));
        assertEquals("four-tips", lesson.jsonPath().getString("target.targetId"));
    }

    @Test
    void aRotatedPlatformKeyIsFoundByReadingTheJwksAgain() {
        String nonce = UUID.randomUUID().toString();
        launch(platform.sign(platform.launchClaims("user-" + UUID.randomUUID(), nonce, null)), nonce).then().statusCode(200);
        int reads = platform.jwksReads();
        platform.rotateKey();
        String next = UUID.randomUUID().toString();
        Response rotated = launch(platform.sign(platform.launchClaims("user-" + UUID.randomUUID(), next, null)), next);
        assertEquals(200, rotated.statusCode(), rotated::asString);
        assertEquals(reads + 1, platform.jwksReads(), "one reread for the unknown kid");
    }

    @Test
    void aReplayedNonceIsRefused() {
        String subject = "user-" + UUID.randomUUID();
        String nonce = UUID.randomUUID().toString();
        String idToken = platform.sign(platform.launchClaims(subject, nonce, null));
        launch(idToken, nonce).then().statusCode(200);
        Response replay = launch(idToken, nonce);
        assertProblem(replay, 401);
        assertTrue(replay.jsonPath().getString("detail").startsWith("nonce: "), replay::asString);
        assertEquals(1, nonces(nonce));
    }

    @Test
    void aBadSignatureIsRefused() {
        refused("signature", claims -> { }, platform::signWithWrongKey);
    }

    @Test
    void anUnknownKidIsRefused() {
        refused("kid", claims -> { }, platform::signWithUnpublishedKey);
    }

    @Test
    void notAJwtIsRefused() {
        refused("id_token", claims -> { }, claims -> "not.a.jwt");
    }

    @Test
    void aWrongIssuerIsRefused() {
        refused("iss", claims -> claims.put("iss", "https://unknown-lms.example"));
    }

    @Test
    void aWrongAudienceIsRefused() {
        refused("aud", claims -> claims.put("aud", "someone-else"));
    }

    @Test
    void severalAudiencesWithoutAzpAreRefused() {
        refused("azp", claims -> claims.put("aud", List.of(LtiTestPlatform.CLIENT_ID, "another-tool")));
    }

    @Test
    void aWrongAzpIsRefused() {
        refused("azp", claims -> {
            claims.put("aud", List.of(LtiTestPlatform.CLIENT_ID, "another-tool"));
            claims.put("azp", "another-tool");
        });
    }

    @Test
    void anExpiredTokenIsRefused() {
        // Past the configured leeway (60 s).
        refused("exp", claims -> {
            claims.put("iat", Instant.now().minusSeconds(900).getEpochSecond());
            claims.put("exp", Instant.now().minusSeconds(300).getEpochSecond());
        });
    }

    @Test
    void aTokenFromTheFutureIsRefused() {
        refused("iat", claims -> claims.put("iat", Instant.now().plusSeconds(600).getEpochSecond()));
    }

    @Test
    void aNonceOtherThanTheLoginsIsRefused() {
        refused("nonce", claims -> claims.put("nonce", "another-browsers-nonce"));
    }

    @Test
    void anUnknownDeploymentIsRefused() {
        refused("deployment_id", claims -> claims.put(CLAIM + "deployment_id", "deployment-unknown"));
    }

    @Test
    void aMissingDeploymentIsRefused() {
        refused("deployment_id", claims -> claims.remove(CLAIM + "deployment_id"));
    }

    @Test
    void aWrongMessageTypeIsRefused() {
        refused("message_type", claims -> claims.put(CLAIM + "message_type", "LtiSubmissionReviewRequest"));
    }

    @Test
    void aWrongVersionIsRefused() {
        refused("version", claims -> claims.put(CLAIM + "version", "1.1"));
    }

    @Test
    void aLaunchWithoutSubIsRefused() {
        refused("sub", claims -> claims.remove("sub"));
    }

    @Test
    void aLaunchWithoutRolesIsRefused() {
        refused("roles", claims -> claims.remove(CLAIM + "roles"));
    }

    @Test
    void aResourceLinkLaunchWithoutItsLinkIsRefused() {
        refused("resource_link", claims -> claims.remove(CLAIM + "resource_link"));
    }

    @Test
    void theToolPublishesItsKey() {
        Response jwks = given().get("/lti/jwks");
        assertEquals(200, jwks.statusCode());
        assertEquals("upward-lti-1", jwks.jsonPath().getString("keys[0].kid"));
        assertEquals("RS256", jwks.jsonPath().getString("keys[0].alg"));
        assertTrue(jwks.asString().contains("\"n\""));
        assertTrue(!jwks.asString().contains("\"d\""), "no private part");
        // A key retired by rotation (a KID.pem in upward.lti.retired-keys-directory) is still published after it.
        assertEquals("upward-lti-0", jwks.jsonPath().getString("keys[1].kid"));
        assertEquals("sig", jwks.jsonPath().getString("keys[1].use"));
    }

    @Test
    void aLoginFindsItsRegistration() {
        Response login = given().contentType(ContentType.JSON)
                .body(Map.of("issuer", platform.issuer(), "clientId", LtiTestPlatform.CLIENT_ID)).post("/internal/lti/logins");
        assertEquals(platform.url("/auth"), login.jsonPath().getString("authLoginUrl"));
        assertProblem(given().contentType(ContentType.JSON).body(Map.of("issuer", "https://nobody.example"))
                .post("/internal/lti/logins"), 404);
        assertProblem(given().contentType(ContentType.JSON).body(Map.of("idToken", "", "expectedNonce", "x"))
                .post("/internal/lti/launches"), 400);
    }
}
