package com.upward.progress;

import com.upward.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.upward.platform.testing.Problems.assertProblem;
import static com.upward.progress.TestEvents.count;
import static com.upward.progress.TestEvents.course;
import static com.upward.progress.TestEvents.publish;
import static com.upward.progress.TestEvents.unique;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /api/v1/integration/enrolments: rows checked one by one, idempotent by the LMS's external id, org from the token. */
@QuarkusTest
class IntegrationEnrolmentTest {

    private static final Logger LOG = Logger.getLogger(IntegrationEnrolmentTest.class);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PATH = "/api/v1/integration/enrolments";

    @Inject
    EntityManager entityManager;

    private String publishedCourse() {
        String courseId = unique("bulk");
        publish(course(courseId, 1));
        await().atMost(WAIT).until(() -> count(entityManager, "SELECT count(*) FROM course_version WHERE course_id = ?1", courseId) == 1);
        return courseId;
    }

    private static Map<String, Object> row(String externalId, String learnerId, String courseId, String dueDate) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("externalId", externalId);
        row.put("learnerId", learnerId);
        row.put("courseId", courseId);
        row.put("dueDate", dueDate);
        return row;
    }

    private static Response post(String token, List<?> rows) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("enrolments", rows)).post(PATH);
    }

    @Test
    void goodRowsAreEnrolledBadOnesListedWithTheirReasonAndResendingChangesNothing() {
        String org = unique("org");
        String client = TestTokens.token(org + "-lms", org, "integration");
        String courseId = publishedCourse();
        String member = unique("member");
        // A learner of the organisation (signed in once) is enrolled at once; an unknown id waits as pending.
        given().auth().oauth2(TestTokens.learner(member, org)).get("/api/v1/me/progress").then().statusCode(200);
        String stranger = unique("stranger");
        List<Map<String, Object>> rows = new ArrayList<>(List.of(
                row("ext-1", member, courseId, "2027-03-31"),
                row("ext-2", stranger, courseId, "2027-03-31"),
                row("ext-3", "bad id with spaces", courseId, "2027-03-31"),
                row("ext-4", member, "no-such-course", "2027-03-31"),
                row("ext-5", stranger, courseId, "31/03/2027"),
                row("ext-1", stranger, courseId, "2027-03-31")));
        rows.add(null);

        Response first = post(client, rows);
        first.then().statusCode(200).body("received", equalTo(7)).body("created", equalTo(2)).body("failed", equalTo(5));
        List<Map<String, Object>> results = first.jsonPath().getList("results");
        assertEquals(List.of("CREATED", "CREATED", "FAILED", "FAILED", "FAILED", "FAILED", "FAILED"),
                results.stream().map(r -> r.get("outcome")).toList());
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), results.stream().map(r -> r.get("row")).toList());
        assertTrue(((String) results.get(2).get("error")).contains("learnerId"), results.toString());
        assertTrue(((String) results.get(3).get("error")).contains("no course 'no-such-course'"), results.toString());
        assertTrue(((String) results.get(4).get("error")).contains("dueDate"), results.toString());
        assertTrue(((String) results.get(5).get("error")).contains("appears twice"), results.toString());

        given().auth().oauth2(TestTokens.learner(member, org)).get("/api/v1/me/enrolments").then().statusCode(200)
                .body("courseId", equalTo(List.of(courseId))).body("[0].source", equalTo("ASSIGNED"))
                .body("[0].dueDate", equalTo("2027-03-31"));
        assertEquals(1, count(entityManager, "SELECT count(*) FROM pending_enrolment WHERE org_id = ?1 AND learner_id = ?2", org, stranger));

        // The LMS timed out and sends the same request again: nothing new.
        Response again = post(client, rows);
        again.then().statusCode(200).body("created", equalTo(0)).body("unchanged", equalTo(2)).body("failed", equalTo(5));
        assertEquals(1, count(entityManager, "SELECT count(*) FROM enrolment WHERE org_id = ?1 AND course_id = ?2", org, courseId));
        assertEquals(2, count(entityManager, "SELECT count(*) FROM integration_enrolment WHERE org_id = ?1", org));

        // The same external id with a new due date moves it; with another learner it is refused.
        post(client, List.of(row("ext-1", member, courseId, "2027-06-30"), row("ext-2", member, courseId, "2027-03-31")))
                .then().statusCode(200).body("results[0].outcome", equalTo("UPDATED"))
                .body("results[1].outcome", equalTo("FAILED"))
                .body("results[1].error", equalTo("externalId ext-2 already enrolled learner " + stranger + " in course " + courseId
                        + "; an external id names one enrolment, use a new one for another"));
        given().auth().oauth2(TestTokens.learner(member, org)).get("/api/v1/me/enrolments").then()
                .body("[0].dueDate", equalTo("2027-06-30"));
    }

    @Test
    void externalIdsBelongToTheOrganisationOfTheToken() {
        String courseId = publishedCourse();
        String acme = unique("acme");
        String globex = unique("globex");
        String learner = unique("shared");
        post(TestTokens.token("lms", acme, "integration"), List.of(row("same-id", learner, courseId, "2027-01-31")))
                .then().statusCode(200).body("created", equalTo(1));
        // Another organisation's LMS using the same external id and learner id enrols in its own organisation only.
        post(TestTokens.token("lms", globex, "integration"), List.of(row("same-id", learner, courseId, "2027-02-28")))
                .then().statusCode(200).body("created", equalTo(1));
        assertEquals(1, count(entityManager, "SELECT count(*) FROM pending_enrolment WHERE org_id = ?1 AND due_date = DATE '2027-01-31'", acme));
        assertEquals(1, count(entityManager, "SELECT count(*) FROM pending_enrolment WHERE org_id = ?1 AND due_date = DATE '2027-02-28'", globex));
    }

    @Test
    void aThousandRowsAreTakenAndOneMoreIsRefusedWhole() {
        String org = unique("big");
        String client = TestTokens.token(org + "-lms", org, "integration");
        String courseId = publishedCourse();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rows.add(row("row-" + i, "l" + i + "-" + org, courseId, "2027-01-31"));
        }
        // A tenth of them are learners of the organisation already, so both paths run at scale.
        for (int i = 0; i < 1000; i += 10) {
            given().auth().oauth2(TestTokens.learner("l" + i + "-" + org, org)).get("/api/v1/me/enrolments").then().statusCode(200);
        }
        long started = System.nanoTime();
        post(client, rows).then().statusCode(200).body("created", equalTo(1000)).body("failed", equalTo(0));
        LOG.infof("1,000 enrolment rows (100 members, 900 pending) took %d ms", (System.nanoTime() - started) / 1_000_000);
        assertEquals(100, count(entityManager, "SELECT count(*) FROM enrolment WHERE org_id = ?1", org));
        assertEquals(900, count(entityManager, "SELECT count(*) FROM pending_enrolment WHERE org_id = ?1", org));

        rows.add(row("row-1000", "l1000-" + org, courseId, "2027-01-31"));
        assertProblem(post(client, rows), 413);
        assertEquals(1000, count(entityManager, "SELECT count(*) FROM integration_enrolment WHERE org_id = ?1", org));
    }

    @Test
    void malformedRequestsAndOtherRolesAreRefused() {
        String client = TestTokens.token("lms", "acme", "integration");
        assertProblem(post(client, List.of()), 400);
        assertProblem(given().auth().oauth2(client).contentType(ContentType.JSON).body("{\"enrolments\":").post(PATH), 400);
        assertProblem(given().auth().oauth2(client).contentType(ContentType.JSON).body("{\"rows\":[]}").post(PATH), 400);
        assertProblem(given().auth().oauth2(client).contentType(ContentType.JSON).body("{}").post(PATH), 400);
        Map<String, Object> extra = new HashMap<>(row("x", "y", "z", "2027-01-01"));
        extra.put("orgId", "globex");
        assertProblem(post(client, List.of(extra)), 400);
        assertProblem(post(TestTokens.admin("admin", "acme"), List.of(row("x", "y", "z", "2027-01-01"))), 403);
        assertProblem(post(TestTokens.learner("learner", "acme"), List.of(row("x", "y", "z", "2027-01-01"))), 403);
        assertProblem(given().contentType(ContentType.JSON).body(Map.of("enrolments", List.of())).post(PATH), 401);
    }
}
