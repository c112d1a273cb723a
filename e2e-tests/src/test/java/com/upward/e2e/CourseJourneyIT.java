package com.upward.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole journey in a real browser: a learner reads every lesson, fails the graded quiz once, passes
 * it, and gets 100% and a certificate; an admin then finds that learner in the figures and the table and
 * downloads the CSV; an author edits a draft lesson and publishes a new version. axe-core checks each page.
 */
class CourseJourneyIT extends BrowserTest {

    private static final String LEARNER = "Casey Novak";
    /** learner2@acme's id (demo users have stable ids). */
    private static final String BLAKE_OSEI = "3f4ea8c2-ae3e-38e0-91d4-8c843e8856f4";
    private static QuestionBank bank;

    @BeforeAll
    static void readTheQuestionBank() {
        bank = new QuestionBank(Path.of(System.getProperty("upward.project.root", "..")).toAbsolutePath().normalize());
    }

    @Test
    @Order(1)
    void theLearnerReadsEveryLessonInOrder() throws Exception {
        browser.signIn("learner3@acme");
        browser.open("/courses/how-to-lead-upward/lessons/what-is-leading-upward");
        int lessons = 0;
        while (true) {
            browser.waitFor(By.cssSelector("article.lesson h1"));
            lessons++;
            if (lessons == 1) {
                browser.checkPage("journey-01-first-lesson");
            }
            browser.click(By.id("complete"));
            browser.waitForText(By.id("completion-state"), "You completed this lesson.");
            List<WebElement> next = browser.driver().findElements(By.cssSelector("a[rel=next]"));
            if (next.isEmpty()) {
                break;
            }
            String title = browser.driver().findElement(By.cssSelector("article.lesson h1")).getText();
            next.get(0).click();
            browser.waitUntil(driver -> !driver.findElement(By.cssSelector("article.lesson h1")).getText().equals(title));
        }
        assertEquals(15, lessons);
    }

    @Test
    @Order(2)
    void theQuizOpensOnceThePowerLessonsAreDone() throws Exception {
        browser.open("/courses/how-to-lead-upward");
        browser.click(By.cssSelector("a[href='#/quizzes/four-types-of-power']"));
        browser.waitForText(By.tagName("h1"), "The four types of power");
        browser.checkPage("journey-02-quiz");
    }

    @Test
    @Order(3)
    void theLearnerFailsTheQuizOnce() throws Exception {
        takeAttempt(false);
        browser.waitForText(By.cssSelector(".verdict"), "Not passed");
        assertTrue(browser.driver().findElements(By.cssSelector("h2")).stream().anyMatch(h -> h.getText().equals("Lessons to revisit")));
        browser.revisitUntil("/", driver -> browser.mainShows("The four types of power (required): not passed yet: 0% after 1 attempt"));
        browser.checkPage("journey-03-failed-result");
    }

    @Test
    @Order(4)
    void thenPassesItWithEveryAnswerRight() throws Exception {
        browser.open("/quizzes/four-types-of-power");
        browser.waitForText(By.tagName("h1"), "The four types of power");
        takeAttempt(true);
        browser.waitForText(By.cssSelector(".verdict"), "Passed");
        assertEquals("Your result: 100%", browser.driver().findElement(By.tagName("h1")).getText());
        assertTrue(browser.driver().findElements(By.cssSelector("#power-chart")).size() == 1, "the chart per power type is drawn");
        browser.checkPage("journey-04-passed-result");
    }

    @Test
    @Order(5)
    void seesTheCourseCompleteWithACertificate() throws Exception {
        // Completion comes from events (lesson and quiz events reach progress-service): revisit until it shows.
        browser.revisitUntil("/progress", driver -> browser.mainShows("Status: completed")
                && "100".equals(driver.findElement(By.cssSelector("progress")).getAttribute("value")));
        browser.checkPage("journey-05-progress-complete");
        browser.click(By.linkText("Your certificate"));
        browser.waitForText(By.tagName("h1"), "Certificate of completion");
        assertEquals(LEARNER, browser.driver().findElement(By.cssSelector(".certificate-name")).getText());
        browser.checkPage("journey-06-certificate");
        String printable = browser.driver().findElement(By.linkText("Printable certificate")).getAttribute("href");
        browser.driver().get(printable);
        browser.waitUntil(driver -> driver.getPageSource().contains(LEARNER));
        browser.checkPage("journey-07-printable-certificate");
    }

