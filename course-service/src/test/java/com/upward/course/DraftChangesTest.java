package com.upward.course;

import com.upward.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.upward.course.CourseVersionsTest.lesson;
import static com.upward.platform.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What publishing a draft would change, against the newest published version: what the publish confirmation lists. */
@QuarkusTest
class DraftChangesTest {

    private static final String ADMIN = "/api/v1/admin/courses/";

    private static RequestSpecification author() {
        String token = TestTokens.author("author-2", "acme");
        return given().auth().oauth2(token).contentType(ContentType.JSON).filter(new CurrentRevision(token));
    }

    private static List<String> changes(JsonPath answer, String kind) {
        List<String> found = new ArrayList<>();
        List<Map<String, Object>> all = answer.getList("changes");
        for (Map<String, Object> change : all) {
            if (kind.equals(change.get("kind"))) {
                found.add(change.get("id") + ": " + change.get("summary"));
            }
        }
        return found;
    }

    @Test
    void aDraftNeverPublishedListsEverythingAsAdded() {
        String path = ADMIN + "changes-new/draft";
        author().body(Map.of("title", "Changes new")).post(path).then().statusCode(201);
        author().body(Map.of("id", "main", "title", "Main")).post(path + "/modules").then().statusCode(201);
        author().body(lesson("first", "main", "First")).post(path + "/lessons").then().statusCode(201);
        JsonPath answer = author().get(path + "/changes").then().statusCode(200)
                .body("comparedWith", nullValue()).body("changes", hasSize(2)).extract().jsonPath();
        assertEquals(List.of("main: Module “Main” added."), changes(answer, "MODULE_ADDED"));
        assertEquals(List.of("first: Lesson “First” added to “Main” (5 blocks)."), changes(answer, "LESSON_ADDED"));
    }

    @Test
    void theChangesOfANewVersionAreListedLessonByLesson() {
        String path = ADMIN + "changes-v2/draft";
        author().body(Map.of("title", "Changes v2")).post(path).then().statusCode(201);
        author().body(Map.of("id", "main", "title", "Main")).post(path + "/modules").then().statusCode(201);
        author().body(lesson("kept", "main", "Kept")).post(path + "/lessons").then().statusCode(201);
        author().body(lesson("edited", "main", "Edited")).post(path + "/lessons").then().statusCode(201);
        author().body(lesson("dropped", "main", "Dropped")).post(path + "/lessons").then().statusCode(201);
        author().body(Map.of("title", "Check", "moduleId", "main", "passPercent", 70, "required", true,
                "unlockedBy", List.of("kept"))).put(path + "/quizzes/check").then().statusCode(201);
        author().post(path + "/publication").then().statusCode(201).body("version", equalTo(1));

        author().body("{}").post(path).then().statusCode(201);
        author().get(path + "/changes").then().statusCode(200).body("comparedWith", equalTo(1)).body("changes", hasSize(0));

        // Renamed with one block changed and one added; another removed; a new module with a new lesson; the quiz moved.
        Map<String, Object> edited = new HashMap<>(lesson("edited", "main", "Edited well"));
        List<Object> blocks = new ArrayList<>((List<?>) edited.get("blocks"));
        blocks.set(0, Map.of("type", "text", "text", "A better opening."));
        blocks.add(Map.of("type", "text", "text", "One more paragraph."));
        edited.put("blocks", blocks);
        edited.remove("id");
        author().body(edited).put(path + "/lessons/edited").then().statusCode(200);
        author().delete(path + "/lessons/dropped").then().statusCode(204);
        author().body(Map.of("id", "more", "title", "More")).post(path + "/modules").then().statusCode(201);
        author().body(lesson("fresh", "more", "Fresh")).post(path + "/lessons").then().statusCode(201);
        author().body(Map.of("title", "Check", "moduleId", "more", "passPercent", 80, "required", true,
                "unlockedBy", List.of("kept"))).put(path + "/quizzes/check").then().statusCode(200);

        JsonPath answer = author().get(path + "/changes").then().statusCode(200).body("comparedWith", equalTo(1))
                .extract().jsonPath();
        assertEquals(List.of("more: Module “More” added."), changes(answer, "MODULE_ADDED"));
        assertEquals(List.of("fresh: Lesson “Fresh” added to “More” (5 blocks)."), changes(answer, "LESSON_ADDED"));
        assertEquals(List.of("dropped: Lesson “Dropped” removed."), changes(answer, "LESSON_REMOVED"));
        assertEquals(List.of("edited: Lesson “Edited” renamed to “Edited well”."), changes(answer, "LESSON_RENAMED"));
        // The opening and the closing reflection (it names the title) changed, one paragraph added.
        assertEquals(List.of("edited: Lesson “Edited well”: 2 blocks changed, 1 block added."), changes(answer, "LESSON_BLOCKS"));
        assertEquals(List.of("edited: Lesson “Edited well”: objectives changed."), changes(answer, "LESSON_SETTINGS"));
        assertEquals(List.of("check: Quiz “Check” moved from “Main” to “More”."), changes(answer, "QUIZ_MOVED"));
        assertEquals(List.of("check: Quiz “Check”: pass mark 70% → 80%."), changes(answer, "QUIZ_SETTINGS"));
        assertTrue(changes(answer, "LESSON_BLOCKS").stream().noneMatch(change -> change.startsWith("kept")), "an unchanged lesson is not listed");
        assertEquals(8, answer.getList("changes").size(), answer.prettify());

        // Moving a lesson within its module is a reorder.
        author().body(Map.of("modules", List.of(Map.of("id", "main", "lessons", List.of("edited", "kept")),
                Map.of("id", "more", "lessons", List.of("fresh"))))).put(path + "/order").then().statusCode(200);
        assertEquals(List.of("main: Lessons of “Main” reordered."),
                changes(author().get(path + "/changes").then().statusCode(200).extract().jsonPath(), "LESSONS_REORDERED"));
    }

    @Test
    void onlyAuthorsSeeChangesAndAMissingDraftIsNotFound() {
        assertProblem(author().get(ADMIN + "no-draft-here/draft/changes"), 404);
        assertProblem(author().get(ADMIN + "Not_An_Id/draft/changes"), 400);
        assertProblem(given().auth().oauth2(TestTokens.admin("admin-x", "acme")).get(ADMIN + "how-to-lead-upward/draft/changes"), 403);
        assertProblem(given().get(ADMIN + "how-to-lead-upward/draft/changes"), 401);
    }
}
