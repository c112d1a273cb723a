package com.upward.assessment;

import com.upward.assessment.support.Api;
import com.upward.assessment.support.Bank;
import com.upward.assessment.support.TestClock;
import com.upward.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static com.upward.platform.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Attempts allowed, the delay between attempts and the time limit; time moves by the test clock, never by sleeping. */
@QuarkusTest
class AttemptLimitsTest {

    @Inject
    TestClock clock;

    @Test
    void theAttemptLimitIsEnforced() {
        String token = TestTokens.learner("limit-" + UUID.randomUUID(), "acme");
        for (int i = 1; i <= 3; i++) {
            String id = Api.started(token, "four-types-of-power");
            Api.submit(token, id, List.of(Bank.correct("q-role-1"))).then().statusCode(200).body("attemptNumber", equalTo(i));
        }
        Response refused = Api.start(token, "four-types-of-power");
        assertProblem(refused, 409);
        assertEquals("No attempts left", refused.path("title"));
        given().auth().oauth2(token).get("/api/v1/quizzes/four-types-of-power").then()
                .body("myAttempts.used", equalTo(3)).body("myAttempts.remaining", equalTo(0))
                // graded by the highest attempt: each scored 1 of 12
                .body("myAttempts.gradePercent", equalTo(8.33f));
    }

    @Test
    void theDelayBetweenAttemptsIsEnforced() {
        String token = TestTokens.learner("delay-" + UUID.randomUUID(), "acme");
        String first = Api.started(token, "final-assessment");
        Api.submit(token, first, List.of()).then().statusCode(200);

        Response tooEarly = Api.start(token, "final-assessment");
        assertProblem(tooEarly, 429);
        long retryAfter = Long.parseLong(tooEarly.header("Retry-After"));
        assertTrue(retryAfter > 59 * 60 && retryAfter <= 60 * 60, "Retry-After " + retryAfter);
        given().auth().oauth2(token).get("/api/v1/quizzes/final-assessment").then()
                .body("myAttempts.nextAttemptAvailableAt", org.hamcrest.Matchers.notNullValue());

        clock.advance(Duration.ofMinutes(61));
        String second = Api.started(token, "final-assessment");
        Api.submit(token, second, List.of()).then().statusCode(200).body("attemptNumber", equalTo(2));
        clock.advance(Duration.ofMinutes(61));
        assertProblem(Api.start(token, "final-assessment"), 409); // final assessment allows two attempts
    }

    @Test
    void aSubmissionAfterTheDeadlineIsRefusedAndTheAttemptCountsAsNotSubmitted() {
        String token = TestTokens.learner("deadline-" + UUID.randomUUID(), "acme");
        Response started = Api.start(token, "four-types-of-power");
        String id = started.then().statusCode(201).extract().path("id");
        assertTrue(started.<String>path("deadline") != null, "a timed quiz shows its deadline");
        Api.save(token, id, List.of(Bank.correct("q-role-1"))).then().statusCode(200);

        clock.advance(Duration.ofMinutes(21)); // time limit 20 minutes, plus the grace
        Response late = Api.submit(token, id, List.of(Bank.correct("q-role-3")));
        assertProblem(late, 409);
        assertEquals("Time limit passed", late.path("title"));
        assertProblem(Api.save(token, id, List.of(Bank.correct("q-role-3"))), 409);
        Api.get(token, id).then().statusCode(200).body("status", equalTo("EXPIRED"));

        // Starting again gives a new attempt (the expired one used up attempt 1).
        Api.start(token, "four-types-of-power").then().statusCode(201).body("attemptNumber", equalTo(2));
    }

    @Test
    void aSubmissionJustBeforeTheDeadlineIsAccepted() {
        String token = TestTokens.learner("in-time-" + UUID.randomUUID(), "acme");
        String id = Api.started(token, "four-types-of-power");
        clock.advance(Duration.ofMinutes(19));
        Api.submit(token, id, List.of(Bank.correct("q-role-1"))).then().statusCode(200).body("status", equalTo("SCORED"));
    }
}
