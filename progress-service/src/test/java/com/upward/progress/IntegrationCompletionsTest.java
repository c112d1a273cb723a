package com.upward.progress;

import com.upward.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static com.upward.platform.testing.Problems.assertProblem;
import static com.upward.progress.TestEvents.attempt;
import static com.upward.progress.TestEvents.count;
import static com.upward.progress.TestEvents.course;
import static com.upward.progress.TestEvents.lesson;
import static com.upward.progress.TestEvents.publish;
import static com.upward.progress.TestEvents.unique;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The LMS's pull of completions: its own organisation only, in a stable order, from a point in time. */
@QuarkusTest
class IntegrationCompletionsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PATH = "/api/v1/integration/completions";
    private final String acmeLms = TestTokens.token("acme-lms", "acme", "integration");
    private final String globexLms = TestTokens.token("globex-lms", "globex", "integration");

    @Inject
    EntityManager entityManager;

    // Made once for all the tests of this class (they only read them).
    private static String courseId;
    private static String first;
    private static String tieA;
    private static String tieB;
    private static String last;
    private static String globexLearner;

    /** Four acme learners complete a fresh course (two in the same minute), and one globex learner. */
    @BeforeEach
    void completions() {
        if (courseId != null) {
            return;
        }
        String course = unique("lms");
        first = unique("acme-first");
        tieA = unique("acme-tie");
        tieB = unique("acme-tie");
        last = unique("acme-last");
        globexLearner = unique("globex");
        publish(course(course, 1));
        complete(course, first, "acme", 10);
        complete(course, tieA, "acme", 20);
        complete(course, tieB, "acme", 20);
        complete(course, last, "acme", 30);
        complete(course, globexLearner, "globex", 15);
        // The name is known once the learner has called the service with their token.
        given().auth().oauth2(TestTokens.learner(first, "acme")).get("/api/v1/me/certificates").then().statusCode(200);
        await().atMost(WAIT).until(() -> count(entityManager,
                "SELECT count(*) FROM certificate WHERE course_id = ?1", course) == 5);
        courseId = course;
    }

    @Test
    void anOrgsClientSeesItsOwnCompletionsWithTheirCertificatesAndNoneOfAnotherOrg() {
        JsonPath acme = page(acmeLms, Map.of("courseId", courseId));
        assertEquals(4, acme.getInt("totalItems"));
        List<String> learners = acme.getList("items.learnerId");
        assertEquals(first, learners.get(0));
        assertEquals(new HashSet<>(List.of(tieA, tieB)), new HashSet<>(learners.subList(1, 3)));
        assertEquals(last, learners.get(3));
        assertFalse(learners.contains(globexLearner));

        Map<String, Object> item = acme.getMap("items[0]");
        String certificateId = (String) item.get("certificateId");
        assertEquals("Test " + first, item.get("learnerName"));
        assertEquals(courseId, item.get("courseId"));
        assertEquals("Course " + courseId + " v1", item.get("courseTitle"));
        assertEquals(1, item.get("courseVersion"));
        assertEquals("2026-11-02T10:10:00Z", item.get("completedAt"));
        assertEquals(90.0f, ((Number) item.get("finalPercent")).floatValue());
        assertEquals("/api/v1/certificates/" + certificateId, item.get("certificateUrl"));
        assertEquals(Map.of("learnerId", first, "learnerName", "Test " + first, "courseId", courseId,
                "courseTitle", "Course " + courseId + " v1", "courseVersion", 1, "completedAt", "2026-11-02T10:10:00Z",
                "finalPercent", 90.0f, "certificateId", certificateId, "certificateUrl", "/api/v1/certificates/" + certificateId),
                item, "exactly these fields");
        // A learner who never called the service has no name on record yet.
        assertNull(acme.getMap("items[3]").get("learnerName"));
        given().accept(ContentType.JSON).get((String) item.get("certificateUrl")).then().statusCode(200)
                .body("certificateId", equalTo(certificateId)).body("learnerName", equalTo("Test " + first));

        JsonPath globex = page(globexLms, Map.of("courseId", courseId));
        assertEquals(1, globex.getInt("totalItems"));
        assertEquals(List.of(globexLearner), globex.getList("items.learnerId"));

        // Without a course filter: every acme completion there is, still none of globex's.
        List<String> everyAcmeCertificate = allCertificateIds(acmeLms, Map.of());
        assertTrue(everyAcmeCertificate.containsAll(acme.getList("items.certificateId")));
        assertFalse(everyAcmeCertificate.contains(globex.getString("items[0].certificateId")));
        assertEquals(new HashSet<>(everyAcmeCertificate).size(), everyAcmeCertificate.size(), "no certificate twice");
    }

    @Test
    void sinceIsInclusiveAndTakesAnyOffset() {
        JsonPath fromTheTie = page(acmeLms, Map.of("courseId", courseId, "since", "2026-11-02T10:20:00Z"));
        assertEquals(3, fromTheTie.getInt("totalItems"));
        assertEquals(new HashSet<>(List.of(tieA, tieB, last)), new HashSet<>(fromTheTie.getList("items.learnerId")));
        // The same instant written with another offset ('+' is sent encoded, as %2B).
        JsonPath withOffset = page(acmeLms, Map.of("courseId", courseId, "since", "2026-11-02T11:20:00+01:00"));
        assertEquals(fromTheTie.getList("items.certificateId"), withOffset.getList("items.certificateId"));
        JsonPath afterTheTie = page(acmeLms, Map.of("courseId", courseId, "since", "2026-11-02T10:20:00.000001Z"));
        assertEquals(List.of(last), afterTheTie.getList("items.learnerId"));
        JsonPath later = page(acmeLms, Map.of("courseId", courseId, "since", "2026-11-02T10:30:01Z"));
        assertEquals(0, later.getInt("totalItems"));
        assertEquals(List.of(), later.getList("items"));
    }

    @Test
    void pagesOfOneAddUpToTheWholeOrderedListAndRepeatTheSame() {
        JsonPath whole = page(acmeLms, Map.of("courseId", courseId, "size", "100"));
        List<String> expected = whole.getList("items.certificateId");
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 4; page++) {
            JsonPath onePage = page(acmeLms, Map.of("courseId", courseId, "size", "1", "page", String.valueOf(page)));
            assertEquals(4, onePage.getInt("totalPages"));
            assertEquals(onePage.getList("items"), page(acmeLms, Map.of("courseId", courseId, "size", "1",
                    "page", String.valueOf(page))).getList("items"), "asking again gives the same page");
            paged.addAll(onePage.getList("items.certificateId"));
        }
        assertEquals(expected, paged);
        assertEquals(List.of(), page(acmeLms, Map.of("courseId", courseId, "size", "1", "page", "4")).getList("items"));

        // Ordered by completedAt, then by certificate id (byte order) where the times tie.
        List<String> times = whole.getList("items.completedAt");
        for (int i = 1; i < expected.size(); i++) {
            int byTime = Instant.parse(times.get(i - 1)).compareTo(Instant.parse(times.get(i)));
            assertTrue(byTime < 0 || (byTime == 0 && expected.get(i - 1).compareTo(expected.get(i)) < 0),
                    "row " + i + " is in order: " + whole.getList("items"));
        }
        assertEquals(times.get(1), times.get(2), "the tie is there to be ordered");
    }

    @Test
    void badParametersAreProblemsNamingTheField() {
        Response since = given().auth().oauth2(acmeLms).queryParam("since", "yesterday").get(PATH);
        assertProblem(since, 400);
        assertEquals("since", since.jsonPath().getString("errors[0].field"));
        assertProblem(given().auth().oauth2(acmeLms).queryParam("since", "2026-11-02T10:00:00").get(PATH), 400);
        assertProblem(given().auth().oauth2(acmeLms).queryParam("since", "2026-11-02").get(PATH), 400);
        // a date java.time takes but PostgreSQL cannot store: refused, never a 500
        assertProblem(given().auth().oauth2(acmeLms).queryParam("since", "-999999999-01-01T00:00:00Z").get(PATH), 400);

        Response tooLarge = given().auth().oauth2(acmeLms).queryParam("size", 101).get(PATH);
        assertProblem(tooLarge, 400);
        assertTrue(tooLarge.jsonPath().getString("detail").contains("size"), tooLarge.asString());
        assertProblem(given().auth().oauth2(acmeLms).queryParam("size", 0).get(PATH), 400);
        Response notANumber = given().auth().oauth2(acmeLms).queryParam("page", "abc").get(PATH);
        assertProblem(notANumber, 400);
        assertEquals("page", notANumber.jsonPath().getString("errors[0].field"));
        assertProblem(given().auth().oauth2(acmeLms).queryParam("page", -1).get(PATH), 400);
        assertProblem(given().auth().oauth2(acmeLms).queryParam("page", 999_999_999).queryParam("size", 100).get(PATH), 400);
        Response course = given().auth().oauth2(acmeLms).queryParam("courseId", "Not A Course!").get(PATH);
        assertProblem(course, 400);
        assertEquals("courseId", course.jsonPath().getString("errors[0].field"));
    }

    @Test
    void onlyIntegrationClientsMayPull() {
        assertProblem(given().auth().oauth2(TestTokens.learner(first, "acme")).get(PATH), 403);
        assertProblem(given().auth().oauth2(TestTokens.admin("admin", "acme")).get(PATH), 403);
        assertProblem(given().auth().oauth2(TestTokens.author("author", "acme")).get(PATH), 403);
        assertProblem(given().get(PATH), 401);
    }

    private static JsonPath page(String token, Map<String, String> query) {
        return given().auth().oauth2(token).queryParams(query).get(PATH).then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
    }

    private static List<String> allCertificateIds(String token, Map<String, String> query) {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            Map<String, String> pageQuery = new java.util.HashMap<>(query);
            pageQuery.put("size", "100");
            pageQuery.put("page", String.valueOf(page));
            JsonPath onePage = page(token, pageQuery);
            ids.addAll(onePage.getList("items.certificateId"));
            if (page + 1 >= onePage.getInt("totalPages")) {
                return ids;
            }
        }
    }

    private static void complete(String courseId, String learnerId, String orgId, int minute) {
        publish(lesson(learnerId, orgId, courseId, 1, "a", minute - 2));
        publish(lesson(learnerId, orgId, courseId, 1, "b", minute - 1));
        publish(attempt(learnerId, orgId, courseId, 1, 90, minute));
    }
}
