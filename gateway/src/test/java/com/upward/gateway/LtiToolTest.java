package com.upward.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.upward.platform.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The browser's side of an LTI launch at the gateway: the login binds state and nonce to this browser with a cookie,
 * the launch refuses a state this browser did not start, passes the id_token and the cookie's nonce to the checks
 * (the stand-in plays progress-service), and turns an accepted launch into an Upward session the portal picks up once.
 */
@QuarkusTest
class LtiToolTest {

    private static Map<String, String> query(String location) {
        Map<String, String> values = new HashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            values.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return values;
    }

    private static Response login() {
        return given().redirects().follow(false)
                .queryParam("iss", "https://lms.example").queryParam("login_hint", "user-7")
                .queryParam("target_link_uri", "http://localhost:8080/lti/launch")
                .queryParam("lti_message_hint", "hint-42").queryParam("client_id", "client-1")
                .get("/lti/login");
    }

    @Test
    void theLoginRedirectsToThePlatformWithStateAndNonceBoundToThisBrowser() {
        Response login = login();
        assertEquals(302, login.statusCode(), login::asString);
        String location = login.header("Location");
        assertTrue(location.startsWith("https://lms.example/auth?tenant=1&"), location);
        Map<String, String> auth = query(location);
        assertEquals("openid", auth.get("scope"));
        assertEquals("id_token", auth.get("response_type"));
        assertEquals("form_post", auth.get("response_mode"));
        assertEquals("none", auth.get("prompt"));
        assertEquals("client-1", auth.get("client_id"));
        assertEquals("http://localhost:8080/lti/launch", auth.get("redirect_uri"));
        assertEquals("user-7", auth.get("login_hint"));
        assertEquals("hint-42", auth.get("lti_message_hint"));
        String state = auth.get("state");
        String cookie = login.header("Set-Cookie");
        assertTrue(cookie.startsWith("upward_lti_" + state + "=" + auth.get("nonce")), cookie);
        for (String attribute : new String[]{"HttpOnly", "Secure", "SameSite=None", "Path=/lti"}) {
            assertTrue(cookie.contains(attribute), () -> attribute + " in " + cookie);
        }
    }

    @Test
    void theLoginMayBeFormPosted() {
        // From the LMS's own site, as LMSs post it: CORS does not govern a form post the browser navigates with.
        Response login = given().redirects().follow(false).contentType(ContentType.URLENC).header("Origin", "https://lms.example")
                .formParam("iss", "https://lms.example").formParam("login_hint", "user-7")
                .formParam("target_link_uri", "http://localhost:8080/lti/launch").post("/lti/login");
        assertEquals(302, login.statusCode(), login::asString);
        assertNotNull(query(login.header("Location")).get("nonce"));
    }

    @Test
    void inAnLmsFrameTheLoginOffersANewWindow() {
        Response framed = given().redirects().follow(false).header("Sec-Fetch-Dest", "iframe")
                .queryParam("iss", "https://lms.example").queryParam("login_hint", "user-7")
                .queryParam("target_link_uri", "http://localhost:8080/lti/launch").get("/lti/login");
        assertEquals(200, framed.statusCode());
        assertTrue(framed.contentType().startsWith("text/html"));
        String html = framed.asString();
        assertTrue(html.contains("href=\"https://lms.example/auth?tenant=1&amp;"), html);
        assertTrue(html.contains("href=\"/lti/login?iss=https"), html);
        assertTrue(html.contains("target=\"_blank\""), html);
        assertTrue(framed.header("Content-Security-Policy").contains("frame-ancestors *"));
        assertTrue(framed.header("Set-Cookie").startsWith("upward_lti_"));
    }

    @Test
    void aBadLoginIsAProblem() {
        assertProblem(given().redirects().follow(false).queryParam("login_hint", "u").queryParam("target_link_uri", "x")
                .get("/lti/login"), 400);
        assertProblem(given().redirects().follow(false).queryParam("iss", "https://unknown.example")
                .queryParam("login_hint", "u").queryParam("target_link_uri", "x").get("/lti/login"), 404);
    }

