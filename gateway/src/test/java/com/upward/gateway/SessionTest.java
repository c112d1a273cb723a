package com.upward.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.upward.platform.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Browser sessions: the cookie the gateway sets, the bearer token it attaches on the way in, CSRF, sign-out, refresh. */
@QuarkusTest
class SessionTest {

    private static final String COOKIE = "upward_session";

    /** Each test from its own address, so the sign-in limit of the other tests is not shared. */
    private static RequestSpecification from(String address) {
        return given().header("X-Forwarded-For", address);
    }

    private static Response signIn(String address, String username) {
        return from(address).contentType(ContentType.JSON)
                .body("{\"username\":\"" + username + "\",\"password\":\"upward-demo\"}").post("/api/v1/auth/session");
    }

    @Test
    void signingInSetsAnHttpOnlyStrictCookieAndNoTokenReachesTheBrowser() {
        Response answer = signIn("10.9.0.1", "learner1@acme");
        answer.then().statusCode(200).body("state", equalTo("SIGNED_IN")).body("name", equalTo("Avery Chen")).body("roles[0]", equalTo("learner"))
                .body("access_token", nullValue());
        String setCookie = answer.getHeader("Set-Cookie");
        assertTrue(setCookie.startsWith(COOKIE + "="), setCookie);
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict") && setCookie.contains("Path=/api"), setCookie);
        // The test profile is not the local one: Secure stays on even over plain HTTP.
        assertTrue(setCookie.contains("Secure"), setCookie);
        assertFalse(answer.asString().contains(answer.getCookie(COOKIE)), "the body does not repeat the session id");
        assertTrue(answer.jsonPath().getString("csrfToken").length() >= 40);
    }

    @Test
    void theCookieReachesTheServicesAsTheSessionsBearerTokenAndNeverAsACookie() {
        Response session = signIn("10.9.0.2", "learner1@acme");
        String id = session.getCookie(COOKIE);
        Response echoed = from("10.9.0.2").cookie(COOKIE, id).cookie("other", "kept").get("/api/v1/me/progress/echo");
        echoed.then().statusCode(200);
        assertTrue(echoed.jsonPath().getString("authorization").startsWith("Bearer ey"));
        assertEquals("other=kept", echoed.jsonPath().getString("cookie"));
        // A second request takes the known-token path with the same token; the answer is the same.
        from("10.9.0.2").cookie(COOKIE, id).get("/api/v1/me/progress/echo").then().statusCode(200)
                .body("authorization", equalTo(echoed.jsonPath().getString("authorization")));
        // The role per route holds for sessions too: a learner's session opens no admin path.
        assertProblem(from("10.9.0.2").cookie(COOKIE, id).get("/api/v1/admin/reports/summary"), 403);
        // After a reload, the portal asks who is signed in, and gets the same CSRF token.
        from("10.9.0.2").cookie(COOKIE, id).get("/api/v1/auth/session").then().statusCode(200)
                .body("state", equalTo("SIGNED_IN")).body("csrfToken", equalTo(session.jsonPath().getString("csrfToken")));
    }

    @Test
    void aWriteWithTheSessionNeedsItsCsrfToken() {
        Response session = signIn("10.9.0.3", "learner1@acme");
        String id = session.getCookie(COOKIE);
        String csrf = session.jsonPath().getString("csrfToken");
        Response missing = from("10.9.0.3").cookie(COOKIE, id).contentType(ContentType.JSON).body("{}").post("/api/v1/me/progress/echo");
        assertProblem(missing, 403);
        assertTrue(missing.jsonPath().getString("detail").contains("X-CSRF-Token"));
        assertProblem(from("10.9.0.3").cookie(COOKIE, id).header("X-CSRF-Token", csrf + "x").contentType(ContentType.JSON)
                .body("{}").post("/api/v1/me/progress/echo"), 403);
        from("10.9.0.3").cookie(COOKIE, id).header("X-CSRF-Token", csrf).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/me/progress/echo").then().statusCode(200).body("method", equalTo("POST"));
        // Reads need none.
        from("10.9.0.3").cookie(COOKIE, id).get("/api/v1/me/progress/echo").then().statusCode(200);
    }

