package com.upward.gateway;

import com.upward.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static com.upward.platform.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Integration clients, the published keys, and trusting an issuer by its JWKS URL. */
@QuarkusTest
class IdentityTest {

    private static final String DEMO_CLIENT = "{\"grant_type\":\"client_credentials\",\"client_id\":\"acme-lms\",\"client_secret\":\"upward-demo-secret\"";

    private static Response json(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/auth/token");
    }

    private static Response form(String... fields) {
        var request = given().contentType(ContentType.URLENC);
        for (int i = 0; i < fields.length; i += 2) {
            request.formParam(fields[i], fields[i + 1]);
        }
        return request.post("/api/v1/auth/token");
    }

    private static JsonPath claims(String token) {
        return new JsonPath(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    @Test
    void anIntegrationClientGetsATokenForItsOrgWithOnlyTheIntegrationRole() {
        Response response = json(DEMO_CLIENT + "}");
        response.then().statusCode(200).body("token_type", equalTo("Bearer")).body("expires_in", equalTo(900));
        JsonPath claims = claims(response.jsonPath().getString("access_token"));
        assertEquals("acme-lms", claims.getString("sub"));
        assertEquals("acme", claims.getString("org"));
        assertEquals(List.of("integration"), claims.getList("groups"));
        assertEquals("https://upward.local", claims.getString("iss"));
        assertEquals("upward-api", claims.getString("aud"));
    }

    @Test
    void theOAuthFormEncodingWorksToo() {
        Response response = form("grant_type", "client_credentials", "client_id", "acme-lms", "client_secret", "upward-demo-secret");
        response.then().statusCode(200);
        assertEquals("acme-lms", claims(response.jsonPath().getString("access_token")).getString("sub"));
        form("username", "learner1@acme", "password", "upward-demo").then().statusCode(200);
    }

    @Test
    void anIntegrationTokenIsVerifiedAtTheEdgeButHasNoLearnerRights() {
        String token = json(DEMO_CLIENT + "}").jsonPath().getString("access_token");
        assertProblem(given().auth().oauth2(token).get("/api/v1/me/progress"), 403);
    }

    @Test
    void aWrongSecretAndAnUnknownClientGetTheSameAnswer() {
        Response wrongSecret = json("{\"grant_type\":\"client_credentials\",\"client_id\":\"acme-lms\",\"client_secret\":\"nope\"}");
        Response unknown = form("grant_type", "client_credentials", "client_id", "nobody-lms", "client_secret", "upward-demo-secret");
        assertProblem(wrongSecret, 401);
        assertProblem(unknown, 401);
        assertEquals(wrongSecret.jsonPath().getString("detail"), unknown.jsonPath().getString("detail"));
    }

    @Test
    void extraFieldsCannotNameAnOrgRolesOrSubject() {
        for (String extra : List.of("\"org\":\"globex\"", "\"groups\":[\"admin\"]", "\"sub\":\"someone-else\"")) {
            Response response = json(DEMO_CLIENT + "," + extra + "}");
            assertProblem(response, 400);
            assertTrue(response.jsonPath().getString("detail").startsWith("Unknown field"), response.asString());
            assertProblem(json("{\"username\":\"learner1@acme\",\"password\":\"upward-demo\"," + extra + "}"), 400);
        }
        Response viaForm = form("grant_type", "client_credentials", "client_id", "acme-lms",
                "client_secret", "upward-demo-secret", "org", "globex");
        assertProblem(viaForm, 400);
        assertEquals("Unknown field 'org'. Allowed fields: client_id, client_secret, grant_type, password, username.",
                viaForm.jsonPath().getString("detail"));
    }

    @Test
    void aFormThatIsNotUrlEncodedIsA400() {
        for (String body : List.of("username=%zz&password=x", "username=x&password=%", "grant_type=client_credentials&client_id=%C")) {
            Response response = given().contentType(ContentType.URLENC).body(body).post("/api/v1/auth/token");
            assertProblem(response, 400);
            assertTrue(response.jsonPath().getString("detail").contains("URL-encoded"), response.asString());
        }
        Response repeated = given().contentType(ContentType.URLENC).body("username=a&username=b&password=x").post("/api/v1/auth/token");
        assertProblem(repeated, 400);
    }

    @Test
    void fieldsOfTheOtherGrantAndUnknownGrantsAreRefusedByName() {
        Response mixed = json("{\"username\":\"learner1@acme\",\"password\":\"upward-demo\",\"client_id\":\"acme-lms\"}");
        assertProblem(mixed, 400);
        assertEquals("client_id", mixed.jsonPath().getString("errors[0].field"));
        Response missingSecret = form("grant_type", "client_credentials", "client_id", "acme-lms");
        assertProblem(missingSecret, 400);
        assertEquals("client_secret", missingSecret.jsonPath().getString("errors[0].field"));
        Response unknownGrant = json("{\"grant_type\":\"implicit\"}");
        assertProblem(unknownGrant, 400);
        assertEquals("grant_type", unknownGrant.jsonPath().getString("errors[0].field"));
    }

    @Test
    void aTokenIssuedByTheGatewayVerifiesAgainstThePublishedJwks() throws Exception {
        String token = json("{\"username\":\"admin@acme\",\"password\":\"upward-demo\"}").jsonPath().getString("access_token");
        JsonWebKeySet keys = new JsonWebKeySet(given().get("/.well-known/jwks.json").asString());
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(keys.getJsonWebKeys()))
                .setExpectedIssuer("https://upward.local").setExpectedAudience("upward-api")
                .setRequireExpirationTime().setRequireSubject().build();
        JwtClaims claims = consumer.processToClaims(token);
        assertEquals("defc2c17-ee4d-3b10-afd9-45fcea77962e", claims.getSubject());
        assertEquals(List.of("admin"), claims.getStringListClaimValue("groups"));
        assertThrows(InvalidJwtException.class, () -> consumer.processToClaims(TestTokens.signedByForeignKey()));
    }

    @Test
    void tokensAreVerifiedAgainstAJwksUrlLikeAnExternalIssuers() {
        String location = ConfigProvider.getConfig().getValue("mp.jwt.verify.publickey.location", String.class);
        assertTrue(location.startsWith("http://127.0.0.1:") && location.endsWith("/jwks"), location);
        given().auth().oauth2(TestTokens.learner("learner-external", "acme")).get("/api/v1/me/progress/echo")
                .then().statusCode(200);
    }
}