    @Test
    void aLaunchWithoutThisBrowsersStateIsRefused() {
        Response problem = given().accept("application/json").contentType(ContentType.URLENC)
                .formParam("id_token", "good-token").formParam("state", "AAAAAAAAAAAAAAAAAAAAAAAA").post("/lti/launch");
        assertProblem(problem, 401);
        assertTrue(problem.jsonPath().getString("detail").startsWith("state: "), problem::asString);

        Response page = given().accept("text/html").contentType(ContentType.URLENC)
                .formParam("id_token", "good-token").formParam("state", "AAAAAAAAAAAAAAAAAAAAAAAA").post("/lti/launch");
        assertEquals(401, page.statusCode());
        assertTrue(page.contentType().startsWith("text/html"));
        assertTrue(page.asString().contains("state: this browser did not start this login"), page::asString);

        // Another login's cookie does not fit this state.
        String state = query(login().header("Location")).get("state");
        assertProblem(given().accept("application/json").contentType(ContentType.URLENC)
                .cookie("upward_lti_" + state, "nonce").formParam("id_token", "good-token")
                .formParam("state", "BBBBBBBBBBBBBBBBBBBBBBBB").post("/lti/launch"), 401);
    }

    @Test
    void aRefusedLaunchSaysWhichCheckFailed() {
        Response login = login();
        String state = query(login.header("Location")).get("state");
        Response refused = given().accept("application/json").contentType(ContentType.URLENC)
                .cookie("upward_lti_" + state, query(login.header("Location")).get("nonce"))
                .formParam("id_token", "forged").formParam("state", state).post("/lti/launch");
        assertProblem(refused, 401);
        assertTrue(refused.jsonPath().getString("detail").startsWith("signature: "), refused::asString);
    }

    @Test
    void anAcceptedLaunchBecomesASessionThePortalPicksUpOnce() {
        Response login = login();
        Map<String, String> auth = query(login.header("Location"));
        Response launch = given().redirects().follow(false).contentType(ContentType.URLENC).header("Origin", "https://lms.example")
                .cookie("upward_lti_" + auth.get("state"), auth.get("nonce"))
                .formParam("id_token", "good-token").formParam("state", auth.get("state")).post("/lti/launch");
        assertEquals(303, launch.statusCode(), launch::asString);
        String location = launch.header("Location");
        assertTrue(location.matches(".*/#/lti/[A-Za-z0-9_-]{43}$"), location);
        assertTrue(launch.header("Set-Cookie").contains("Max-Age=0"), "the state cookie is spent");
        String code = location.substring(location.lastIndexOf('/') + 1);

        Response session = given().contentType(ContentType.JSON).body(Map.of("code", code)).post("/api/v1/auth/lti-session");
        assertEquals(200, session.statusCode(), session::asString);
        assertEquals("/courses/how-to-lead-upward/lessons/four-tips", session.jsonPath().getString("landing"));
        assertEquals("SIGNED_IN", session.jsonPath().getString("session.state"));
        assertEquals("acme", session.jsonPath().getString("session.org"));
        assertEquals(List.of("learner"), session.jsonPath().getList("session.roles"));
        // The stand-in service names the user after the nonce it was given: the cookie's nonce went to the checks.
        assertTrue(session.jsonPath().getString("session.name").contains("nonce " + auth.get("nonce")), session::asString);
        // A browser session as a sign-in opens it: an HttpOnly cookie, never a token the page could read.
        String setCookie = session.header("Set-Cookie");
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertFalse(session.asString().contains("accessToken"), session::asString);
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        // The session works like a signed-in one, as the launched learner (the cookie's nonce went to the checks).
        given().header("Cookie", cookie).get("/api/v1/courses/anything").then().statusCode(200);
        String who = given().header("Cookie", cookie).get("/api/v1/auth/session").then().statusCode(200).extract().asString();
        assertTrue(who.contains("\"username\":\"lti-learner-1\""), who);

        assertProblem(given().contentType(ContentType.JSON).body(Map.of("code", code)).post("/api/v1/auth/lti-session"), 401);
        assertProblem(given().contentType(ContentType.JSON).body(Map.of("code", "")).post("/api/v1/auth/lti-session"), 400);
    }