    @Test
    void aBearerTokenIsUsedAsItCameWhateverCookieComesAlong() {
        String token = from("10.9.0.4").contentType(ContentType.JSON)
                .body("{\"username\":\"learner2@acme\",\"password\":\"upward-demo\"}").post("/api/v1/auth/token")
                .jsonPath().getString("access_token");
        String id = signIn("10.9.0.4", "learner1@acme").getCookie(COOKIE);
        from("10.9.0.4").auth().oauth2(token).cookie(COOKIE, id).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/me/progress/echo").then().statusCode(200).body("authorization", equalTo("Bearer " + token));
    }

    @Test
    void signingOutEndsTheSessionOnTheServer() {
        Response session = signIn("10.9.0.5", "admin@acme");
        String id = session.getCookie(COOKIE);
        // Without the CSRF token, a page of another site cannot sign the user out.
        assertProblem(from("10.9.0.5").cookie(COOKIE, id).delete("/api/v1/auth/session"), 403);
        Response out = from("10.9.0.5").cookie(COOKIE, id).header("X-CSRF-Token", session.jsonPath().getString("csrfToken"))
                .delete("/api/v1/auth/session");
        out.then().statusCode(204);
        assertTrue(out.getHeader("Set-Cookie").contains("Max-Age=0"));
        // A copy of the old cookie opens nothing, and the session check says the session has ended.
        assertProblem(from("10.9.0.5").cookie(COOKIE, id).get("/api/v1/admin/reports/summary"), 401);
        // Not being signed in is an answer, not an error (a page asks on every load): ENDED removes the cookie.
        Response ended = from("10.9.0.5").cookie(COOKIE, id).get("/api/v1/auth/session");
        ended.then().statusCode(200).body("state", equalTo("ENDED")).body("csrfToken", nullValue()).body("name", nullValue());
        assertTrue(ended.getHeader("Set-Cookie").contains("Max-Age=0"));
        from("10.9.0.5").get("/api/v1/auth/session").then().statusCode(200).body("state", equalTo("SIGNED_OUT"));
    }

    @Test
    void theSessionsTokenIsReplacedBeforeItExpires() {
        String id = signIn("10.9.0.6", "learner3@acme").getCookie(COOKIE);
        String first = from("10.9.0.6").cookie(COOKIE, id).get("/api/v1/me/progress/echo").jsonPath().getString("authorization");
        // The test profile refreshes a token 3 seconds after it was issued (refresh-before = ttl - 3 s).
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Response echoed = from("10.9.0.6").cookie(COOKIE, id).get("/api/v1/me/progress/echo");
            return echoed.statusCode() == 200 && !first.equals(echoed.jsonPath().getString("authorization"));
        });
        String later = from("10.9.0.6").cookie(COOKIE, id).get("/api/v1/me/progress/echo").jsonPath().getString("authorization");
        assertNotEquals(first, later);
    }

    @Test
    void badSignInsAreProblems() {
        assertProblem(from("10.9.0.7").contentType(ContentType.JSON).body("{\"username\":\"learner1@acme\",\"password\":\"nope\"}")
                .post("/api/v1/auth/session"), 401);
        Response missing = from("10.9.0.7").contentType(ContentType.JSON).body("{\"username\":\"learner1@acme\"}").post("/api/v1/auth/session");
        assertProblem(missing, 400);
        assertEquals("password", missing.jsonPath().getString("errors[0].field"));
        assertProblem(from("10.9.0.7").contentType(ContentType.JSON).body("{\"username\":\"a\",\"password\":\"b\",\"roles\":[]}")
                .post("/api/v1/auth/session"), 400);
    }
}
