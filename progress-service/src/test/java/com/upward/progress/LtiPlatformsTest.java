package com.upward.progress;

import com.upward.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.upward.platform.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Platform registrations: an admin's own organisation's only, whole or not at all. */
@QuarkusTest
class LtiPlatformsTest {

    private static final String PATH = "/api/v1/admin/lti/platforms";

    private static Map<String, Object> registration(String issuer) {
        Map<String, Object> body = new HashMap<>();
        body.put("issuer", issuer);
        body.put("clientId", "client-1");
        body.put("deploymentIds", List.of("d1", "d2"));
        body.put("authLoginUrl", "https://lms.example/auth");
        body.put("authTokenUrl", "https://lms.example/token");
        body.put("jwksUrl", "https://lms.example/jwks");
        return body;
    }

    private static Response send(String token, String method, String path, Object body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON);
        if (body != null) {
            request.body(body);
        }
        return request.request(method, path);
    }

    @Test
    void anAdminRegistersListsReadsUpdatesAndDeletes() {
        String admin = TestTokens.admin("lti-admin-" + UUID.randomUUID(), "lti-crud-" + UUID.randomUUID());
        String issuer = "https://lms-" + UUID.randomUUID() + ".example";
        Response created = send(admin, "POST", PATH, registration(issuer));
        assertEquals(201, created.statusCode(), created::asString);
        String id = created.jsonPath().getString("id");
        assertTrue(created.header("Location").endsWith(PATH + "/" + id));
        assertEquals(List.of("d1", "d2"), created.jsonPath().getList("deploymentIds"));

        Response list = send(admin, "GET", PATH, null);
        assertEquals(List.of(id), list.jsonPath().getList("id"));
        assertEquals(issuer, send(admin, "GET", PATH + "/" + id, null).jsonPath().getString("issuer"));

        Map<String, Object> changed = registration(issuer);
        changed.put("deploymentIds", List.of("d3"));
        changed.put("jwksUrl", "https://lms.example/keys");
        Response updated = send(admin, "PUT", PATH + "/" + id, changed);
        assertEquals(200, updated.statusCode(), updated::asString);
        Response read = send(admin, "GET", PATH + "/" + id, null);
        assertEquals(List.of("d3"), read.jsonPath().getList("deploymentIds"));
        assertEquals("https://lms.example/keys", read.jsonPath().getString("jwksUrl"));

        assertEquals(204, send(admin, "DELETE", PATH + "/" + id, null).statusCode());
        assertProblem(send(admin, "GET", PATH + "/" + id, null), 404);
        assertEquals(List.of(), send(admin, "GET", PATH, null).jsonPath().getList("id"));
    }

    @Test
    void anotherOrganisationsAdminSeesAndChangesNothing() {
        String owner = TestTokens.admin("owner", "lti-owner-" + UUID.randomUUID());
        String other = TestTokens.admin("other", "lti-other-" + UUID.randomUUID());
        String issuer = "https://lms-" + UUID.randomUUID() + ".example";
        String id = send(owner, "POST", PATH, registration(issuer)).jsonPath().getString("id");

        assertEquals(List.of(), send(other, "GET", PATH, null).jsonPath().getList("id"));
        assertProblem(send(other, "GET", PATH + "/" + id, null), 404);
        assertProblem(send(other, "PUT", PATH + "/" + id, registration(issuer)), 404);
        assertProblem(send(other, "DELETE", PATH + "/" + id, null), 404);
        // The same issuer and client id cannot lead to a second organisation.
        assertProblem(send(other, "POST", PATH, registration(issuer)), 409);
        assertEquals(issuer, send(owner, "GET", PATH + "/" + id, null).jsonPath().getString("issuer"));
    }

    @Test
    void badInputIsRefusedAndNothingIsWritten() {
        String org = "lti-bad-" + UUID.randomUUID();
        String admin = TestTokens.admin("admin", org);
        String issuer = "https://lms-" + UUID.randomUUID() + ".example";
        Map<String, Object> noDeployments = registration(issuer);
        noDeployments.put("deploymentIds", List.of());
        Map<String, Object> badUrl = registration(issuer);
        badUrl.put("jwksUrl", "ftp://lms.example/jwks");
        Map<String, Object> relative = registration(issuer);
        relative.put("authLoginUrl", "/auth");
        Map<String, Object> noIssuer = registration(issuer);
        noIssuer.remove("issuer");
        Map<String, Object> unknownField = registration(issuer);
        unknownField.put("orgId", "someone-else");
        for (Map<String, Object> body : List.of(noDeployments, badUrl, relative, noIssuer, unknownField)) {
            assertProblem(send(admin, "POST", PATH, body), 400);
        }
        assertProblem(given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"issuer\":").post(PATH), 400);
        assertProblem(send(admin, "GET", PATH + "/not-a-uuid", null), 400);
        assertEquals(List.of(), send(admin, "GET", PATH, null).jsonPath().getList("id"));
    }

    @Test
    void onlyAnAdminMayTouchThem() {
        assertProblem(given().get(PATH), 401);
        assertProblem(send(TestTokens.learner("l1", "acme"), "GET", PATH, null), 403);
        assertProblem(send(TestTokens.author("a1", "acme"), "POST", PATH, registration("https://x.example")), 403);
    }
}