    @Test
    void aLaunchAcceptedInsideAnLmsFrameOpensThePortalInANewWindow() {
        Map<String, String> auth = query(login().header("Location"));
        Response framed = given().redirects().follow(false).header("Sec-Fetch-Dest", "iframe").accept("text/html")
                .contentType(ContentType.URLENC).cookie("upward_lti_" + auth.get("state"), auth.get("nonce"))
                .formParam("id_token", "good-token").formParam("state", auth.get("state")).post("/lti/launch");
        assertEquals(200, framed.statusCode(), framed::asString);
        assertTrue(framed.contentType().startsWith("text/html"));
        assertTrue(framed.header("Content-Security-Policy").contains("frame-ancestors *"));
        assertTrue(framed.header("Set-Cookie").contains("Max-Age=0"), "the state cookie is spent");
        String html = framed.asString();
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("href=\"/#/lti/([A-Za-z0-9_-]{43})\" target=\"_blank\"").matcher(html);
        assertTrue(link.find(), html);
        // The new window takes the session up with the code, once.
        given().contentType(ContentType.JSON).body(Map.of("code", link.group(1))).post("/api/v1/auth/lti-session")
                .then().statusCode(200);
        assertProblem(given().contentType(ContentType.JSON).body(Map.of("code", link.group(1))).post("/api/v1/auth/lti-session"), 401);
    }

    /** A JWT-shaped id_token (the stand-in passes it): its iss and aud name the stand-in's registration. */
    private static final String JWT_SHAPED = Base64.getUrlEncoder().withoutPadding().encodeToString(
            "{\"alg\":\"RS256\",\"kid\":\"k1\"}".getBytes(StandardCharsets.UTF_8)) + "."
            + Base64.getUrlEncoder().withoutPadding().encodeToString(
            "{\"iss\":\"https://lms.example\",\"aud\":\"client-1\",\"sub\":\"user-7\"}".getBytes(StandardCharsets.UTF_8))
            + ".c2lnbmF0dXJl";

    private static String dataAttribute(String html, String name) {
        java.util.regex.Matcher value = java.util.regex.Pattern.compile("data-" + name + "=\"([^\"]*)\"").matcher(html);
        assertTrue(value.find(), () -> "no data-" + name + " in " + html);
        return value.group(1).replace("&amp;", "&").replace("&quot;", "\"");
    }

