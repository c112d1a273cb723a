package com.upward.course;

import com.upward.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.upward.platform.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class LessonSearchTest {

    private static final String SEARCH = "/api/v1/courses/how-to-lead-upward/search";

    private RequestSpecification searcher() {
        return given().auth().oauth2(TestTokens.learner("searcher-1", "acme"));
    }

    @Test
    void penaltyFindsThePenaltyLessonFirstWithAHighlightedSnippet() {
        Response response = searcher().queryParam("q", "penalty").get(SEARCH);
        response.then().statusCode(200)
                .body("items[0].lessonId", equalTo("position-power-penalty"))
                .body("items[0].title", equalTo("Position power: penalty"))
                .body("items[0].moduleId", equalTo("power"))
                .body("items[0].snippet", containsString("<mark>"));
        String snippet = response.jsonPath().getString("items[0].snippet");
        assertTrue(snippet.toLowerCase().contains("<mark>penalty</mark>"), snippet);
        List<Float> ranks = response.jsonPath().getList("items.rank", Float.class);
        for (int i = 1; i < ranks.size(); i++) {
            assertTrue(ranks.get(i - 1) >= ranks.get(i), "best match first: " + ranks);
        }
    }

    @Test
    void wordFormsAndWebSearchSyntaxWork() {
        // "punishing" stems like the source's "punish"; a quoted phrase must appear as written.
        searcher().queryParam("q", "punishing").get(SEARCH).then().statusCode(200)
                .body("items[0].lessonId", equalTo("position-power-penalty"));
        searcher().queryParam("q", "\"great power comes great responsibility\"").get(SEARCH).then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].lessonId", equalTo("power-and-responsibility"));
        Response excluded = searcher().queryParam("q", "power -penalty").get(SEARCH);
        excluded.then().statusCode(200);
        assertFalse(excluded.jsonPath().getList("items.lessonId").contains("position-power-penalty"));
    }

    @Test
    void resultsArePaged() {
        Response firstPage = searcher().queryParam("q", "power").queryParam("size", 2).get(SEARCH);
        firstPage.then().statusCode(200).body("items", hasSize(2)).body("size", equalTo(2))
                .body("totalItems", greaterThan(2));
        Response secondPage = searcher().queryParam("q", "power").queryParam("size", 2).queryParam("page", 1).get(SEARCH);
        secondPage.then().statusCode(200).body("page", equalTo(1));
        List<String> first = firstPage.jsonPath().getList("items.lessonId");
        secondPage.jsonPath().getList("items.lessonId").forEach(id -> assertFalse(first.contains(id)));
    }

    @Test
    void theSnippetIsSafeHtml() {
        // The content has an ampersand ("resources & support" style text is escaped, never raw HTML).
        Response response = searcher().queryParam("q", "gossip").get(SEARCH);
        response.then().statusCode(200).body("items.size()", greaterThan(0));
        for (String snippet : response.jsonPath().getList("items.snippet", String.class)) {
            assertEquals(snippet.replace("<mark>", "").replace("</mark>", "").indexOf('<'), -1, snippet);
        }
    }

    @Test
    void nothingFoundIsAnEmptyPage() {
        searcher().queryParam("q", "zebra").get(SEARCH).then().statusCode(200)
                .body("items", hasSize(0)).body("totalItems", equalTo(0));
        // Only stop words, or only operators: no lexeme to look for, still no error.
        searcher().queryParam("q", "the and of").get(SEARCH).then().statusCode(200).body("items", hasSize(0));
        searcher().queryParam("q", "&<>|!:*()'\\").get(SEARCH).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void badSearchesAreRefused() {
        assertProblem(searcher().get(SEARCH), 400);
        assertProblem(searcher().queryParam("q", "   ").get(SEARCH), 400);
        assertProblem(searcher().queryParam("q", "power\u0000").get(SEARCH), 400);
        assertProblem(searcher().queryParam("q", "power ".repeat(50)).get(SEARCH), 400);
        assertProblem(searcher().queryParam("q", "power").queryParam("size", 5000).get(SEARCH), 400);
        assertProblem(searcher().queryParam("q", "power").get("/api/v1/courses/no-such-course/search"), 404);
        assertProblem(searcher().queryParam("q", "power").get("/api/v1/courses/Bad_Id/search"), 400);
    }
}
