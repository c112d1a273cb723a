package com.upward.e2e;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A learner in a real headless browser: signs in, reads a lesson, marks it complete, sees progress. */
class LearnerPortalIT extends BrowserTest {


    @Test
    @Order(1)
    void signsIn() throws Exception {
        browser.open("/signin");
        browser.waitFor(By.id("username"));
        browser.checkPage("01-sign-in");
        browser.driver().findElement(By.id("username")).sendKeys("learner2@acme");
        browser.driver().findElement(By.id("password")).sendKeys("upward-demo");
        browser.driver().findElement(By.cssSelector("#signin-form button")).click();
        browser.waitForText(By.tagName("h1"), "Welcome, Blake Osei");
        browser.checkPage("02-dashboard");
    }

    @Test
    @Order(2)
    void readsTheCourseOutlineWithItsLockedQuiz() throws Exception {
        browser.driver().findElement(By.linkText("How to Lead Upward")).click();
        browser.waitForText(By.tagName("h1"), "How to Lead Upward");
        String locked = browser.driver().findElement(By.cssSelector(".locked")).getText();
        assertTrue(locked.startsWith("Locked. Complete first: Position power: role"), locked);
        browser.checkPage("03-course-outline");
    }

    @Test
    @Order(3)
    void readsALessonAndMarksItComplete() throws Exception {
        browser.open("/courses/how-to-lead-upward/lessons/position-power-penalty");
        browser.waitForText(By.tagName("h1"), "Position power: penalty");
        assertTrue(browser.driver().findElements(By.cssSelector(".block-quote")).size() > 0, "quotes are laid out");
        browser.checkPage("04-lesson");
        browser.driver().findElement(By.id("complete")).click();
        browser.waitForText(By.id("completion-state"), "You completed this lesson.");
        browser.driver().findElement(By.cssSelector("a[rel=next]")).click();
        browser.waitForText(By.tagName("h1"), "Personal power: reputation");
    }

    @Test
    @Order(4)
    void seesTheLessonInProgress() throws Exception {
        browser.open("/progress");
        browser.waitForText(By.tagName("h1"), "My progress");
        // Progress is built from events: revisit the page (a hash change keeps the in-memory session) until it shows.
        browser.revisitUntil("/progress", driver -> browser.mainShows("1 of 15 lessons")
                && "6".equals(driver.findElement(By.cssSelector("progress")).getAttribute("value")));
        browser.checkPage("05-progress");
    }

    @Test
    @Order(5)
    void ratesThePowerProfileAndSeesItsChart() throws Exception {
        browser.open("/power-profile");
        browser.waitForText(By.tagName("h1"), "Your power profile");
        browser.checkPage("06-power-profile");
        var statements = browser.driver().findElements(By.cssSelector("#profile-form fieldset"));
        for (int i = 0; i < statements.size(); i++) {
            // Agree strongly with the expertise statements, less with the others.
            String text = statements.get(i).findElement(By.tagName("legend")).getText().toLowerCase();
            int rating = text.contains("know") || text.contains("expert") || text.contains("experience") ? 5 : 2;
            statements.get(i).findElements(By.cssSelector("input[type=radio]")).get(rating - 1).click();
        }
        browser.click(By.cssSelector("#profile-form button[type=submit]"));
        browser.waitFor(By.id("profile-chart"));
        browser.waitForText(By.id("main"), "Your strongest:");
        browser.checkPage("07-power-profile-saved");
    }

    @Test
    @Order(6)
    void searchesTheLessonsAndFindsThePenaltyLessonFirst() throws Exception {
        browser.open("/courses/how-to-lead-upward");
        browser.waitFor(By.id("search-q")).sendKeys("penalty");
        browser.click(By.cssSelector("#search-form button"));
        browser.waitForText(By.tagName("h1"), "Search results for");
        var first = browser.waitFor(By.cssSelector(".search-results li"));
        assertTrue(first.getText().startsWith("Position power: penalty"), first.getText());
        assertTrue(first.findElements(By.tagName("mark")).size() > 0, "the match is highlighted");
        browser.checkPage("08-search");
    }

    @Test
    @Order(7)
    void isReadableOnAPhone() throws Exception {
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            for (String page : new String[] {"/", "/courses/how-to-lead-upward/lessons/four-tips-to-engage"}) {
                browser.open(page);
                browser.waitFor(By.tagName("h1"));
                Object overflow = ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                        .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertTrue(((Number) overflow).intValue() <= 0, page + " scrolls sideways on a phone by " + overflow + " px");
            }
            browser.checkPage("09-phone-lesson");
        } finally {
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        }
    }
}
