package com.upward.e2e;

import com.upward.platform.testing.LtiTestPlatform;
import com.upward.platform.testing.LtiTestPlatform.Presentation;
import com.upward.platform.testing.LtiTestPlatform.ReceivedScore;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Upward launched by an LMS (LTI 1.3) through the gateway of the packaged stack, in headless Chromium: platform-testing's
 * LtiTestPlatform plays the LMS over real HTTP (its own keys, JWKS, OIDC auth endpoint, token endpoint checking
 * Upward's client assertion, line items). An admin registers it; the LMS page starts the login, the platform
 * form-posts the id_token, the learner lands in the portal with a session, reads the lesson the quiz needs, takes the
 * quiz, and the platform records the score once; while the LMS is down a score waits and arrives once when it is
 * back. An LMS that opens tools in a new window launches there; inside the LMS's frame the launch is checked in the
 * frame and Upward opens in a new window; with third-party cookies blocked the login starts again in a new window, or
 * the LMS's own page keeps the state (LTI platform storage, postMessage) and the check in the frame still works.
 * The platform is at 127.0.0.1 and Upward at localhost, so every launch is cross-site, as in production.
 */
@ExtendWith(Platform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LtiLaunchIT {

    private static final String COURSE = "how-to-lead-upward";
    private static final String LESSON = "four-tips-to-engage";
    private static final String QUIZ = "tips-check";
    /** A line item URL with a query string: /scores goes before it. */
    private static final String LINEITEM = "/lineitems/" + QUIZ + "/lineitem?type=quiz";

    private static LtiTestPlatform lms;
    private static Browser browser;
    private static String upward;
    private static final String learner = "lms-user-" + UUID.randomUUID();

    @BeforeAll
    static void startTheLms() {
        // The tool's public URL, as the launcher gives it to the gateway (upward.gateway.lti.public-url).
        upward = Platform.stack().gatewayUrl().replace("127.0.0.1", "localhost");
        lms = new LtiTestPlatform();
        lms.trustToolJwks(upward + "/lti/jwks");
        browser = new Browser(upward);
    }

    @AfterAll
    static void stopTheLms() {
        if (browser != null) {
            browser.close();
        }
        if (lms != null) {
            lms.close();
        }
    }

    @Test
    @Order(1)
    void anAdminRegistersTheLmsThroughTheGateway() {
        String admin = given().contentType(ContentType.JSON).body(Map.of("username", "admin@acme", "password", "upward-demo"))
                .post(upward + "/api/v1/auth/token").then().statusCode(200).extract().path("access_token");
        Response registered = given().auth().oauth2(admin).contentType(ContentType.JSON).body(lms.registration())
                .post(upward + "/api/v1/admin/lti/platforms");
        assertEquals(201, registered.statusCode(), registered::asString);
        assertEquals(lms.issuer(), registered.jsonPath().getString("issuer"));

        // The tool publishes the key the launcher keeps in its keys folder (its kid follows the key), so an LMS's
        // cached JWKS still holds after a restart.
        String kid = given().get(upward + "/lti/jwks").then().statusCode(200).extract().path("keys[0].kid");
        assertEquals(Platform.stack().ltiToolKeyId(), kid);
    }

    @Test
    @Order(2)
    void aLaunchFromTheLmsLandsInTheQuizWithAnUpwardSession() throws Exception {
        browser.driver().get(lms.coursePage(upward + "/lti/login", learner, quizLink(), LINEITEM, Presentation.SAME_WINDOW));
        browser.click(By.id("launch"));
        browser.waitForText(By.tagName("h1"), "Knowledge check: tips to engage");
        assertTrue(browser.driver().getCurrentUrl().endsWith("#/quizzes/" + QUIZ), browser.driver().getCurrentUrl());
        browser.waitForText(By.cssSelector(".who"), "LTI " + learner);
        // A new learner of acme: the quiz opens once its lesson is done.
        browser.waitFor(By.id("quiz-locked"));
        browser.checkPage("lti-01-launched-into-the-quiz");
    }

    @Test
    @Order(3)
    void theLearnerReadsTheLessonTakesTheQuizAndTheLmsRecordsTheScoreOnce() throws Exception {
        browser.open("/courses/" + COURSE + "/lessons/" + LESSON);
        browser.waitForText(By.tagName("h1"), "Four tips to engage");
        browser.click(By.id("complete"));
        browser.waitForText(By.id("completion-state"), "You completed this lesson.");
        takeTheQuiz();

        List<ReceivedScore> scores = awaitScores(1);
        Map<String, Object> score = scores.get(0).body();
        assertEquals(learner, score.get("userId"), "userId is the launch's sub");
        assertEquals("Quiz attempt 1", score.get("comment"));
        assertEquals("Completed", score.get("activityProgress"));
        assertEquals("FullyGraded", score.get("gradingProgress"));
        assertTrue(((Number) score.get("scoreMaximum")).doubleValue() > 0, score::toString);
        assertTrue(((Number) score.get("scoreGiven")).doubleValue() <= ((Number) score.get("scoreMaximum")).doubleValue(), score::toString);
    }

    @Test
    @Order(4)
    void whileTheLmsIsDownAScoreWaitsAndArrivesOnceWhenItIsBack() throws Exception {
        lms.setDown(true);
        int refusedBefore = lms.scoresRefused();
        browser.open("/quizzes/" + QUIZ);
        browser.waitForText(By.tagName("h1"), "Knowledge check: tips to engage");
        takeTheQuiz();
        // Upward tried, was refused, and tried again after its backoff; the LMS recorded nothing meanwhile.
        await().atMost(Duration.ofSeconds(60)).until(() -> lms.scoresRefused() >= refusedBefore + 2);
        assertEquals(1, scoresOfTheQuiz().size(), () -> "nothing recorded while down: " + scoresOfTheQuiz());

        lms.setDown(false);
        awaitScores(2);
        // A third attempt after the outage: once its score is in, the sender has passed over the earlier ones again.
        browser.open("/quizzes/" + QUIZ);
        browser.waitForText(By.tagName("h1"), "Knowledge check: tips to engage");
        takeTheQuiz();
        List<ReceivedScore> scores = awaitScores(3);
        assertEquals(List.of("Quiz attempt 1", "Quiz attempt 2", "Quiz attempt 3"),
                scores.stream().map(s -> (String) s.body().get("comment")).sorted().toList(),
                "exactly one score per scored attempt");
        List<Instant> timestamps = scores.stream().map(s -> Instant.parse((String) s.body().get("timestamp"))).toList();
        assertEquals(3, Set.copyOf(timestamps).size(), () -> "each attempt its own submission time: " + timestamps);
    }

    @Test
    @Order(5)
    void anLmsThatOpensToolsInANewWindowLaunchesThere() throws Exception {
        WebDriver driver = browser.driver();
        driver.get(lms.coursePage(upward + "/lti/login", learner, lessonLink(), null, Presentation.NEW_WINDOW));
        String lmsWindow = driver.getWindowHandle();
        browser.click(By.id("launch"));
        driver.switchTo().window(otherWindow(driver, lmsWindow));
        browser.waitForText(By.tagName("h1"), "Four tips to engage");
        browser.waitForText(By.cssSelector(".who"), "LTI " + learner);
        assertTrue(driver.getCurrentUrl().endsWith("#/courses/" + COURSE + "/lessons/" + LESSON), driver.getCurrentUrl());
        browser.checkPage("lti-02-new-window");
        driver.close();
        driver.switchTo().window(lmsWindow);
    }

    @Test
    @Order(6)
    void inTheLmsFrameTheLaunchIsCheckedThereAndUpwardOpensInANewWindow() throws Exception {
        // A browser that keeps third-party cookies (headless Chromium's own default drops them in frames, as below).
        try (Browser allowing = Browser.allowingThirdPartyCookies(upward)) {
            WebDriver driver = allowing.driver();
            driver.get(lms.coursePage(upward + "/lti/login", learner, quizLink(), LINEITEM, Presentation.IFRAME));
            String lmsWindow = driver.getWindowHandle();
            driver.switchTo().frame("tool");
            allowing.click(By.id("continue"));
            allowing.waitFor(By.id("open-upward"));
            driver.switchTo().defaultContent();
            allowing.checkPage("lti-03-launched-in-a-frame");
            driver.switchTo().frame("tool");
            allowing.click(By.id("open-upward"));
            driver.switchTo().window(otherWindow(driver, lmsWindow));
            allowing.waitForText(By.tagName("h1"), "Knowledge check: tips to engage");
            allowing.waitForText(By.cssSelector(".who"), "LTI " + learner);
        }
    }

    @Test
    @Order(7)
    void inTheLmsFrameWithThirdPartyCookiesBlockedTheLaunchGoesOnInANewWindow() throws Exception {
        try (Browser blocking = Browser.blockingThirdPartyCookies(upward)) {
            WebDriver driver = blocking.driver();
            String lmsPage = lms.coursePage(upward + "/lti/login", learner, quizLink(), LINEITEM, Presentation.IFRAME);
            driver.get(lmsPage);
            driver.switchTo().frame("tool");
            blocking.waitFor(By.id("new-window"));
            driver.switchTo().defaultContent();
            blocking.checkPage("lti-04-framed-login");

            // Continuing inside the frame: the browser dropped the state cookie, and the launch says so.
            driver.switchTo().frame("tool");
            blocking.click(By.id("continue"));
            blocking.waitForText(By.id("reason"), "state: this browser did not start this login");
            driver.switchTo().defaultContent();
            blocking.checkPage("lti-05-framed-launch-refused-without-cookies");

            // The new window is a first-party context: the login starts again there and lands in the portal.
            driver.get(lmsPage);
            driver.switchTo().frame("tool");
            String lmsWindow = driver.getWindowHandle();
            blocking.click(By.id("new-window"));
            driver.switchTo().window(otherWindow(driver, lmsWindow));
            blocking.waitForText(By.tagName("h1"), "Knowledge check: tips to engage");
            blocking.waitForText(By.cssSelector(".who"), "LTI " + learner);
            assertTrue(driver.getCurrentUrl().startsWith(upward + "/#/quizzes/" + QUIZ), driver.getCurrentUrl());
            blocking.checkPage("lti-06-framed-then-new-window");
        }
    }

    @Test
    @Order(8)
    void withThePlatformsStorageTheLaunchIsCheckedInTheFrameEvenWithoutCookies() throws Exception {
        try (Browser blocking = Browser.blockingThirdPartyCookies(upward)) {
            WebDriver driver = blocking.driver();
            driver.get(lms.coursePage(upward + "/lti/login", learner, lessonLink(), null, Presentation.IFRAME_WITH_STORAGE));
            String lmsWindow = driver.getWindowHandle();
            driver.switchTo().frame("tool");
            // The login kept the nonce in the LMS's page (lti.put_data), the launch read it back (lti.get_data): no cookie.
            blocking.waitFor(By.id("open-upward"));
            driver.switchTo().defaultContent();
            blocking.checkPage("lti-07-launched-in-a-frame-with-platform-storage");
            driver.switchTo().frame("tool");
            blocking.click(By.id("open-upward"));
            driver.switchTo().window(otherWindow(driver, lmsWindow));
            blocking.waitForText(By.tagName("h1"), "Four tips to engage");
            blocking.waitForText(By.cssSelector(".who"), "LTI " + learner);
        }
    }

    /** The window the last click opened beside the LMS's. */
    private static String otherWindow(WebDriver driver, String lmsWindow) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getWindowHandles().size() == 2);
        return driver.getWindowHandles().stream().filter(h -> !h.equals(lmsWindow)).findFirst().orElseThrow();
    }

    private static String lessonLink() {
        return upward + "/lti/courses/" + COURSE + "/lessons/" + LESSON;
    }

    private static String quizLink() {
        return upward + "/lti/courses/" + COURSE + "/quizzes/" + QUIZ;
    }

    /** Starts an attempt (once the quiz service learned the lesson is done) and submits it as it is. */
    private static void takeTheQuiz() {
        browser.startOrResumeAttempt(QUIZ);
        // Submitted unanswered: a score of 0 is a score, and the LMS must record it once like any other.
        browser.click(By.cssSelector("#attempt-form button[type=submit]"));
        browser.click(By.id("submit-anyway"));
        browser.waitForText(By.tagName("h1"), "Your result:");
    }

    private static List<ReceivedScore> scoresOfTheQuiz() {
        return lms.scores().stream().filter(s -> s.lineitem().equals(LINEITEM)).toList();
    }

    private static List<ReceivedScore> awaitScores(int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> scoresOfTheQuiz().size() >= count);
        List<ReceivedScore> scores = scoresOfTheQuiz();
        assertEquals(count, scores.size(), () -> "scores: " + scores);
        return scores;
    }
}
