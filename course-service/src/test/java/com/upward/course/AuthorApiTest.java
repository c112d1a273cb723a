package com.upward.course;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.upward.course.content.CourseDocument;
import com.upward.course.service.CoursePublisher;
import com.upward.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.upward.course.CourseVersionsTest.lesson;
import static com.upward.platform.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AuthorApiTest {

    private static final String ADMIN = "/api/v1/admin/courses/";

    @Inject
    EntityManager entityManager;

    @Inject
    CoursePublisher publisher;

    private static RequestSpecification author() {
        String token = TestTokens.author("author-2", "acme");
        return given().auth().oauth2(token).contentType(ContentType.JSON).filter(new CurrentRevision(token));
    }

    /** A new course's draft with one module and one complete lesson; answers its path. */
    private static String newDraft(String courseId) {
        String path = ADMIN + courseId + "/draft";
        author().body(Map.of("title", "Course " + courseId)).post(path).then().statusCode(201);
        author().body(Map.of("id", "main", "title", "Main")).post(path + "/modules").then().statusCode(201);
        author().body(lesson("only-lesson", "main", "Only lesson")).post(path + "/lessons").then().statusCode(201);
        return path;
    }

    private static int revision(String draftPath) {
        return author().get(draftPath).then().statusCode(200).extract().jsonPath().getInt("revision");
    }

    private long count(String sql) {
        return ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue();
    }

    @Test
    void onlyAuthorsReachTheAuthorApi() {
        for (String token : List.of(TestTokens.learner("learner-x", "acme"), TestTokens.admin("admin-x", "acme"))) {
            assertProblem(given().auth().oauth2(token).get("/api/v1/admin/courses"), 403);
            assertProblem(given().auth().oauth2(token).contentType(ContentType.JSON).body("{}")
                    .post(ADMIN + "how-to-lead-upward/draft"), 403);
            assertProblem(given().auth().oauth2(token).post(ADMIN + "how-to-lead-upward/draft/publication"), 403);
        }
        assertEquals(0L, count("SELECT count(*) FROM course_draft WHERE course_id = 'how-to-lead-upward' AND created_by IN ('learner-x', 'admin-x')"));
    }

    @Test
    void aDraftCopiesTheNewestVersionAndCanBeDiscarded() {
        String path = ADMIN + "how-to-lead-upward/draft";
        Response created = author().post(path);
        created.then().statusCode(201).body("basedOnVersion", equalTo(1)).body("revision", equalTo(1))
                .body("modules.lessons.flatten().size()", equalTo(15))
                .body("quizzes.id", hasItem("four-types-of-power"));
        assertEquals("\"1\"", created.header("ETag"));
        author().get(path + "/lessons/position-power-penalty").then().statusCode(200)
                .body("title", equalTo("Position power: penalty")).body("moduleId", equalTo("power"))
                .body("blocks[1].type", equalTo("quote"));
        author().get(path + "/validation").then().statusCode(200).body("valid", equalTo(true)).body("version", equalTo(2));
        author().get("/api/v1/admin/courses").then().statusCode(200)
                .body("items.find { it.courseId == 'how-to-lead-upward' }.draft.basedOnVersion", equalTo(1))
                .body("items.find { it.courseId == 'how-to-lead-upward' }.latestVersion", equalTo(1));
        assertProblem(author().post(path), 409);

        given().auth().oauth2(TestTokens.author("author-2", "acme")).filter(new CurrentRevision(TestTokens.author("author-2", "acme"))).delete(path).then().statusCode(204);
        assertProblem(author().get(path), 404);
        assertEquals(1L, count("SELECT count(*) FROM course_version WHERE course_id = 'how-to-lead-upward'"));
    }

    @Test
    void anEmptyStartKeepsTheDetailsButNoLesson() {
        author().body(Map.of("start", "EMPTY")).post(ADMIN + "how-to-lead-upward/draft").then().statusCode(201)
                .body("title", equalTo("How to Lead Upward")).body("modules.size()", equalTo(0));
        author().get(ADMIN + "how-to-lead-upward/draft/validation").then().statusCode(200)
                .body("valid", equalTo(false)).body("problems", hasItem("the course has no module"));
        given().auth().oauth2(TestTokens.author("author-2", "acme")).filter(new CurrentRevision(TestTokens.author("author-2", "acme"))).delete(ADMIN + "how-to-lead-upward/draft").then().statusCode(204);
    }

    @Test
    void badDraftCreationIsRefusedAndWritesNothing() {
        String path = ADMIN + "brand-new-course/draft";
        assertProblem(author().body("{}").post(path), 400);                                   // never published: needs a title
        assertProblem(author().body("{\"title\": \"T\", \"colour\": \"red\"}").post(path), 400); // unknown field
        assertProblem(author().body("{\"title\": ").post(path), 400);                           // malformed JSON
        assertProblem(author().body("{\"start\": \"SIDEWAYS\", \"title\": \"T\"}").post(path), 400);
        assertProblem(author().body(Map.of("title", "T", "language", "english")).post(path), 400);
        assertProblem(author().body(Map.of("title", "x".repeat(201))).post(path), 400);
        assertProblem(author().body(Map.of("title", "T")).post(ADMIN + "Not_An_Id/draft"), 400);
        assertProblem(author().contentType(ContentType.TEXT).body("title").post(path), 415);
        assertEquals(0L, count("SELECT count(*) FROM course_draft WHERE course_id = 'brand-new-course'"));
    }

    @Test
    void badLessonsAreRefusedAndTheDraftIsUnchanged() {
        String path = newDraft("bad-lessons");
        int revision = revision(path);
        Map<String, Object> good = lesson("second", "main", "Second");

        Map<String, Object> noTitle = new HashMap<>(good);
        noTitle.remove("title");
        Response missing = author().body(noTitle).post(path + "/lessons");
        assertProblem(missing, 400);
        assertEquals("title", missing.jsonPath().getString("errors[0].field"));

        Map<String, Object> blankText = new HashMap<>(good);
        blankText.put("blocks", List.of(Map.of("type", "text", "text", " ")));
        Response blank = author().body(blankText).post(path + "/lessons");
        assertProblem(blank, 400);
        assertEquals("blocks[0].text", blank.jsonPath().getString("errors[0].field"));

        Map<String, Object> unknownType = new HashMap<>(good);
        unknownType.put("blocks", List.of(Map.of("type", "video", "url", "https://example.com")));
        assertProblem(author().body(unknownType).post(path + "/lessons"), 400);

        Map<String, Object> extraBlockField = new HashMap<>(good);
        extraBlockField.put("blocks", List.of(Map.of("type", "reflection", "prompt", "Think.", "answer", "No.")));
        assertProblem(author().body(extraBlockField).post(path + "/lessons"), 400);

        Map<String, Object> noId = new HashMap<>(good);
        noId.remove("id");
        assertProblem(author().body(noId).post(path + "/lessons"), 400);

        Map<String, Object> badMinutes = new HashMap<>(good);
        badMinutes.put("estimatedMinutes", 0);
        assertProblem(author().body(badMinutes).post(path + "/lessons"), 400);
        // Taken as typed: no text for a number, no fraction for a whole number, no number for text.
        for (Object minutes : List.of("5", 5.5)) {
            badMinutes.put("estimatedMinutes", minutes);
            Response typed = author().body(badMinutes).post(path + "/lessons");
            assertProblem(typed, 400);
            assertTrue(typed.jsonPath().getString("detail").contains("estimatedMinutes"), typed.asString());
        }
        Map<String, Object> numberAsText = new HashMap<>(good);
        numberAsText.put("blocks", List.of(Map.of("type", "text", "text", 123)));
        assertProblem(author().body(numberAsText).post(path + "/lessons"), 400);

        assertProblem(author().body(lesson("second", "nowhere", "Second")).post(path + "/lessons"), 422);
        assertProblem(author().body(lesson("only-lesson", "main", "Again")).post(path + "/lessons"), 409);
        assertProblem(author().body(lesson("only-lesson", "main", "Again")).post(ADMIN + "no-draft-here/draft/lessons"), 404);

        assertProblem(author().body(lesson("other-id", "main", "X")).put(path + "/lessons/only-lesson"), 400);
        assertProblem(author().body(lesson("ghost", "main", "X")).put(path + "/lessons/ghost"), 404);
        assertProblem(author().body(lesson("only-lesson", "nowhere", "X")).put(path + "/lessons/only-lesson"), 422);
        assertProblem(author().delete(path + "/lessons/ghost"), 404);
        assertProblem(author().get(path + "/lessons/ghost"), 404);

        assertEquals(revision, revision(path), "no refused edit changed the draft");
        author().get(path + "/lessons/only-lesson").then().statusCode(200).body("title", equalTo("Only lesson"));
    }

    @Test
    void badModulesOrdersAndQuizzesAreRefused() {
        String path = newDraft("bad-structure");
        int revision = revision(path);
        assertProblem(author().body(Map.of("id", "main", "title", "Again")).post(path + "/modules"), 409);
        assertProblem(author().body(Map.of("id", "Bad Id", "title", "X")).post(path + "/modules"), 400);
        assertProblem(author().body(Map.of("title", " ")).put(path + "/modules/main"), 400);
        assertProblem(author().body(Map.of("title", "X")).put(path + "/modules/ghost"), 404);

        assertProblem(author().body(Map.of("modules", List.of(Map.of("id", "main", "lessons", List.of())))).put(path + "/order"), 422);
        assertProblem(author().body(Map.of("modules", List.of(Map.of("id", "main", "lessons", List.of("only-lesson", "only-lesson")))))
                .put(path + "/order"), 422);
        assertProblem(author().body(Map.of("modules", List.of(Map.of("id", "main", "lessons", List.of("only-lesson")),
                Map.of("id", "ghost", "lessons", List.of())))).put(path + "/order"), 422);
        assertProblem(author().body(Map.of("modules", List.of())).put(path + "/order"), 400);

        Map<String, Object> quiz = Map.of("title", "Quiz", "moduleId", "main", "passPercent", 70, "required", true,
                "unlockedBy", List.of("ghost-lesson"));
        assertProblem(author().body(quiz).put(path + "/quizzes/main-quiz"), 422);
        Map<String, Object> badPass = new HashMap<>(quiz);
        badPass.put("passPercent", 150);
        badPass.put("unlockedBy", List.of("only-lesson"));
        assertProblem(author().body(badPass).put(path + "/quizzes/main-quiz"), 400);
        assertProblem(author().delete(path + "/quizzes/ghost-quiz"), 404);

        assertEquals(revision, revision(path), "no refused edit changed the draft");
    }

    @Test
    void draftDetailsAndLookupsRefuseBadInput() {
        String path = newDraft("details-course");
        int revision = revision(path);
        assertProblem(author().body(Map.of("title", " ", "summary", "", "attribution", "", "language", "en")).put(path + "/details"), 400);
        assertProblem(author().body(Map.of("title", "T", "summary", "", "attribution", "", "language", "english")).put(path + "/details"), 400);
        assertProblem(author().body("{\"title\": \"T\"}").put(path + "/details"), 400);
        assertEquals(revision, revision(path));
        author().body(Map.of("title", "Renamed", "summary", "S", "attribution", "A", "language", "en-GB")).put(path + "/details")
                .then().statusCode(200).body("title", equalTo("Renamed")).body("language", equalTo("en-GB"));

        for (String missing : List.of(ADMIN + "no-draft-here/draft", ADMIN + "no-draft-here/draft/validation",
                ADMIN + "no-draft-here/draft/lessons/x")) {
            assertProblem(author().get(missing), 404);
        }
        assertProblem(author().delete(ADMIN + "no-draft-here/draft"), 404);
        assertProblem(author().body(Map.of("title", "T", "summary", "", "attribution", "", "language", "en"))
                .put(ADMIN + "no-draft-here/draft/details"), 404);
        assertProblem(author().get(ADMIN + "Bad_Id/draft"), 400);
        assertProblem(author().queryParam("size", 0).get("/api/v1/admin/courses"), 400);
        assertProblem(author().queryParam("page", "x").get("/api/v1/admin/courses"), 400);
    }

    @Test
    void authoredHtmlIsEscapedInSearchSnippets() {
        String path = ADMIN + "html-course/draft";
        author().body(Map.of("title", "HTML course")).post(path).then().statusCode(201);
        author().body(Map.of("id", "main", "title", "Main")).post(path + "/modules").then().statusCode(201);
        Map<String, Object> lesson = new HashMap<>(lesson("markup", "main", "Markup"));
        lesson.put("blocks", List.of(Map.of("type", "text", "text", "Influence <script>alert(1)</script> & <b>bosses</b> kindly.")));
        author().body(lesson).post(path + "/lessons").then().statusCode(201);
        author().post(path + "/publication").then().statusCode(201);

        String snippet = given().auth().oauth2(TestTokens.learner("html-reader", "acme")).queryParam("q", "bosses")
                .get("/api/v1/courses/html-course/search").then().statusCode(200)
                .extract().jsonPath().getString("items[0].snippet");
        assertTrue(snippet.contains("&lt;script&gt;") && snippet.contains("&amp;") && snippet.contains("<mark>bosses</mark>"), snippet);
        assertEquals(-1, snippet.replace("<mark>", "").replace("</mark>", "").indexOf('<'), snippet);
    }

    @Test
    void aDraftWriteWithoutIfMatchIsRefusedWith428() {
        String path = newDraft("unconditional-edits");
        int revision = revision(path);
        String token = TestTokens.author("author-2", "acme");
        Response unconditional = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("id", "extra", "title", "Extra")).post(path + "/modules");
        assertProblem(unconditional, 428);
        assertTrue(unconditional.jsonPath().getString("detail").contains("If-Match"), unconditional.asString());
        assertProblem(given().auth().oauth2(token).post(path + "/publication"), 428);
        assertProblem(given().auth().oauth2(token).delete(path), 428);
        assertEquals(revision, revision(path));
    }

    @Test
    void aStaleIfMatchIsRefusedWith412() {
        String path = newDraft("concurrent-edits");
        int revision = revision(path);
        assertProblem(author().header("If-Match", "\"" + (revision - 1) + "\"")
                .body(Map.of("id", "extra", "title", "Extra")).post(path + "/modules"), 412);
        assertEquals(revision, revision(path));
        author().header("If-Match", "\"" + revision + "\"").body(Map.of("id", "extra", "title", "Extra"))
                .post(path + "/modules").then().statusCode(201).header("ETag", "\"" + (revision + 1) + "\"");
    }

    @Test
    void anInvalidDraftIsNotPublishedAndNothingIsWritten() {
        String path = newDraft("broken-rules");
        author().body(Map.of("title", "Quiz", "moduleId", "main", "passPercent", 70, "required", true,
                "unlockedBy", List.of("only-lesson"))).put(path + "/quizzes/main-quiz").then().statusCode(201);
        Map<String, Object> empty = new HashMap<>(lesson("empty-lesson", "main", "Empty lesson"));
        empty.put("blocks", List.of());
        author().body(empty).post(path + "/lessons").then().statusCode(201);
        author().delete(path + "/lessons/only-lesson").then().statusCode(204);

        List<String> problems = author().get(path + "/validation").then().statusCode(200).body("valid", equalTo(false))
                .extract().jsonPath().getList("problems");
        assertTrue(problems.contains("lesson 'empty-lesson' is empty: it has no block"), problems::toString);
        assertTrue(problems.contains("quiz 'main-quiz' is unlocked by unknown lesson 'only-lesson'"), problems::toString);

        Response refused = author().post(path + "/publication");
        assertProblem(refused, 422);
        assertTrue(refused.jsonPath().getString("detail").contains("empty-lesson"));
        assertEquals(0L, count("SELECT count(*) FROM course_version WHERE course_id = 'broken-rules'"));
        assertEquals(0L, count("SELECT count(*) FROM outbox_event WHERE event_key = 'broken-rules'"));
        author().get(path).then().statusCode(200);
        assertProblem(author().post(ADMIN + "no-draft-here/draft/publication"), 404);
    }

    @Test
    void aDraftOvertakenByANewerVersionIsNotPublished() {
        String path = newDraft("overtaken");
        author().post(path + "/publication").then().statusCode(201).body("version", equalTo(1));
        author().body("{}").post(path).then().statusCode(201).body("basedOnVersion", equalTo(1));
        // Version 2 arrives another way (a course file loaded at start goes through the same publisher).
        CourseDocument.Lesson lesson = new CourseDocument.Lesson("file-lesson", "From a file", 2, true, List.of("Read it"),
                List.of(JsonNodeFactory.instance.objectNode().put("type", "text").put("text", "Text.")));
        publisher.publish(new CourseDocument("overtaken", 2, "Overtaken", "", "en", "",
                List.of(new CourseDocument.Module("main", "Main", List.of(lesson))), List.of()), "hash-of-v2");

        author().get(path + "/validation").then().statusCode(200).body("valid", equalTo(false));
        assertProblem(author().post(path + "/publication"), 409);
        assertEquals(2L, count("SELECT count(*) FROM course_version WHERE course_id = 'overtaken'"));
    }
}
