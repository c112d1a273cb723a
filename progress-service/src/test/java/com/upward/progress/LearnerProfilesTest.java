package com.upward.progress;

import com.upward.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.upward.platform.testing.Problems.assertProblem;
import static com.upward.progress.TestEvents.count;
import static com.upward.progress.TestEvents.unique;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A learner's profile is written once and then only when the token says something new, without losing a rule. */
@QuarkusTest
class LearnerProfilesTest {

    @Inject
    EntityManager entityManager;

    @Test
    void aLearnerRememberedUnderOneOrganisationIsStillRefusedUnderAnother() {
        String learner = unique("bound");
        given().auth().oauth2(TestTokens.learner(learner, "acme")).get("/api/v1/me/progress").then().statusCode(200);
        given().auth().oauth2(TestTokens.learner(learner, "acme")).get("/api/v1/me/progress").then().statusCode(200);

        assertProblem(given().auth().oauth2(TestTokens.learner(learner, "globex")).get("/api/v1/me/progress"), 403);
    }

    @Test
    void aNewNameIsStoredRightAfterTheOldOneWasRemembered() {
        String learner = unique("renamed");
        given().auth().oauth2(named(learner, "Ann Example")).get("/api/v1/me/progress").then().statusCode(200);
        given().auth().oauth2(named(learner, "Ann Example")).get("/api/v1/me/progress").then().statusCode(200);
        assertEquals(1L, count(entityManager,
                "SELECT count(*) FROM learner_profile WHERE learner_id = ?1 AND display_name = 'Ann Example'", learner));

        given().auth().oauth2(named(learner, "Anna Example")).get("/api/v1/me/progress").then().statusCode(200);
        assertEquals(1L, count(entityManager,
                "SELECT count(*) FROM learner_profile WHERE learner_id = ?1 AND display_name = 'Anna Example'", learner));
    }

    private static String named(String learner, String name) {
        return Jwt.issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).subject(learner).upn(learner)
                .claim("name", name).claim("org", "acme").groups(Set.of("learner")).expiresIn(600).sign();
    }
}
