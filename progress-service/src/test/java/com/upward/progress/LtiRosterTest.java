package com.upward.progress;

import com.upward.platform.testing.LtiTestPlatform;
import com.upward.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.upward.platform.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** An admin reads the roster of a launched context from the test platform, following Link rel="next" over every page. */
@QuarkusTest
class LtiRosterTest {

    @Test
    void theWholeRosterIsReadPageByPage() {
        try (LtiTestPlatform platform = new LtiTestPlatform()) {
            platform.trustToolJwks(RestAssured.baseURI + ":" + RestAssured.port + "/lti/jwks");
            String org = "nrps-" + UUID.randomUUID();
            String admin = TestTokens.admin("admin", org);
            String id = given().auth().oauth2(admin).contentType(ContentType.JSON).body(platform.registration())
                    .post("/api/v1/admin/lti/platforms").jsonPath().getString("id");
            String roster = "/api/v1/admin/lti/platforms/" + id + "/roster";
            assertProblem(given().auth().oauth2(admin).get(roster), 404);

            for (int i = 1; i <= 5; i++) {
                platform.addMember("user-" + i, "Member " + i, "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner");
            }
            platform.setMemberPageSize(2);
            String nonce = UUID.randomUUID().toString();
            given().contentType(ContentType.JSON).body(Map.of("idToken",
                            platform.sign(platform.launchClaims("user-1", nonce, null)), "expectedNonce", nonce))
                    .post("/internal/lti/launches").then().statusCode(200);

            Response read = given().auth().oauth2(admin).get(roster);
            assertEquals(200, read.statusCode(), read::asString);
            assertEquals("context-1", read.jsonPath().getString("contextId"));
            assertEquals(List.of("user-1", "user-2", "user-3", "user-4", "user-5"), read.jsonPath().getList("members.userId"));
            assertEquals("Member 3", read.jsonPath().getString("members[2].name"));

            assertProblem(given().auth().oauth2(TestTokens.admin("admin", "nrps-other")).get(roster), 404);
            assertProblem(given().auth().oauth2(TestTokens.learner("l", org)).get(roster), 403);
            assertProblem(given().auth().oauth2(admin).queryParam("contextId", "unknown").get(roster), 404);
        }
    }
}
