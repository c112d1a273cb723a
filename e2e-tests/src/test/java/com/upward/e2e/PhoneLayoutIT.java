package com.upward.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The portal on a 375 px wide phone: the nav on at most two lines, the admin's learner table without sideways scroll. */
class PhoneLayoutIT extends BrowserTest {

    @BeforeAll
    static void actAsAPhone() {
        ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 375, "height", 812, "deviceScaleFactor", 2, "mobile", true));
    }

    private static long number(String script) {
        return ((Number) ((JavascriptExecutor) browser.driver()).executeScript(script)).longValue();
    }

    /** How many lines the nav's items take: the distinct tops of the visible ones. */
    private static long navLines() {
        return number("return new Set([...document.querySelectorAll('#nav li')].filter(li => li.getBoundingClientRect().width > 0)"
                + ".map(li => Math.round(li.getBoundingClientRect().top))).size");
    }

    private static void assertNoSidewaysScroll(String page) {
        assertEquals(375, number("return window.innerWidth"));
        long scrollWidth = number("return document.documentElement.scrollWidth");
        assertTrue(scrollWidth <= 375, page + " is " + scrollWidth + " px wide");
    }

    @Test
    @Order(1)
    void aLearnersNavTakesAtMostTwoLines() throws Exception {
        browser.signIn("learner3@acme");
        browser.waitForText(By.tagName("h1"), "Welcome");
        long lines = navLines();
        assertTrue(lines >= 1 && lines <= 2, "the nav takes " + lines + " lines");
        assertNoSidewaysScroll("the dashboard");
        browser.checkPage("p01-phone-dashboard");
    }

    @Test
    @Order(2)
    void theAdminsLearnerTableDoesNotScrollSideways() throws Exception {
        browser.signIn("admin@acme");
        browser.open("/admin/learners");
        browser.waitFor(By.id("learner-table"));
        long lines = navLines();
        assertTrue(lines >= 1 && lines <= 2, "the nav takes " + lines + " lines");
        long tableOverflow = number("const t = document.getElementById('learner-table'); return t.scrollWidth - t.clientWidth");
        assertTrue(tableOverflow <= 0, "the table overflows by " + tableOverflow + " px");
        assertNoSidewaysScroll("the learner table");
        // Each cell says which column it is, since the header row is not shown as a row.
        assertTrue(browser.driver().findElements(By.cssSelector("#learner-table td[data-label=Status]")).size() > 0
                || browser.mainShows("No learner matches."));
        browser.checkPage("p02-phone-learner-table");
    }
}
