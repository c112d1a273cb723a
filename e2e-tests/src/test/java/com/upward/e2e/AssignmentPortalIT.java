package com.upward.e2e;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.upward.platform.testing.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An admin's assignments in the browser: an unknown learner and a past due date are refused beside their fields, an
 * assignment's due date is changed and the assignment removed (after a confirmation); and over the API, through the
 * gateway, ids that are no learners of the organisation are refused and never reach the reports.
 */
class AssignmentPortalIT extends BrowserTest {

    private static final String CASEY_NOVAK = "b9d563ca-054b-3d3e-99af-873fb754b59b";
    private static final String COURSE = "how-to-lead-upward";

    private static JavascriptExecutor script() {
        return (JavascriptExecutor) browser.driver();
    }

    private static String day(int fromToday) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(fromToday).toString();
    }

    private static void pickCaseyWithDueDate(String dueDate) {
        // Through another page, so the assignment page is built afresh even when it is the one shown.
        browser.open("/refresh");
        browser.waitForText(By.tagName("h1"), "Page not found");
        browser.open("/admin/assign");
        browser.waitFor(By.id("learner-search")).sendKeys("novak");
        browser.waitForText(By.id("learner-count"), "1 of 3 learners");
        WebElement box = browser.driver().findElement(By.id("learner-" + CASEY_NOVAK));
        if (!box.isSelected()) {
            browser.click(By.cssSelector("label[for='learner-" + CASEY_NOVAK + "']"));
        }
        script().executeScript("document.getElementById('due-date').value = arguments[0];", dueDate);
    }

    private static RequestSpecification api(String token) {
        return RestAssured.given().baseUri(Platform.stack().gatewayUrl()).auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static String token(String body) {
        return RestAssured.given().baseUri(Platform.stack().gatewayUrl()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("access_token");
    }

    private static String adminToken() {
        return token("{\"username\":\"admin@acme\",\"password\":\"upward-demo\"}");
    }

    @Test
    @Order(1)
    void aPastDueDateAndAnUnknownLearnerAreRefusedBesideTheirFields() throws Exception {
        browser.signIn("admin@acme");
        pickCaseyWithDueDate(day(-3));
        browser.click(By.cssSelector("#assign-form button[type=submit]"));
        WebElement due = browser.driver().findElement(By.id("due-date"));
        browser.waitUntil(driver -> "true".equals(due.getAttribute("aria-invalid")));
        assertEquals("must be today or later", browser.driver().findElement(By.id(due.getAttribute("aria-describedby"))).getText());
        assertTrue(browser.driver().findElement(By.id("assign-error")).getText().contains("see the messages beside them"));
        browser.checkPage("assign-01-past-due-date");

        // A picker left open while the directory changed: the box now names an id that is no learner of acme.
        pickCaseyWithDueDate(day(10));
        script().executeScript("document.getElementById(arguments[0]).value = 'learner2@acme';", "learner-" + CASEY_NOVAK);
        browser.click(By.cssSelector("#assign-form button[type=submit]"));
        WebElement picker = browser.driver().findElement(By.cssSelector("fieldset.learner-picker"));
        browser.waitUntil(driver -> "true".equals(picker.getAttribute("aria-invalid")));
        String beside = browser.driver().findElement(By.id(picker.getAttribute("aria-describedby"))).getText();
        assertEquals("'learner2@acme' is not a learner of your organisation", beside);
        assertEquals("", browser.driver().findElement(By.id("assign-result")).getText());
        browser.checkPage("assign-02-unknown-learner");
        List<Map<String, Object>> assigned = api(adminToken()).get("/api/v1/admin/enrolments?size=100").then().statusCode(200)
                .extract().path("items");
        assertTrue(assigned.stream().noneMatch(a -> "learner2@acme".equals(a.get("learnerId"))), assigned::toString);
    }

    @Test
    @Order(2)
    void anAssignmentsDueDateIsChangedAndTheAssignmentRemovedAfterAConfirmation() throws Exception {
        pickCaseyWithDueDate(day(7));
        browser.click(By.cssSelector("#assign-form button[type=submit]"));
        browser.waitForText(By.id("assign-result"), "Assigned to 1 learner (Casey Novak)");
        By row = By.cssSelector("#assignment-table tr[data-learner='" + CASEY_NOVAK + "']");
        browser.waitFor(row);
        String index = browser.driver().findElement(row).findElement(By.cssSelector("form.change-due")).getAttribute("data-index");

        // A past date is refused beside the row's date; a later one is saved.
        script().executeScript("document.getElementById(arguments[0]).value = arguments[1];", "due-" + index, day(-1));
        browser.click(By.cssSelector("form.change-due[data-index='" + index + "'] button[type=submit]"));
        browser.waitUntil(driver -> "true".equals(driver.findElement(By.id("due-" + index)).getAttribute("aria-invalid")));
        script().executeScript("document.getElementById(arguments[0]).value = arguments[1];", "due-" + index, day(30));
        browser.click(By.cssSelector("form.change-due[data-index='" + index + "'] button[type=submit]"));
        browser.waitForText(By.id("assignment-result"), "Due date of Casey Novak changed to " + day(30));
        assertFalse("true".equals(browser.driver().findElement(By.id("due-" + index)).getAttribute("aria-invalid")));
        browser.checkPage("assign-03-due-date-changed");
        assertEquals(day(30), api(adminToken()).get("/api/v1/admin/enrolments?courseId=" + COURSE + "&size=100").then()
                .statusCode(200).extract().path("items.find { it.learnerId == '" + CASEY_NOVAK + "' }.dueDate"));

        // Remove asks first; Cancel keeps the assignment.
        browser.click(By.cssSelector(".remove-assignment[data-index='" + index + "']"));
        browser.waitFor(By.id("remove-confirm-" + index));
        browser.checkPage("assign-04-remove-confirmation");
        browser.click(By.cssSelector(".remove-cancel[data-index='" + index + "']"));
        browser.waitUntil(driver -> !driver.findElement(By.id("remove-confirm-" + index)).isDisplayed());
        browser.click(By.cssSelector(".remove-assignment[data-index='" + index + "']"));
        browser.click(By.cssSelector(".remove-confirmed[data-index='" + index + "']"));
        browser.waitForText(By.id("assignment-result"), "The assignment of Casey Novak was removed.");
        assertTrue(browser.driver().findElements(row).isEmpty(), "the row is gone");
        browser.checkPage("assign-05-removed");
        List<Map<String, Object>> left = api(adminToken()).get("/api/v1/admin/enrolments?courseId=" + COURSE + "&size=100")
                .then().statusCode(200).extract().path("items");
        assertTrue(left.stream().noneMatch(a -> CASEY_NOVAK.equals(a.get("learnerId"))), left::toString);
    }

    @Test
    @Order(3)
    void idsThatAreNoLearnersAreRefusedAndNeverCountedInTheReports() {
        String admin = adminToken();
        Map<String, Object> before = api(admin).get("/api/v1/admin/reports/summary?courseId=" + COURSE).then().statusCode(200)
                .extract().path("$");
        // The phantoms: a username typed as an id, and an all-zero id.
        Response refused = api(admin).body(Map.of("learnerIds", List.of("learner2@acme", "00000000-0000-0000-0000-000000000000"),
                "courseId", COURSE, "dueDate", day(5))).post("/api/v1/admin/enrolments");
        assertProblem(refused, 400);
        assertEquals(List.of("learnerIds[0]", "learnerIds[1]"), refused.jsonPath().getList("errors.field"));
        Response past = api(admin).body(Map.of("learnerIds", List.of(CASEY_NOVAK), "courseId", COURSE, "dueDate", day(-1)))
                .post("/api/v1/admin/enrolments");
        assertProblem(past, 400);
        assertEquals("dueDate", past.jsonPath().getString("errors[0].field"));
        assertProblem(api(admin).body(Map.of("dueDate", day(5))).put("/api/v1/admin/enrolments/" + COURSE + "/" + UUID.randomUUID()), 404);
        assertProblem(api(admin).delete("/api/v1/admin/enrolments/" + COURSE + "/" + UUID.randomUUID()), 404);

        // The LMS may name an id nobody has signed in as yet (with a date already past): it waits, counted nowhere.
        String lms = token("{\"grant_type\":\"client_credentials\",\"client_id\":\"acme-lms\",\"client_secret\":\"upward-demo-secret\"}");
        String stranger = "not-yet-" + UUID.randomUUID();
        api(lms).body(Map.of("enrolments", List.of(Map.of("externalId", stranger, "learnerId", stranger, "courseId", COURSE,
                "dueDate", day(-2))))).post("/api/v1/integration/enrolments").then().statusCode(200).body("created", equalTo(1));
        api(admin).get("/api/v1/admin/reports/summary?courseId=" + COURSE).then().statusCode(200)
                .body("enrolled", equalTo(before.get("enrolled"))).body("overdue", equalTo(before.get("overdue")));
        List<Map<String, Object>> rows = api(admin).get("/api/v1/admin/reports/learners?courseId=" + COURSE + "&size=100").then()
                .statusCode(200).extract().path("items");
        assertTrue(rows.stream().noneMatch(r -> r.get("learnerId").toString().startsWith("not-yet-")
                || "learner2@acme".equals(r.get("learnerId"))), rows::toString);
    }
}
