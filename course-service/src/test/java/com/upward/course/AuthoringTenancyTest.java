package com.upward.course;

import com.upward.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static com.upward.platform.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;

/** The catalogue every organisation reads is written by the content organisation's authors only. */
@QuarkusTest
class AuthoringTenancyTest {

    private static final String COURSES = "/api/v1/admin/courses";
    private static final String DRAFT = COURSES + "/how-to-lead-upward/draft";

    @Test
    void anAuthorOfAnotherOrganisationNeitherReadsNorWritesTheCatalogue() {
        String globexAuthor = TestTokens.author("author-globex", "globex");
        assertProblem(given().auth().oauth2(globexAuthor).get(COURSES), 403);
        assertProblem(given().auth().oauth2(globexAuthor).get(DRAFT), 403);
        assertProblem(given().auth().oauth2(globexAuthor).contentType(ContentType.JSON).body(Map.of())
                .post(DRAFT), 403);
        assertProblem(given().auth().oauth2(globexAuthor).delete(DRAFT), 403);
        assertProblem(given().auth().oauth2(globexAuthor).get(COURSES + "/how-to-lead-upward/draft/lessons/what-is-leading-upward"), 403);
    }

    @Test
    void anAuthorTokenWithoutAnOrganisationIsRefused() {
        String noOrg = Jwt.issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).subject("author-nowhere")
                .groups(Set.of("author")).expiresIn(600).sign();
        assertProblem(given().auth().oauth2(noOrg).get(COURSES), 403);
        assertProblem(given().auth().oauth2(noOrg).get(DRAFT), 403);
    }

    @Test
    void theContentOrganisationsAuthorsListTheCatalogue() {
        given().auth().oauth2(TestTokens.author("author-acme", "acme")).get(COURSES).then().statusCode(200);
    }
}