    @Test
    @Order(6)
    void anAdminSeesTheLearnerInTheFiguresAndTheTableAndDownloadsTheCsv() throws Exception {
        browser.open("/signin");
        browser.signIn("admin@acme");
        browser.waitForText(By.tagName("h1"), "Reports");
        browser.revisitUntil("/admin", driver -> Integer.parseInt(driver.findElements(By.cssSelector(".figure-value")).get(2).getText()) >= 1);
        browser.checkPage("journey-08-admin-reports");
        browser.click(By.linkText("Learners"));
        browser.waitForText(By.tagName("h1"), "Learners");
        browser.revisitUntil("/admin/learners", driver -> driver.findElement(By.tagName("table")).getText().contains(LEARNER));
        browser.checkPage("journey-09-admin-learners");
        browser.click(By.id("download-csv"));
        Path csv = Browser.DOWNLOADS.resolve("learners.csv");
        browser.waitUntil(driver -> Files.exists(csv));
        try (Stream<String> lines = Files.lines(csv)) {
            assertTrue(lines.anyMatch(line -> line.contains(LEARNER) && line.contains("COMPLETED")), "the CSV lists the learner as completed");
        }
        browser.open("/admin/assign");
        // Learners are picked from the organisation's directory by name, not typed as ids.
        browser.waitFor(By.id("learner-search")).sendKeys("osei");
        browser.waitForText(By.id("learner-count"), "1 of 3 learners");
        browser.click(By.cssSelector("label[for='learner-" + BLAKE_OSEI + "']"));
        // A due date already passed is refused, beside the date; a later one is accepted.
        org.openqa.selenium.JavascriptExecutor script = (org.openqa.selenium.JavascriptExecutor) browser.driver();
        script.executeScript("document.getElementById('due-date').value = arguments[0];",
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1).toString());
        browser.click(By.cssSelector("#assign-form button"));
        browser.waitUntil(driver -> "true".equals(driver.findElement(By.id("due-date")).getAttribute("aria-invalid")));
        browser.checkPage("journey-09b-assign");
        script.executeScript("document.getElementById('due-date').value = arguments[0];",
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(14).toString());
        browser.click(By.cssSelector("#assign-form button"));
        browser.waitForText(By.id("assign-result"), "Assigned to 1 learner (Blake Osei),");
        browser.open("/admin/questions");
        browser.waitForText(By.tagName("h1"), "Question statistics");
        browser.checkPage("journey-10-question-statistics");
    }

    @Test
    @Order(7)
    void anAuthorEditsADraftLessonAndPublishesANewVersion() throws Exception {
        browser.open("/signin");
        browser.signIn("author@acme");
        browser.waitForText(By.tagName("h1"), "Authoring");
        browser.checkPage("journey-11-authoring");
        browser.click(By.cssSelector(".start-draft"));
        browser.waitForText(By.tagName("h1"), "Draft of How to Lead Upward");
        browser.click(By.linkText("Wrap-up"));
        browser.waitFor(By.id("lesson-title"));
        browser.checkPage("journey-12-edit-lesson");
        WebElement title = browser.driver().findElement(By.id("lesson-title"));
        title.clear();
        title.sendKeys("Wrap-up: leading upward");
        // An invalid field: the API's field error is shown beside that field, and nothing else is lost.
        WebElement text = browser.driver().findElement(By.cssSelector("#lesson-form textarea[data-field=text]"));
        String kept = text.getAttribute("value");
        text.clear();
        browser.click(By.cssSelector("#lesson-form button[type=submit]"));
        browser.waitUntil(driver -> "true".equals(text.getAttribute("aria-invalid")));
        WebElement problem = browser.driver().findElement(By.id(text.getAttribute("aria-describedby")));
        assertTrue(problem.getText().contains("blank"), problem.getText());
        assertTrue(browser.driver().findElement(By.id("save-error")).isDisplayed());
        browser.checkPage("journey-12b-edit-lesson-field-error");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];", text, kept);
        // Two saves in a row: the second names the revision the first returned, so both succeed.
        browser.click(By.cssSelector("#lesson-form button[type=submit]"));
        browser.waitForText(By.id("save-result"), "Saved");
        String first = browser.driver().findElement(By.id("save-result")).getText();
        assertTrue(browser.driver().findElements(By.cssSelector(".field-problem")).isEmpty(), "the field error is gone");
        title.clear();
        title.sendKeys("Wrap-up: leading upward, again");
        browser.click(By.cssSelector("#lesson-form button[type=submit]"));
        browser.waitUntil(driver -> !driver.findElement(By.id("save-error")).getText().isEmpty()
                || driver.findElement(By.id("save-result")).getText().startsWith("Saved") && !driver.findElement(By.id("save-result")).getText().equals(first));
        assertEquals("", browser.driver().findElement(By.id("save-error")).getText(), "the second save is refused");

        // Blocks: add a key-points block at the end, move it up one place, preview the lesson, save it.
        int before = browser.driver().findElements(By.cssSelector(".block-editor")).size();
        new Select(browser.driver().findElement(By.id("new-block-type"))).selectByValue("key-points");
        browser.click(By.id("add-block"));
        browser.waitUntil(driver -> driver.findElements(By.cssSelector(".block-editor")).size() == before + 1);
        browser.driver().findElement(By.id("b" + before + "-items")).sendKeys("Ask for what you need\nOffer something in return");
        browser.click(By.cssSelector("[data-move='-1'][data-index='" + before + "']"));
        browser.waitUntil(driver -> "key-points".equals(driver.findElements(By.cssSelector(".block-editor")).get(before - 1).getAttribute("data-type")));
        assertTrue(browser.driver().findElement(By.id("blocks-state")).getText().contains("is now block " + before));
        browser.click(By.id("preview-lesson"));
        browser.waitFor(By.id("preview-heading"));
        assertTrue(browser.driver().findElement(By.id("lesson-preview")).getText().contains("Offer something in return"));
        browser.checkPage("journey-12c-blocks-and-preview");
        String second = browser.driver().findElement(By.id("save-result")).getText();
        browser.click(By.cssSelector("#lesson-form button[type=submit]"));
        browser.waitUntil(driver -> driver.findElement(By.id("save-result")).getText().startsWith("Saved")
                && !driver.findElement(By.id("save-result")).getText().equals(second) || !driver.findElement(By.id("save-error")).getText().isEmpty());
        assertEquals("", browser.driver().findElement(By.id("save-error")).getText());
        // Saved: after a reload (the session stays) the block is there, in its new place; then it is removed again.
        browser.driver().navigate().refresh();
        browser.waitFor(By.id("lesson-title"));
        assertEquals("key-points", browser.driver().findElements(By.cssSelector(".block-editor")).get(before - 1).getAttribute("data-type"));
        browser.click(By.cssSelector("[data-remove][data-index='" + (before - 1) + "']"));
        browser.waitUntil(driver -> driver.findElements(By.cssSelector(".block-editor")).size() == before);
        browser.click(By.cssSelector("#lesson-form button[type=submit]"));
        browser.waitForText(By.id("save-result"), "Saved");

        browser.click(By.linkText("Back to the draft"));
        // Publishing asks first, listing what the new version holds.
        browser.click(By.id("publish"));
        browser.waitFor(By.id("publish-confirm"));
        assertTrue(browser.driver().findElement(By.id("publish-summary")).getText().contains("Wrap-up: leading upward, again"));
        // ... and what changed against the version learners get now: the lesson renamed (its blocks back as they were).
        String changes = browser.driver().findElement(By.id("publish-changes")).getText();
        assertTrue(changes.contains("renamed to “Wrap-up: leading upward, again”"), changes);
        browser.checkPage("journey-12d-publish-confirmation");
        browser.click(By.id("publish-cancel"));
        browser.waitUntil(driver -> !driver.findElement(By.id("publish-confirm")).isDisplayed());
        browser.click(By.id("publish"));
        browser.click(By.id("publish-confirmed"));
        browser.waitForText(By.id("publish-result"), "Published version 2");
        browser.checkPage("journey-13-published");
    }

    @Test
    @Order(8)
    void theAssignedLearnerSeesTheOverdueWarning() throws Exception {
        // The organisation's LMS carries the assignment over with the due date it had there, already passed.
        String lms = io.restassured.RestAssured.given().baseUri(Platform.stack().gatewayUrl()).contentType("application/json")
                .body("{\"grant_type\":\"client_credentials\",\"client_id\":\"acme-lms\",\"client_secret\":\"upward-demo-secret\"}")
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("access_token");
        io.restassured.RestAssured.given().baseUri(Platform.stack().gatewayUrl()).auth().oauth2(lms).contentType("application/json")
                .body(Map.of("enrolments", List.of(Map.of("externalId", "journey-" + java.util.UUID.randomUUID(),
                        "learnerId", BLAKE_OSEI, "courseId", "how-to-lead-upward",
                        "dueDate", java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1).toString()))))
                .post("/api/v1/integration/enrolments").then().statusCode(200).body("failed", org.hamcrest.Matchers.equalTo(0));
        browser.open("/signin");
        browser.signIn("learner2@acme");
        browser.revisitUntil("/", driver -> browser.mainShows("Overdue: this course was due on"));
        browser.checkPage("journey-14-overdue-dashboard");
    }

    @Test
    @Order(9)
    void theOrganisationsLmsPullsTheCompletionWithItsClientCredentials() {
        String token = io.restassured.RestAssured.given().baseUri(Platform.stack().gatewayUrl())
                .contentType("application/json")
                .body("{\"grant_type\":\"client_credentials\",\"client_id\":\"acme-lms\",\"client_secret\":\"upward-demo-secret\"}")
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("access_token");
        List<Map<String, Object>> completions = io.restassured.RestAssured.given().baseUri(Platform.stack().gatewayUrl())
                .auth().oauth2(token).get("/api/v1/integration/completions")
                .then().statusCode(200).extract().path("items");
        assertTrue(completions.stream().anyMatch(c -> LEARNER.equals(c.get("learnerName"))
                && "how-to-lead-upward".equals(c.get("courseId")) && c.get("certificateId") != null), completions::toString);
    }

    /** Answers every question of a new attempt from the bank's keys, all right or all wrong, and submits. */
    @SuppressWarnings("unchecked")
    private static void takeAttempt(boolean right) throws java.io.IOException {
        browser.click(By.id("start-attempt"));
        browser.waitFor(By.id("attempt-form"));
        browser.checkPage(right ? "journey-03b-second-attempt" : "journey-03a-attempt");
        for (WebElement fieldset : browser.driver().findElements(By.cssSelector("fieldset.question"))) {
            String questionId = fieldset.getAttribute("data-question");
            Map<String, Object> question = bank.question(questionId);
            if ("MATCHING".equals(question.get("type"))) {
                List<Map<String, Object>> options = (List<Map<String, Object>>) question.get("options");
                for (Map<String, Object> item : (List<Map<String, Object>>) question.get("items")) {
                    String key = (String) item.get("correctOptionId");
                    String choice = right ? key : options.stream().map(o -> (String) o.get("id")).filter(id -> !id.equals(key)).findFirst().orElseThrow();
                    new Select(browser.driver().findElement(By.id("m-" + questionId + "-" + item.get("id")))).selectByValue(choice);
                }
                continue;
            }
            for (Map<String, Object> option : (List<Map<String, Object>>) question.get("options")) {
                boolean correct = Boolean.TRUE.equals(option.get("correct"));
                if (correct == right) {
                    browser.driver().findElement(By.id("o-" + questionId + "-" + option.get("id"))).click();
                    if (!"MULTIPLE_RESPONSE".equals(question.get("type"))) {
                        break;
                    }
                }
            }
        }
        browser.click(By.cssSelector("#attempt-form button[type=submit]"));
    }
}
