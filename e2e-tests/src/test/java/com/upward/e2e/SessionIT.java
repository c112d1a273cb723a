package com.upward.e2e;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The browser session the gateway holds: it survives a reload, a new tab and a deep link; no script can read it;
 * an ended session says so and brings the user back; signing out ends it on the server.
 */
class SessionIT extends BrowserTest {

    private static final String LESSON = "/courses/how-to-lead-upward/lessons/position-power-role";
    private static final String COOKIE = "upward_session";

    private static ChromeDriver chrome() {
        return (ChromeDriver) browser.driver();
    }

    /** Every cookie of the browser, HttpOnly ones included (DevTools sees what scripts cannot). */
    @SuppressWarnings("unchecked")
    private static String sessionCookie() {
        List<Map<String, Object>> cookies = (List<Map<String, Object>>) chrome().executeCdpCommand("Network.getAllCookies", Map.of()).get("cookies");
        return cookies.stream().filter(c -> COOKIE.equals(c.get("name"))).map(c -> (String) c.get("value")).findFirst().orElse(null);
    }

    /** Puts a session id the gateway does not know (as after an idle timeout or a restart) in the browser's cookie. */
    private static void endSessionBehindTheBrowsersBack() {
        chrome().executeCdpCommand("Network.setCookie", Map.of("name", COOKIE, "value", "ended-session-id",
                "url", Platform.stack().gatewayUrl() + "/api", "path", "/api", "httpOnly", true, "sameSite", "Strict"));
    }

    @Test
    @Order(1)
    void aDeepLinkSurvivesSignIn() throws Exception {
        browser.open("/signin");
        browser.waitFor(By.id("username"));
        browser.open(LESSON);
        browser.waitFor(By.id("signin-next"));
        assertTrue(browser.driver().getCurrentUrl().contains("#/signin?next="), browser.driver().getCurrentUrl());
        browser.checkPage("s01-sign-in-for-a-deep-link");
        browser.driver().findElement(By.id("username")).sendKeys("learner1@acme");
        browser.driver().findElement(By.id("password")).sendKeys("upward-demo");
        browser.driver().findElement(By.cssSelector("#signin-form button")).click();
        browser.waitForText(By.tagName("h1"), "Position power: role");
        assertTrue(browser.driver().getCurrentUrl().endsWith("#" + LESSON), browser.driver().getCurrentUrl());
        browser.checkPage("s02-deep-link-after-sign-in");
    }

    @Test
    @Order(2)
    void noScriptCanReadTheSession() {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        assertFalse(String.valueOf(js.executeScript("return document.cookie")).contains(COOKIE));
        assertEquals(0L, js.executeScript("return localStorage.length + sessionStorage.length"));
        assertTrue(sessionCookie() != null && sessionCookie().length() >= 40, "the browser holds the HttpOnly cookie");
    }

    @Test
    @Order(3)
    void aReloadKeepsTheSession() throws Exception {
        browser.driver().navigate().refresh();
        browser.waitForText(By.tagName("h1"), "Position power: role");
        browser.waitFor(By.id("sign-out"));
        browser.checkPage("s03-after-reload");
    }

    @Test
    @Order(4)
    void aNewTabIsSignedInToo() throws Exception {
        String first = browser.driver().getWindowHandle();
        browser.driver().switchTo().newWindow(WindowType.TAB);
        browser.open("/progress");
        browser.waitForText(By.tagName("h1"), "My progress");
        browser.checkPage("s04-new-tab");
        browser.driver().close();
        browser.driver().switchTo().window(first);
    }

    @Test
    @Order(5)
    void backAfterSignInDoesNotShowTheSignInForm() {
        // Before the deep link, this browser had the sign-in page open: Back goes there, and a signed-in user is
        // taken on to their start page instead of seeing the form again.
        browser.driver().navigate().back();
        browser.waitForText(By.tagName("h1"), "Welcome, Avery Chen");
        assertTrue(browser.driver().findElements(By.id("signin-form")).isEmpty());
    }

    @Test
    @Order(6)
    void anEndedSessionSaysSoAndBringsTheUserBack() throws Exception {
        browser.open("/progress");
        browser.waitForText(By.tagName("h1"), "My progress");
        endSessionBehindTheBrowsersBack();
        // The next page's calls are refused: sign-in says why, then the user is back on that page.
        browser.open(LESSON);
        browser.waitForText(By.id("session-ended"), "Your session has ended, sign in again.");
        browser.checkPage("s05-session-ended");
        browser.driver().findElement(By.id("username")).sendKeys("learner1@acme");
        browser.driver().findElement(By.id("password")).sendKeys("upward-demo");
        browser.driver().findElement(By.cssSelector("#signin-form button")).click();
        browser.waitForText(By.tagName("h1"), "Position power: role");
        assertTrue(browser.driver().getCurrentUrl().endsWith("#" + LESSON), browser.driver().getCurrentUrl());

        // The same after a reload: the gateway tells the portal the session it names has ended.
        endSessionBehindTheBrowsersBack();
        browser.driver().navigate().refresh();
        browser.waitForText(By.id("session-ended"), "Your session has ended, sign in again.");
        browser.driver().findElement(By.id("username")).sendKeys("learner1@acme");
        browser.driver().findElement(By.id("password")).sendKeys("upward-demo");
        browser.driver().findElement(By.cssSelector("#signin-form button")).click();
        browser.waitForText(By.tagName("h1"), "Position power: role");
    }

    @Test
    @Order(7)
    void signingOutEndsTheSessionOnTheServer() throws Exception {
        String id = sessionCookie();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest withOldCookie = HttpRequest.newBuilder(URI.create(Platform.stack().gatewayUrl() + "/api/v1/me/progress"))
                .header("Cookie", COOKIE + "=" + id).build();
        assertEquals(200, http.send(withOldCookie, HttpResponse.BodyHandlers.discarding()).statusCode());
        browser.click(By.id("sign-out"));
        browser.waitForText(By.tagName("h1"), "Sign in");
        assertEquals(null, sessionCookie(), "the cookie is removed from the browser");
        // A copy of the cookie taken before opens nothing now.
        assertEquals(401, http.send(withOldCookie, HttpResponse.BodyHandlers.discarding()).statusCode());
        browser.checkPage("s06-signed-out");
    }
}
