package com.upward.progress;

import com.upward.platform.testing.TestTokens;
import com.upward.progress.service.LearnerCourseRefresh;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static com.upward.platform.testing.Problems.assertProblem;
import static com.upward.progress.TestEvents.count;
import static com.upward.progress.TestEvents.course;
import static com.upward.progress.TestEvents.lesson;
import static com.upward.progress.TestEvents.publish;
import static com.upward.progress.TestEvents.unique;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An admin's assignments: only learners of the admin's organisation (seen here, or listed by its directory), a due
 * date not yet past, each refusal a 400 naming its field with nothing written; changed and removed within the
 * admin's organisation only; and the reports count only real learners, also for assignments stored before.
 */
@QuarkusTest
class AssignmentTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    EntityManager entityManager;

    @Inject
    LearnerCourseRefresh refresh;

    @Inject
    AgroalDataSource dataSource;

    private record Org(String orgId, String courseId, String admin) {
    }

    private Org org() {
        String org = unique("org");
        String courseId = unique("assign");
        publish(course(courseId, 1));
        await().atMost(WAIT).until(() -> count(entityManager, "SELECT count(*) FROM course_version WHERE course_id = ?1", courseId) == 1);
        return new Org(org, courseId, TestTokens.admin("admin-" + org, org));
    }

    private static Response assign(Org org, List<String> learnerIds, LocalDate due) {
        return given().auth().oauth2(org.admin()).contentType(ContentType.JSON)
                .body(Map.of("learnerIds", learnerIds, "courseId", org.courseId(), "dueDate", due.toString()))
                .post("/api/v1/admin/enrolments");
    }

    private static int enrolled(Org org) {
        return given().auth().oauth2(org.admin()).get("/api/v1/admin/reports/summary?courseId=" + org.courseId())
                .then().statusCode(200).extract().jsonPath().getInt("enrolled");
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    @Test
    void anIdThatIsNoLearnerOfTheOrganisationIsRefusedByItsFieldAndNothingIsWritten() {
        Org org = org();
        String listed = unique("listed");
        TestDirectory.register(org.orgId(), listed, "Listed Learner");
        String typed = unique("typed");
        Response refused = assign(org, List.of(listed, typed), today().plusDays(10));
        assertProblem(refused, 400);
        assertEquals(List.of("learnerIds[1]"), refused.jsonPath().getList("errors.field"));
        assertTrue(refused.jsonPath().getString("detail").contains(typed), refused.asString());
        // All or none: the listed learner was not enrolled either.
        assertEquals(0L, count(entityManager, "SELECT count(*) FROM enrolment WHERE org_id = ?1", org.orgId()));
        assertEquals(0L, count(entityManager, "SELECT count(*) FROM pending_enrolment WHERE org_id = ?1", org.orgId()));
        assertEquals(0, enrolled(org));

        // A learner of another organisation is refused the same way.
        Org other = org();
        String theirs = unique("theirs");
        given().auth().oauth2(TestTokens.learner(theirs, other.orgId())).get("/api/v1/me/progress").then().statusCode(200);
        Response foreign = assign(org, List.of(theirs), today().plusDays(10));
        assertProblem(foreign, 400);
        assertEquals("learnerIds[0]", foreign.jsonPath().getString("errors[0].field"));
    }

    @Test
    void aDueDateInThePastIsRefusedByItsFieldTodayIsAccepted() {
        Org org = org();
        String learner = unique("learner");
        TestDirectory.register(org.orgId(), learner, "Learner " + learner);
        Response past = assign(org, List.of(learner), LocalDate.of(2020, 1, 31));
        assertProblem(past, 400);
        assertEquals("dueDate", past.jsonPath().getString("errors[0].field"));
        assertEquals(0L, count(entityManager, "SELECT count(*) FROM enrolment WHERE org_id = ?1", org.orgId()));
        assign(org, List.of(learner), today()).then().statusCode(200).body("learnerIds", equalTo(List.of(learner)));
    }

    @Test
    void directoryLearnersAreEnrolledAtOnceWithTheirNamesAndSeenLearnersNeedNoDirectory() {
        Org org = org();
        String listed = unique("listed");
        TestDirectory.register(org.orgId(), listed, "Rowan Listed");
        assign(org, List.of(listed), today().plusDays(5)).then().statusCode(200);
        assertEquals(1, enrolled(org));
        given().auth().oauth2(org.admin()).get("/api/v1/admin/enrolments?courseId=" + org.courseId()).then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].learnerId", equalTo(listed))
                .body("items[0].name", equalTo("Rowan Listed")).body("items[0].dueDate", equalTo(today().plusDays(5).toString()));

        String signedIn = unique("signed-in");
        given().auth().oauth2(TestTokens.learner(signedIn, org.orgId())).get("/api/v1/me/progress").then().statusCode(200);
        int calls = TestDirectory.calls();
        assign(org, List.of(signedIn), today().plusDays(5)).then().statusCode(200);
        assertEquals(calls, TestDirectory.calls(), "a learner seen here needs no directory call");
        assertEquals(2, enrolled(org));
    }

    @Test
    void aDirectoryThatCannotAnswerIsABadGatewayAndNothingIsWritten() {
        Org org = org();
        String listed = unique("listed");
        TestDirectory.register(org.orgId(), listed, "Listed");
        TestDirectory.down(true);
        try {
            assertProblem(assign(org, List.of(listed), today().plusDays(3)), 502);
        } finally {
            TestDirectory.down(false);
        }
        assertEquals(0L, count(entityManager, "SELECT count(*) FROM enrolment WHERE org_id = ?1", org.orgId()));
    }

    @Test
    void anAdminChangesTheDueDateOfAnAssignmentOfTheirOrganisationOnly() {
        Org org = org();
        String learner = unique("learner");
        TestDirectory.register(org.orgId(), learner, "Learner");
        assign(org, List.of(learner), today().plusDays(5)).then().statusCode(200);
        String path = "/api/v1/admin/enrolments/" + org.courseId() + "/" + learner;
        LocalDate later = today().plusDays(40);
        given().auth().oauth2(org.admin()).contentType(ContentType.JSON).body(Map.of("dueDate", later.toString()))
                .put(path).then().statusCode(200).body("learnerId", equalTo(learner)).body("dueDate", equalTo(later.toString()));
        given().auth().oauth2(org.admin()).get("/api/v1/admin/reports/learners?courseId=" + org.courseId()).then()
                .statusCode(200).body("items[0].dueDate", equalTo(later.toString()));
        given().auth().oauth2(TestTokens.learner(learner, org.orgId())).get("/api/v1/me/enrolments").then()
                .statusCode(200).body("[0].dueDate", equalTo(later.toString()));

        Response past = given().auth().oauth2(org.admin()).contentType(ContentType.JSON).body(Map.of("dueDate", "2021-03-01")).put(path);
        assertProblem(past, 400);
        assertEquals("dueDate", past.jsonPath().getString("errors[0].field"));
        assertProblem(given().auth().oauth2(org.admin()).contentType(ContentType.JSON).body(Map.of("dueDate", later.toString()))
                .put("/api/v1/admin/enrolments/" + org.courseId() + "/" + unique("nobody")), 404);
        // Another organisation's admin finds nothing there, and changes nothing.
        Org other = org();
        assertProblem(given().auth().oauth2(other.admin()).contentType(ContentType.JSON)
                .body(Map.of("dueDate", today().plusDays(2).toString())).put(path), 404);
        assertProblem(given().auth().oauth2(TestTokens.learner(learner, org.orgId())).contentType(ContentType.JSON)
                .body(Map.of("dueDate", today().plusDays(2).toString())).put(path), 403);
        assertProblem(given().auth().oauth2(org.admin()).contentType(ContentType.JSON).body(Map.of()).put(path), 400);
        assertEquals(later, LocalDate.parse(given().auth().oauth2(org.admin()).get("/api/v1/admin/enrolments").then()
                .statusCode(200).extract().jsonPath().getString("items[0].dueDate")));
    }

    @Test
    void removingAnAssignmentTakesALearnerWhoDidNothingOutOfTheReportsAndKeepsWhatAnotherDid() {
        Org org = org();
        String idle = unique("idle");
        String active = unique("active");
        TestDirectory.register(org.orgId(), idle, "Idle");
        TestDirectory.register(org.orgId(), active, "Active");
        assign(org, List.of(idle, active), today().plusDays(5)).then().statusCode(200);
        publish(lesson(active, org.orgId(), org.courseId(), 1, "a", 1));
        await().atMost(WAIT).until(() -> count(entityManager,
                "SELECT count(*) FROM learner_course_summary WHERE learner_id = ?1 AND started_at IS NOT NULL", active) == 1);
        assertEquals(2, enrolled(org));

        Org other = org();
        assertProblem(given().auth().oauth2(other.admin()).delete("/api/v1/admin/enrolments/" + org.courseId() + "/" + idle), 404);
        assertEquals(2, enrolled(org));

        given().auth().oauth2(org.admin()).delete("/api/v1/admin/enrolments/" + org.courseId() + "/" + idle).then().statusCode(204);
        given().auth().oauth2(org.admin()).delete("/api/v1/admin/enrolments/" + org.courseId() + "/" + active).then().statusCode(204);
        assertProblem(given().auth().oauth2(org.admin()).delete("/api/v1/admin/enrolments/" + org.courseId() + "/" + idle), 404);
        // The active learner's lesson is theirs: still in the reports, without a due date; the idle one is gone.
        assertEquals(1, enrolled(org));
        given().auth().oauth2(org.admin()).get("/api/v1/admin/reports/learners?courseId=" + org.courseId()).then()
                .statusCode(200).body("items.learnerId", equalTo(List.of(active))).body("items[0].dueDate", nullValue());
        given().auth().oauth2(org.admin()).get("/api/v1/admin/enrolments?courseId=" + org.courseId()).then()
                .statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(TestTokens.learner(idle, org.orgId())).get("/api/v1/me/enrolments").then()
                .statusCode(200).body("$", hasSize(0));
    }

    @Test
    void assignmentsStoredBeforeOfIdsThatNeverBecameLearnersLeaveTheReportsAndWaitAsPending() throws Exception {
        Org org = org();
        String real = unique("real");
        TestDirectory.register(org.orgId(), real, "Real");
        assign(org, List.of(real), today().plusDays(5)).then().statusCode(200);
        // A phantom, stored as assignments were before V80: an enrolment of a typed id, with its summary row and counts.
        String phantom = unique("learner2@acme");
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("""
                            INSERT INTO enrolment (learner_id, course_id, org_id, source, due_date, assigned_by, enrolled_at)
                            VALUES (?1, ?2, ?3, 'ASSIGNED', ?4, 'admin', now())""")
                    .setParameter(1, phantom).setParameter(2, org.courseId()).setParameter(3, org.orgId())
                    .setParameter(4, today().minusDays(3)).executeUpdate();
            refresh.refresh(phantom, org.courseId());
        });
        given().auth().oauth2(org.admin()).get("/api/v1/admin/reports/summary?courseId=" + org.courseId()).then()
                .statusCode(200).body("enrolled", equalTo(2)).body("overdue", equalTo(1));

        runMigration("db/migration/V80__phantom_assignments_pending.sql");

        given().auth().oauth2(org.admin()).get("/api/v1/admin/reports/summary?courseId=" + org.courseId()).then()
                .statusCode(200).body("enrolled", equalTo(1)).body("overdue", equalTo(0));
        given().auth().oauth2(org.admin()).get("/api/v1/admin/reports/learners?courseId=" + org.courseId()).then()
                .statusCode(200).body("totalItems", equalTo(1)).body("items.learnerId", equalTo(List.of(real)));
        given().auth().oauth2(org.admin()).get("/api/v1/admin/reports/learners?courseId=" + org.courseId() + "&status=OVERDUE")
                .then().statusCode(200).body("totalItems", equalTo(0));
        assertEquals(1L, count(entityManager, "SELECT count(*) FROM pending_enrolment WHERE org_id = ?1 AND learner_id = ?2",
                org.orgId(), phantom));
        // Not lost: should that id ever sign in to the organisation, the assignment is theirs.
        given().auth().oauth2(TestTokens.learner(phantom, org.orgId())).get("/api/v1/me/enrolments").then()
                .statusCode(200).body("courseId", equalTo(List.of(org.courseId())));
        assertEquals(2, enrolled(org));
    }

    /** Runs a migration's SQL again, as Flyway ran it at start, on the data the test has just stored. */
    private void runMigration(String resource) throws Exception {
        String sql;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
            connection.commit();
        }
    }
}
