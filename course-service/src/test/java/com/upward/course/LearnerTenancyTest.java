package com.upward.course;

import com.upward.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static com.upward.platform.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * A learner's state in a course (the version they follow, their completions) belongs to the organisation they
 * follow it in. A token with the same subject but another organisation reads none of it: the outline, a lesson
 * and the search answer 403, as a lesson completion does.
 */
@QuarkusTest
class LearnerTenancyTest {

    private static final String COURSE = "/api/v1/courses/how-to-lead-upward";
    private static final String LESSON = COURSE + "/lessons/what-is-leading-upward";

    @Test
    void aTokenOfAnotherOrganisationDoesNotSeeTheLearnersState() {
        String acme = TestTokens.learner("tenancy-reader-1", "acme");
        given().auth().oauth2(acme).post(LESSON + "/completion").then().statusCode(200);

        String globex = TestTokens.learner("tenancy-reader-1", "globex");
        assertProblem(given().auth().oauth2(globex).get(COURSE), 403);
        assertProblem(given().auth().oauth2(globex).get(LESSON), 403);
        assertProblem(given().auth().oauth2(globex).queryParam("q", "power").get(COURSE + "/search"), 403);
        assertProblem(given().auth().oauth2(globex).post(LESSON + "/completion"), 403);

        given().auth().oauth2(acme).get(COURSE).then().statusCode(200).body("lessonsCompleted", equalTo(1));
        given().auth().oauth2(acme).get(LESSON).then().statusCode(200).body("completed", equalTo(true));
    }

    @Test
    void aLearnerWhoHasNotStartedReadsUnderAnyOrganisation() {
        // No state yet, so nothing to keep apart: the catalogue content itself is every organisation's.
        given().auth().oauth2(TestTokens.learner("tenancy-reader-2", "globex")).get(COURSE).then().statusCode(200)
                .body("lessonsCompleted", equalTo(0));
        given().auth().oauth2(TestTokens.learner("tenancy-reader-2", "initech")).get(LESSON).then().statusCode(200)
                .body("completed", equalTo(false));
    }
}
