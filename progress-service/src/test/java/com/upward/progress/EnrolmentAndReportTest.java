package com.upward.progress;

import com.upward.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static com.upward.platform.testing.Problems.assertProblem;
import static com.upward.progress.TestEvents.attempt;
import static com.upward.progress.TestEvents.count;
import static com.upward.progress.TestEvents.course;
import static com.upward.progress.TestEvents.lesson;
import static com.upward.progress.TestEvents.publish;
import static com.upward.progress.TestEvents.requiredLessonsDone;
import static com.upward.progress.TestEvents.unique;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class EnrolmentAndReportTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    EntityManager entityManager;

    /** One org with: a completer, a learner in progress, an overdue assignee, a self-enrolled learner. */
    private record Org(String orgId, String courseId, String admin) {
    }

    private Org seed() {
        String org = unique("acme");
        String courseId = unique("report");
        publish(course(courseId, 1));
        await().atMost(WAIT).until(() -> count(entityManager, "SELECT count(*) FROM course_version WHERE course_id = ?1", courseId) == 1);
        String admin = TestTokens.admin("admin-" + org, org);
        LocalDate future = LocalDate.now(ZoneOffset.UTC).plusDays(30);
        LocalDate past = LocalDate.now(ZoneOffset.UTC).minusDays(2);
        // ann and bob are in the organisation's directory (the gateway's), though neither has signed in yet.
        for (String learner : List.of("ann-" + org, "bob-" + org)) {
            TestDirectory.register(org, learner, "Test " + learner);
        }
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("learnerIds", List.of("ann-" + org, "bob-" + org), "courseId", courseId, "dueDate", future.toString()))
                .post("/api/v1/admin/enrolments").then().statusCode(200).body("learnerIds", hasSize(2));
        // cy's assignment comes from the LMS, carried over with a date already past; it waits until cy first signs in.
        given().auth().oauth2(TestTokens.token(org + "-lms", org, "integration")).contentType(ContentType.JSON)
                .body(Map.of("enrolments", List.of(Map.of("externalId", "cy", "learnerId", "cy-" + org, "courseId", courseId,
                        "dueDate", past.toString()))))
                .post("/api/v1/integration/enrolments").then().statusCode(200).body("created", equalTo(1));
        given().auth().oauth2(TestTokens.learner("cy-" + org, org)).get("/api/v1/me/enrolments").then().statusCode(200)
                .body("courseId", equalTo(List.of(courseId))).body("[0].dueDate", equalTo(past.toString()));
        // A name with a comma, a quote and a line break, for the CSV.
        String dee = TestTokens.token("dee-" + org, org, "learner");
        given().auth().oauth2(dee).contentType(ContentType.JSON).body(Map.of("courseId", courseId))
                .post("/api/v1/me/enrolments").then().statusCode(201).body("source", equalTo("SELF"));
        given().auth().oauth2(dee).contentType(ContentType.JSON).body(Map.of("courseId", courseId))
                .post("/api/v1/me/enrolments").then().statusCode(200);

        requiredLessonsDone("ann-" + org, org, courseId);
        publish(attempt("ann-" + org, org, courseId, 1, 90, 3));
        publish(lesson("bob-" + org, org, courseId, 1, "a", 4));
        publish(attempt("bob-" + org, org, courseId, 1, 40, 5));
        await().atMost(WAIT).until(() -> count(entityManager,
                "SELECT count(*) FROM learner_course_summary WHERE org_id = ?1 AND started_at IS NOT NULL", org) == 2
                && count(entityManager, "SELECT count(*) FROM certificate WHERE org_id = ?1", org) == 1
                && count(entityManager, "SELECT count(*) FROM lesson_done WHERE org_id = ?1", org) == 3
                && count(entityManager, "SELECT count(*) FROM learner_course_summary WHERE org_id = ?1 AND score IS NOT NULL", org) == 2);
        return new Org(org, courseId, admin);
    }

    @Test
    void enrolmentsAndTheAdminReportsOfOneOrganisation() {
        Org org = seed();
        String ann = TestTokens.learner("ann-" + org.orgId(), org.orgId());
        given().auth().oauth2(ann).get("/api/v1/me/enrolments").then().statusCode(200)
                .body("courseId", equalTo(List.of(org.courseId()))).body("[0].source", equalTo("ASSIGNED"));
        String cy = TestTokens.learner("cy-" + org.orgId(), org.orgId());
        given().auth().oauth2(cy).get("/api/v1/me/progress/" + org.courseId()).then().statusCode(200)
                .body("status", equalTo("OVERDUE"));

        given().auth().oauth2(org.admin()).get("/api/v1/admin/reports/summary?courseId=" + org.courseId()).then()
                .statusCode(200).body("enrolled", equalTo(4)).body("started", equalTo(2)).body("completed", equalTo(1))
                .body("completionRate", equalTo(25.0f)).body("averageScore", equalTo(65.0f)).body("bestScore", equalTo(90.0f))
                .body("passRate", equalTo(50.0f)).body("overdue", equalTo(1));
        given().auth().oauth2(org.admin()).get("/api/v1/admin/reports/lesson-funnel?courseId=" + org.courseId()).then()
                .statusCode(200).body("enrolled", equalTo(4)).body("lessons.lessonId", equalTo(List.of("a", "x", "b")))
                .body("lessons.learners", equalTo(List.of(2, 0, 1)));
        JsonPath mastery = given().auth().oauth2(org.admin()).get("/api/v1/admin/reports/power-mastery").then()
                .statusCode(200).body("powerType", equalTo(List.of("ROLE", "PENALTY", "REPUTATION", "EXPERTISE")))
                .extract().jsonPath();
        assertEquals(2, mastery.getInt("[0].learners"));
        assertEquals(1, mastery.getInt("[0].mastered"));
        assertEquals(75.0f, mastery.getFloat("[0].percentCorrect"));
        assertEquals(0, mastery.getInt("[1].learners"));
        assertProblem(given().auth().oauth2(org.admin()).get("/api/v1/admin/reports/completions-per-week?weeks=520"), 400);
        JsonPath weeks = given().auth().oauth2(org.admin()).get("/api/v1/admin/reports/completions-per-week?weeks=104").then()
                .statusCode(200).body("$", hasSize(104)).extract().jsonPath();
        assertEquals(1, weeks.getList("completions", Integer.class).stream().mapToInt(Integer::intValue).sum());

        given().auth().oauth2(org.admin()).get("/api/v1/admin/reports/learners?status=OVERDUE").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].learnerId", equalTo("cy-" + org.orgId()));
        given().auth().oauth2(org.admin()).get("/api/v1/admin/reports/learners?overdue=false&sort=score&order=desc&size=2")
                .then().statusCode(200).body("totalItems", equalTo(3)).body("totalPages", equalTo(2))
                .body("items.learnerId", equalTo(List.of("ann-" + org.orgId(), "bob-" + org.orgId())));
        given().auth().oauth2(org.admin()).get("/api/v1/admin/reports/learners?status=COMPLETED").then().statusCode(200)
                .body("items.name", equalTo(List.of("Test ann-" + org.orgId())));
        assertProblem(given().auth().oauth2(org.admin()).get("/api/v1/admin/reports/learners?size=101"), 400);
        for (String notANumber : List.of("size=abc", "page=abc")) {
            Response typo = given().auth().oauth2(org.admin()).get("/api/v1/admin/reports/learners?" + notANumber);
            assertProblem(typo, 400);
            assertEquals(notANumber.substring(0, 4), typo.jsonPath().getString("errors[0].field"));
        }
        assertProblem(given().auth().oauth2(org.admin()).get("/api/v1/admin/reports/learners?page=200&size=100"), 400);
        assertProblem(given().auth().oauth2(org.admin()).get("/api/v1/admin/reports/learners?sort=password"), 400);
        assertProblem(given().auth().oauth2(org.admin()).get("/api/v1/admin/reports/learners?status=LOST"), 400);
        assertProblem(given().auth().oauth2(org.admin()).get("/api/v1/admin/reports/lesson-funnel"), 400);
        assertProblem(given().auth().oauth2(org.admin()).get("/api/v1/admin/reports/lesson-funnel?courseId=no-such-course"), 404);
        assertProblem(given().auth().oauth2(ann).get("/api/v1/admin/reports/summary"), 403);
        assertProblem(given().auth().oauth2(TestTokens.author("author", org.orgId())).get("/api/v1/admin/reports/summary"), 403);
    }

    @Test
    void theCsvExportParsesBackToTheSameRowsAsTheList() throws Exception {
        Org org = seed();
        // A learner whose name needs quoting: a comma, a double quote and a line break.
        String tricky = io.smallrye.jwt.build.Jwt.issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE)
                .subject("eve-" + org.orgId()).upn("eve").claim("name", "Eve \"E\", O'Neil\nJr").claim("org", org.orgId())
                .groups(java.util.Set.of("learner")).expiresIn(600).sign();
        given().auth().oauth2(tricky).contentType(ContentType.JSON).body(Map.of("courseId", org.courseId()))
                .post("/api/v1/me/enrolments").then().statusCode(201);

        JsonPath list = given().auth().oauth2(org.admin()).get("/api/v1/admin/reports/learners?size=100&sort=name").then()
                .statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = list.getList("items");
        assertEquals(5, items.size());
        String csv = given().auth().oauth2(org.admin()).get("/api/v1/admin/reports/learners.csv?sort=name").then()
                .statusCode(200).contentType("text/csv; charset=utf-8").extract().asString();
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(new StringReader(csv),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertEquals(List.of(com.upward.progress.rest.ReportResource.CSV_HEADER), parser.getHeaderNames());
            records = parser.getRecords();
        }
        assertEquals(items.size(), records.size());
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> item = items.get(i);
            CSVRecord record = records.get(i);
            for (String column : com.upward.progress.rest.ReportResource.CSV_HEADER) {
                Object value = item.get(column);
                String expected = value == null ? "" : value instanceof Float f ? Double.toString(f) : value.toString();
                assertEquals(expected, record.get(column), "row " + i + " column " + column);
            }
        }
        assertEquals(1, records.stream().filter(r -> Objects.equals(r.get("name"), "Eve \"E\", O'Neil\nJr")).count());
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAreNeutralised() throws Exception {
        Org org = seed();
        List<String> formulas = List.of("=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rCr");
        for (int i = 0; i < formulas.size(); i++) {
            String token = io.smallrye.jwt.build.Jwt.issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE)
                    .subject("formula" + i + "-" + org.orgId()).upn("f" + i).claim("name", formulas.get(i))
                    .claim("org", org.orgId()).groups(java.util.Set.of("learner")).expiresIn(600).sign();
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("courseId", org.courseId()))
                    .post("/api/v1/me/enrolments").then().statusCode(201);
        }
        String csv = given().auth().oauth2(org.admin()).get("/api/v1/admin/reports/learners.csv").then()
                .statusCode(200).extract().asString();
        try (CSVParser parser = CSVParser.parse(new StringReader(csv),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            List<String> names = parser.getRecords().stream().map(r -> r.get("name")).toList();
            for (String formula : formulas) {
                assertTrue(names.contains("'" + formula), formula + " in " + names);
                assertFalse(names.contains(formula), formula);
            }
        }
        // quoted as well, so no cell of the file starts with a formula character
        assertTrue(csv.contains("\"'=HYPERLINK("), csv);
        assertFalse(csv.contains(",=") || csv.contains("\n=") || csv.contains(",+") || csv.contains(",@"), csv);
    }

    @Test
    void anAdminOfGlobexSeesNothingOfAcme() {
        Org acme = seed();
        String globex = TestTokens.admin("admin-globex", "globex");
        given().auth().oauth2(globex).get("/api/v1/admin/reports/summary?courseId=" + acme.courseId()).then().statusCode(200)
                .body("enrolled", equalTo(0)).body("completed", equalTo(0)).body("overdue", equalTo(0));
        given().auth().oauth2(globex).get("/api/v1/admin/reports/learners?courseId=" + acme.courseId()).then().statusCode(200)
                .body("totalItems", equalTo(0)).body("items", hasSize(0));
        given().auth().oauth2(globex).get("/api/v1/admin/reports/learners").then().statusCode(200)
                .body("items.findAll { it.learnerId.endsWith('" + acme.orgId() + "') }", hasSize(0));
        given().auth().oauth2(globex).get("/api/v1/admin/reports/lesson-funnel?courseId=" + acme.courseId()).then()
                .statusCode(200).body("enrolled", equalTo(0)).body("lessons.learners", equalTo(List.of(0, 0, 0)));
        given().auth().oauth2(globex).get("/api/v1/admin/reports/power-mastery?courseId=" + acme.courseId()).then()
                .statusCode(200).body("learners", equalTo(List.of(0, 0, 0, 0)));
        String csv = given().auth().oauth2(globex).get("/api/v1/admin/reports/learners.csv?courseId=" + acme.courseId())
                .then().statusCode(200).extract().asString();
        assertEquals(String.join(",", com.upward.progress.rest.ReportResource.CSV_HEADER) + "\r\n", csv);
        // A globex admin assigning an acme learner gets the answer an unknown id gets, and writes nothing acme sees.
        String acmeLearner = "ann-" + acme.orgId();
        String unknown = unique("nobody");
        for (String id : List.of(acmeLearner, unknown)) {
            Response refused = given().auth().oauth2(globex).contentType(ContentType.JSON)
                    .body(Map.of("learnerIds", List.of(id), "courseId", acme.courseId(), "dueDate", "2030-01-01"))
                    .post("/api/v1/admin/enrolments");
            assertProblem(refused, 400);
            assertEquals("learnerIds[0]", refused.jsonPath().getString("errors[0].field"));
            assertEquals("'" + id + "' is not a learner of your organisation", refused.jsonPath().getString("errors[0].message"));
        }
        assertEquals(0L, count(entityManager, "SELECT count(*) FROM enrolment WHERE org_id = 'globex'"));
        assertEquals(0L, count(entityManager, "SELECT count(*) FROM pending_enrolment WHERE org_id = 'globex'"));
        given().auth().oauth2(TestTokens.learner(acmeLearner, acme.orgId())).get("/api/v1/me/enrolments").then()
                .statusCode(200).body("source", equalTo(List.of("ASSIGNED"))).body("[0].dueDate", equalTo(LocalDate.now(ZoneOffset.UTC).plusDays(30).toString()));
    }

    @Test
    void anIdNamedFirstByAnotherOrganisationNeitherLeaksNorBlocks() {
        Org acme = seed();
        String globex = TestTokens.admin("admin-globex", "globex");
        String newcomer = unique("newcomer");
        // globex's admin cannot assign an id its directory does not list: refused, nothing stored anywhere.
        assertProblem(given().auth().oauth2(globex).contentType(ContentType.JSON)
                .body(Map.of("learnerIds", List.of(newcomer, unique("made-up")), "courseId", acme.courseId(), "dueDate", "2030-01-01"))
                .post("/api/v1/admin/enrolments"), 400);
        given().auth().oauth2(globex).get("/api/v1/admin/reports/summary?courseId=" + acme.courseId()).then().statusCode(200)
                .body("enrolled", equalTo(0));

        // The newcomer turns out to be acme's: their first sign-in shows nothing of globex's attempt ...
        String token = TestTokens.learner(newcomer, acme.orgId());
        given().auth().oauth2(token).get("/api/v1/me/enrolments").then().statusCode(200).body("$", hasSize(0));
        // ... and acme can assign them, known by their sign-in, with its own due date, into its own report only.
        LocalDate due = LocalDate.now(ZoneOffset.UTC).plusDays(7);
        given().auth().oauth2(acme.admin()).contentType(ContentType.JSON)
                .body(Map.of("learnerIds", List.of(newcomer), "courseId", acme.courseId(), "dueDate", due.toString()))
                .post("/api/v1/admin/enrolments").then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/me/enrolments").then().statusCode(200)
                .body("courseId", equalTo(List.of(acme.courseId()))).body("[0].dueDate", equalTo(due.toString()));
        given().auth().oauth2(acme.admin()).get("/api/v1/admin/reports/learners?courseId=" + acme.courseId() + "&size=100")
                .then().statusCode(200).body("items.findAll { it.learnerId == '" + newcomer + "' }", hasSize(1));
        given().auth().oauth2(globex).get("/api/v1/admin/reports/learners?courseId=" + acme.courseId()).then().statusCode(200)
                .body("totalItems", equalTo(0));
        assertEquals(0L, count(entityManager, "SELECT count(*) FROM enrolment WHERE org_id = 'globex'"));
    }

    @Test
    void aLearnerOfOneOrganisationCannotReadUnderAnother() {
        Org acme = seed();
        String sameSubOtherOrg = TestTokens.learner("ann-" + acme.orgId(), "globex");
        assertProblem(given().auth().oauth2(sameSubOtherOrg).get("/api/v1/me/progress/" + acme.courseId()), 403);
        assertProblem(given().auth().oauth2(sameSubOtherOrg).get("/api/v1/me/progress"), 403);
        assertProblem(given().auth().oauth2(sameSubOtherOrg).get("/api/v1/me/enrolments"), 403);
        given().auth().oauth2(TestTokens.learner("ann-" + acme.orgId(), acme.orgId())).get("/api/v1/me/progress/" + acme.courseId())
                .then().statusCode(200).body("status", equalTo("COMPLETED"));
    }

    @Test
    void badEnrolmentRequestsAreProblems() {
        String admin = TestTokens.admin("admin-x", "acme");
        assertProblem(given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("learnerIds", List.of(), "courseId", "c", "dueDate", "2030-01-01"))
                .post("/api/v1/admin/enrolments"), 400);
        assertProblem(given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("learnerIds", List.of("a"), "courseId", "no-such-course", "dueDate", "2030-01-01"))
                .post("/api/v1/admin/enrolments"), 404);
        assertProblem(given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("learnerIds", List.of("a"), "courseId", "c", "dueDate", "not-a-date"))
                .post("/api/v1/admin/enrolments"), 400);
        assertProblem(given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"learnerIds\":[\"a\"],\"courseId\":\"c\",\"dueDate\":\"2030-01-01\",\"orgId\":\"globex\"}")
                .post("/api/v1/admin/enrolments"), 400);
        assertProblem(given().auth().oauth2(TestTokens.learner("l", "acme")).contentType(ContentType.JSON)
                .body(Map.of("learnerIds", List.of("a"), "courseId", "c", "dueDate", "2030-01-01"))
                .post("/api/v1/admin/enrolments"), 403);
        assertProblem(given().auth().oauth2(TestTokens.learner("l", "acme")).contentType(ContentType.JSON)
                .body(Map.of("courseId", "no-such-course")).post("/api/v1/me/enrolments"), 404);
    }
}
