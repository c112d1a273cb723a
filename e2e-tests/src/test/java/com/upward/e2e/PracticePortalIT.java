package com.upward.e2e;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.print.PrintOptions;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Practice beyond reading, in a real headless browser: a failed final assessment puts every power type in the first
 * practice box (due the next day: the packaged stack's clock is real, so taking a set is PracticeTest's, with a test
 * clock); then a learner writes a conversation plan, prints it on one page, marks it held, and the admin's practice
 * report counts it.
 */
class PracticePortalIT extends BrowserTest {

    /** globex: no other end-to-end test signs in there, so its lessons, attempts and report are this test's alone. */
    private static final String LEARNER = "learner1@globex";
    private static final String ADMIN = "admin@globex";

    private static long heldBefore;

    @Test
    @Order(1)
    void aFailedQuizSchedulesPracticeOfEveryTypeNotMastered() throws Exception {
        String learner = token(LEARNER);
        heldBefore = ((Number) as(token(ADMIN)).get("/api/v1/admin/practice-report").then().statusCode(200)
                .extract().path("conversations.held")).longValue();
        as(learner).post("/api/v1/courses/how-to-lead-upward/lessons/wrap-up/completion").then()
                .statusCode(org.hamcrest.Matchers.lessThan(300));
        // assessment-service learns the completion from an event: the final assessment opens once it has.
        String attempt = null;
        for (int i = 0; i < 60 && attempt == null; i++) {
            var started = as(learner).post("/api/v1/quizzes/final-assessment/attempts");
            if (started.statusCode() / 100 == 2) {
                attempt = started.path("id");
            } else {
                Thread.sleep(500);
            }
        }
        assertTrue(attempt != null, "the final assessment opened");
        as(learner).contentType(ContentType.JSON).body(Map.of("answers", List.of()))
                .post("/api/v1/attempts/" + attempt + "/submission").then().statusCode(200);

        browser.signIn(LEARNER);
        browser.waitForText(By.id("practice-today"), "Nothing is due today.");
        browser.checkPage("practice-01-dashboard");
        browser.open("/practice");
        browser.waitForText(By.tagName("h1"), "Spaced practice");
        // The empty submission mastered nothing: all four types wait in the first box, due tomorrow.
        assertEquals(4, browser.driver().findElements(By.xpath("//td[text()='Box 1 of 4']")).size());
        assertTrue(browser.mainShows("Nothing is due now"));
        // The quiz's scores per type are the chart's first points (progress learns them from an event).
        browser.revisitUntil("/practice", driver -> browser.mainShows("Quiz") && driver.findElements(By.id("mastery-chart")).size() == 1);
        browser.checkPage("practice-02-boxes");
    }

    @Test
    @Order(2)
    void aLearnerWritesAPlanPrintsItOnOnePageAndMarksItHeld() throws Exception {
        browser.open("/plans");
        browser.waitForText(By.tagName("h1"), "Conversation plans");
        browser.click(By.linkText("Plan a conversation"));
        browser.waitFor(By.id("plan-form"));
        assertTrue(browser.mainShows("What is my motive for seeking to influence this person?"));
        assertTrue(browser.mainShows("I need your help with something. If this works for you, great."));
        browser.checkPage("practice-03-new-plan");

        // A plan without a title is refused beside its field.
        browser.click(By.cssSelector("#plan-form button[type=submit]"));
        browser.waitFor(By.cssSelector("#plan-form .field-problem"));
        assertEquals("true", browser.driver().findElement(By.id("plan-title")).getAttribute("aria-invalid"));

        browser.driver().findElement(By.id("plan-title")).sendKeys("Ask my director for a budget review");
        String sentence = "The team loses a day a week to rework, and a review in March would give it back to everyone. ";
        for (WebElement text : browser.driver().findElements(By.cssSelector("#plan-form textarea"))) {
            text.sendKeys(sentence + sentence);
        }
        browser.click(By.id("power-EXPERTISE"));
        browser.click(By.id("power-REPUTATION"));
        browser.click(By.id("opening-HELP"));
        browser.click(By.cssSelector("#plan-form button[type=submit]"));
        browser.waitForText(By.tagName("h1"), "Ask my director for a budget review");
        assertTrue(browser.mainShows("Personal power: reputation, Personal power: expertise")
                || browser.mainShows("Personal power: expertise, Personal power: reputation"));
        assertTrue(browser.mainShows("“I need your help with something."));
        browser.checkPage("practice-04-plan");

        // Printed (print media, as the browser prints it), the plan fits on one page.
        String pdf = new String(Base64.getDecoder().decode(((PrintsPage) browser.driver()).print(new PrintOptions()).getContent()),
                StandardCharsets.ISO_8859_1);
        long pages = Pattern.compile("/Type\\s*/Page(?![s\\w])").matcher(pdf).results().count();
        assertEquals(1, pages, "the printed plan's pages");

        browser.click(By.cssSelector("#held-form button[type=submit]"));
        browser.waitFor(By.cssSelector("#held-form .field-problem"));
        browser.driver().findElement(By.id("reflection")).sendKeys("That was a lot easier than I thought it would be.");
        browser.click(By.cssSelector("#held-form button[type=submit]"));
        browser.waitForText(By.cssSelector(".plan-page .meta"), "Conversation held");
        assertTrue(browser.mainShows("That was a lot easier than I thought it would be."));
        assertTrue(browser.driver().findElements(By.id("held-form")).isEmpty(), "a held plan is not marked again");
        browser.checkPage("practice-05-held");

        browser.open("/plans");
        browser.waitForText(By.tagName("caption"), "1 conversation held");
        // Progress counts the conversation as practice once it has the event.
        browser.revisitUntil("/practice", driver -> driver.findElements(By.cssSelector(".figure")).get(1).getText().startsWith("1"));
    }

    @Test
    @Order(3)
    void theAdminsPracticeReportCountsTheHeldConversation() throws Exception {
        browser.signIn(ADMIN);
        browser.open("/admin/practice");
        browser.waitForText(By.tagName("h1"), "Practice report");
        assertEquals(String.valueOf(heldBefore + 1), browser.driver().findElement(By.id("conversations-held")).getText());
        browser.checkPage("practice-06-admin-report");
    }

    private static String token(String username) {
        return RestAssured.given().baseUri(Platform.stack().gatewayUrl()).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", "upward-demo"))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("access_token");
    }

    private static RequestSpecification as(String token) {
        return RestAssured.given().baseUri(Platform.stack().gatewayUrl()).auth().oauth2(token);
    }
}
