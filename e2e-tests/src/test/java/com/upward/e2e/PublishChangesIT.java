package com.upward.e2e;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The author's publish confirmation lists what the draft changes against the version learners get now. */
class PublishChangesIT extends BrowserTest {

    private static final String DRAFT = "/api/v1/admin/courses/how-to-lead-upward/draft";

    @Test
    @Order(1)
    void thePublishConfirmationListsTheChanges() throws Exception {
        browser.signIn("author@acme");
        browser.waitForText(By.tagName("h1"), "Authoring");
        browser.click(By.cssSelector(".start-draft"));
        browser.waitForText(By.tagName("h1"), "Draft of How to Lead Upward");
        browser.click(By.partialLinkText("Wrap-up"));
        WebElement title = browser.waitFor(By.id("lesson-title"));
        title.clear();
        title.sendKeys("Wrap-up (changes shown)");
        browser.click(By.cssSelector("#lesson-form button[type=submit]"));
        browser.waitForText(By.id("save-result"), "Saved");
        browser.click(By.linkText("Back to the draft"));

        browser.click(By.id("publish"));
        browser.waitFor(By.id("publish-confirm"));
        String changes = browser.waitFor(By.id("publish-changes")).getText();
        assertTrue(changes.contains("renamed to “Wrap-up (changes shown)”."), changes);
        assertTrue(browser.driver().findElement(By.id("publish-changes-heading")).getText().startsWith("What changed since version"));
        browser.checkPage("publish-01-changes");
        browser.click(By.id("publish-cancel"));
        browser.waitUntil(driver -> !driver.findElement(By.id("publish-confirm")).isDisplayed());
    }

    /** Nothing is published: the draft goes, so the other tests find the course as it was. */
    @AfterAll
    static void discardTheDraft() {
        String author = RestAssured.given().baseUri(Platform.stack().gatewayUrl()).contentType(ContentType.JSON)
                .body("{\"username\":\"author@acme\",\"password\":\"upward-demo\"}").post("/api/v1/auth/token")
                .then().statusCode(200).extract().path("access_token");
        String etag = RestAssured.given().baseUri(Platform.stack().gatewayUrl()).auth().oauth2(author).get(DRAFT).header("ETag");
        if (etag != null) {
            RestAssured.given().baseUri(Platform.stack().gatewayUrl()).auth().oauth2(author).header("If-Match", etag)
                    .delete(DRAFT).then().statusCode(204);
        }
    }
}
