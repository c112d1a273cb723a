package com.upward.assessment;

import com.upward.assessment.support.TestClock;
import com.upward.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.upward.platform.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reminders: practice due per learner for an LMS (role integration), and the admin's report of overdue practice and held conversations. */
@QuarkusTest
class PracticeReportTest {

    @Inject
    TestClock clock;

    @Test
    void dueAndOverduePracticeAndHeldConversationsAreReportedToTheirOwnOrganisationOnly() {
        // A fresh organisation, so other tests' learners do not count.
        String org = "reminders-" + UUID.randomUUID().toString().substring(0, 8);
        String late = "late-" + UUID.randomUUID();
        String prompt = "prompt-" + UUID.randomUUID();
        PracticeTest.failExpertise(TestTokens.learner(late, org));
        String admin = TestTokens.admin("admin", org);
        String lms = TestTokens.token("lms", org, "integration");
        JsonPath before = report(admin);
        assertEquals(0, before.getInt("cardsDue"));
        assertEquals(0, given().auth().oauth2(lms).get("/api/v1/integration/practice-due").then().statusCode(200)
                .extract().jsonPath().getInt("totalItems"));

        // Two days on: the first learner's set is a day overdue; a second learner fails now, nothing due yet.
        clock.advance(Duration.ofDays(2).plusMinutes(5));
        PracticeTest.failExpertise(TestTokens.learner(prompt, org));
        JsonPath due = given().auth().oauth2(lms).get("/api/v1/integration/practice-due").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1, due.getInt("totalItems"));
        assertEquals(late, due.getString("items[0].learnerId"));
        assertEquals("EXPERTISE", due.getString("items[0].powerType"));
        assertTrue(due.getBoolean("items[0].overdue"));

        String learnerToken = TestTokens.learner(prompt, org);
        String plan = ConversationPlanTest.post(learnerToken, ConversationPlanTest.plan("Talk to my director"))
                .then().statusCode(201).extract().path("id");
        ConversationPlanTest.post(learnerToken, Map.of("title", "Not held yet")).then().statusCode(201);
        given().auth().oauth2(learnerToken).contentType(ContentType.JSON).body(Map.of("reflection", "That wasn't so bad."))
                .post("/api/v1/me/conversation-plans/" + plan + "/held").then().statusCode(200);

        JsonPath report = report(admin);
        assertEquals(1, report.getInt("cardsDue"));
        assertEquals(1, report.getInt("learnersOverdue"));
        assertEquals(List.of(late), report.getList("overdue.items.learnerId"));
        assertEquals(2, report.getInt("conversations.plans"));
        assertEquals(1, report.getInt("conversations.held"));
        assertEquals(1, report.getInt("conversations.learnersWhoHeld"));

        // Another organisation sees none of it; pages are checked; each route keeps to its role.
        JsonPath other = report(TestTokens.admin("admin", "other-" + org));
        assertEquals(0, other.getInt("cardsDue"));
        assertEquals(0, other.getInt("conversations.plans"));
        assertFalse(other.getList("overdue.items").iterator().hasNext());
        assertProblem(given().auth().oauth2(lms).get("/api/v1/integration/practice-due?size=1000"), 400);
        assertProblem(given().auth().oauth2(admin).get("/api/v1/admin/practice-report?page=x"), 400);
        assertProblem(given().auth().oauth2(admin).get("/api/v1/integration/practice-due"), 403);
        assertProblem(given().auth().oauth2(lms).get("/api/v1/admin/practice-report"), 403);
        assertProblem(given().auth().oauth2(learnerToken).get("/api/v1/admin/practice-report"), 403);
        assertProblem(given().get("/api/v1/integration/practice-due"), 401);
    }

    private static JsonPath report(String admin) {
        return given().auth().oauth2(admin).get("/api/v1/admin/practice-report").then().statusCode(200).extract().jsonPath();
    }
}