    @Test
    void withThePlatformsStorageOnOfferTheNonceIsKeptThereForABrowserThatDropsTheCookie() {
        Response login = given().redirects().follow(false).header("Sec-Fetch-Dest", "iframe")
                .queryParam("iss", "https://lms.example").queryParam("login_hint", "user-7")
                .queryParam("target_link_uri", "http://localhost:8080/lti/launch").queryParam("client_id", "client-1")
                .queryParam("lti_storage_target", "_parent").get("/lti/login");
        assertEquals(200, login.statusCode(), login::asString);
        String html = login.asString();
        assertTrue(html.contains("<script src=\"/lti/platform-storage.js\"></script>"), html);
        assertTrue(login.header("Content-Security-Policy").contains("script-src 'self'"), login.header("Content-Security-Policy"));
        assertEquals("put", dataAttribute(html, "action"));
        assertEquals("_parent", dataAttribute(html, "target"));
        assertEquals("https://lms.example", dataAttribute(html, "origin"), "only the platform's auth origin may answer");
        Map<String, String> auth = query(dataAttribute(html, "next"));
        String state = auth.get("state");
        assertEquals("upward_lti_" + state, dataAttribute(html, "key"));
        assertEquals(auth.get("nonce"), dataAttribute(html, "value"));
        assertTrue(login.header("Set-Cookie").startsWith("upward_lti_" + state + "="), "the cookie is set too, for browsers that keep it");

        // The launch comes back without the cookie: a page of ours reads the nonce back from the platform's frame.
        Response read = given().redirects().follow(false).accept("text/html").contentType(ContentType.URLENC)
                .formParam("id_token", JWT_SHAPED).formParam("state", state).post("/lti/launch");
        assertEquals(200, read.statusCode(), read::asString);
        String page = read.asString();
        assertEquals("get", dataAttribute(page, "action"));
        assertEquals("_parent", dataAttribute(page, "target"));
        assertEquals("https://lms.example", dataAttribute(page, "origin"));
        assertEquals("upward_lti_" + state, dataAttribute(page, "key"));
        assertTrue(page.contains("action=\"/lti/launch\""), page);
        assertTrue(page.contains("name=\"id_token\" value=\"" + JWT_SHAPED + "\""), page);

        // What the platform kept, posted by that page (same origin), goes to the checks as the expected nonce.
        Response accepted = given().redirects().follow(false).header("Sec-Fetch-Site", "same-origin").contentType(ContentType.URLENC)
                .formParam("id_token", JWT_SHAPED).formParam("state", state).formParam("lti_storage_nonce", auth.get("nonce"))
                .post("/lti/launch");
        assertEquals(303, accepted.statusCode(), accepted::asString);
        String code = accepted.header("Location").substring(accepted.header("Location").lastIndexOf('/') + 1);
        String name = given().contentType(ContentType.JSON).body(Map.of("code", code)).post("/api/v1/auth/lti-session")
                .then().statusCode(200).extract().path("session.name");
        assertEquals("nonce " + auth.get("nonce"), name);

        // Another site cannot post a "stored" nonce of its choosing.
        Response forged = given().redirects().follow(false).header("Sec-Fetch-Site", "cross-site").accept("application/json")
                .contentType(ContentType.URLENC).formParam("id_token", JWT_SHAPED).formParam("state", state)
                .formParam("lti_storage_nonce", "chosen-by-the-attacker").post("/lti/launch");
        assertProblem(forged, 401);
        assertTrue(forged.jsonPath().getString("detail").startsWith("state: "), forged::asString);
        // A state made without the storage is still refused without its cookie.
        Response plain = given().accept("application/json").contentType(ContentType.URLENC).header("Sec-Fetch-Site", "same-origin")
                .formParam("id_token", JWT_SHAPED).formParam("state", query(login().header("Location")).get("state"))
                .formParam("lti_storage_nonce", "anything").post("/lti/launch");
        assertProblem(plain, 401);
    }

    @Test
    void theStorageScriptIsServed() {
        given().get("/lti/platform-storage.js").then().statusCode(200);
    }

    @Test
    void aDeepLinkingLaunchLetsTheInstructorPickAndReturnsTheSignedResponse() {
        Map<String, String> auth = query(login().header("Location"));
        Response pick = given().redirects().follow(false).accept("text/html").contentType(ContentType.URLENC)
                .cookie("upward_lti_" + auth.get("state"), auth.get("nonce"))
                .formParam("id_token", "dl-token").formParam("state", auth.get("state")).post("/lti/launch");
        assertEquals(200, pick.statusCode(), pick::asString);
        assertTrue(pick.asString().contains("action=\"/lti/deep-linking\""), pick::asString);
        assertTrue(pick.asString().contains("value=\"sealed-context\""), pick::asString);

        Response back = given().contentType(ContentType.URLENC).formParam("context", "sealed-context")
                .formParam("courseId", "how-to-lead-upward").formParam("kind", "QUIZ").formParam("targetId", "power-quiz")
                .post("/lti/deep-linking");
        assertEquals(200, back.statusCode(), back::asString);
        assertTrue(back.asString().contains("action=\"https://lms.example/dl\""), back::asString);
        assertTrue(back.asString().contains("name=\"JWT\" value=\"signed.QUIZ.power-quiz\""), back::asString);
        assertTrue(back.header("Content-Security-Policy").contains("form-action *"));

        assertProblem(given().accept("application/json").contentType(ContentType.URLENC).formParam("context", "forged")
                .formParam("courseId", "how-to-lead-upward").post("/lti/deep-linking"), 401);
        assertProblem(given().accept("application/json").contentType(ContentType.URLENC).formParam("context", "sealed-context")
                .post("/lti/deep-linking"), 400);
    }

    @Test
    void theToolsKeysArePublished() {
        given().get("/lti/jwks").then().statusCode(200).contentType(ContentType.JSON);
    }
}
