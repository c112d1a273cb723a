package com.upward.course;

import com.upward.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The course as loaded into PostgreSQL covers the whole source text (../shared/source/how-to-lead-upward.txt),
 * checked through the learner API: each section by its lesson title and a phrase quoted from the source.
 */
@QuarkusTest
class CourseContentTest {

    private static final String COURSE = "/api/v1/courses/how-to-lead-upward";

    /** Lesson id → its title and phrases copied from the source section it teaches. */
    private static final Map<String, List<String>> SECTIONS = new LinkedHashMap<>();

    static {
        SECTIONS.put("what-is-leading-upward", List.of("What is leading upward?",
                "influencing your superiors, instead of always being led by those with more power than yourself",
                "not malicious or an attempt to control someone"));
        SECTIONS.put("complications-and-benefits", List.of("Complications and benefits",
                "push through norms and the “accepted” power hierarchy",
                "better understanding of your superiors"));
        SECTIONS.put("power-and-leading-upward", List.of("Power and leading upward",
                "Leading upward implies that there is power somewhere",
                "Personal powers are directly tied to a person’s legacy"));
        SECTIONS.put("position-power-role", List.of("Position power: role",
                "This power is based on job title",
                "A title doesn’t necessarily come with respect"));
        SECTIONS.put("position-power-penalty", List.of("Position power: penalty",
                "This power is based on the ability to punish another in order to get a desired result",
                "is not sustainable"));
        SECTIONS.put("personal-power-reputation", List.of("Personal power: reputation",
                "This power is based on how others perceive you",
                "This cannot be learned or gained through pressure"));
        SECTIONS.put("personal-power-expertise", List.of("Personal power: expertise",
                "This power is specifically related to a person’s knowledge and skill set",
                "past experiences"));
        SECTIONS.put("using-the-power-you-have", List.of("Understand what power you have and utilize it",
                "subject matter expert (SME)"));
        SECTIONS.put("four-tips-to-engage", List.of("Four tips to engage",
                "Be understanding", "Be a team player", "Be organized", "Work on your relationships"));
        SECTIONS.put("meet-aleta-norris", List.of("Meet Aleta Norris",
                "Aleta Norris cofounded Living as a Leader"));
        SECTIONS.put("misconceptions-and-first-steps", List.of("Misconceptions and advice for first timers",
                "The most common misconception is that it is dangerous",
                "What is my motive for seeking to influence this person?",
                "Your language may be softer than when you’re leading one of your own people"));
        SECTIONS.put("power-and-responsibility", List.of("Power and responsibility",
                "with great power comes great responsibility",
                "“That wasn’t so bad.”"));
        SECTIONS.put("leading-upward-in-a-career", List.of("Leading upward in a career",
                "pretty comfortable reaching out to people with more power than me"));
        SECTIONS.put("worst-and-best-outcomes", List.of("The worst and best outcomes",
                "be better prepared",
                "Mom, it could not have gone better",
                "Does the person I’m talking with even care about me?"));
        SECTIONS.put("wrap-up", List.of("Wrap-up",
                "This doesn’t happen by gossiping or kissing up, it happens through effective communication and understanding"));
    }

    /** Every question Cassandra Polzin asked, exactly as the source prints it. */
    private static final List<String> INTERVIEW_QUESTIONS = List.of(
            "Who should lead upward?",
            "What are some common misconceptions about leading upward?",
            "Do you have any advice specifically for first timers?",
            "How can a leader with position power and personal power learn from the concepts of leading upward (even if they have no one above them, just people below)?",
            "How has leading upward helped you throughout your career?",
            "What is the worst outcome you’ve seen from someone trying to lead upward?",
            "The best?");

    private RequestSpecification reader() {
        return given().auth().oauth2(TestTokens.learner("content-reader", "acme"));
    }

    private JsonPath lesson(String lessonId) {
        return reader().get(COURSE + "/lessons/" + lessonId).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void everySectionOfTheSourceHasItsLessonWithTitleAndKeyPhrases() {
        List<String> lessonIds = reader().get(COURSE).then().statusCode(200).extract().jsonPath().getList("modules.lessons.flatten().id");
        assertEquals(List.copyOf(SECTIONS.keySet()), lessonIds, "one lesson per source section, in the source's order");
        SECTIONS.forEach((lessonId, expected) -> {
            JsonPath lesson = lesson(lessonId);
            String title = lesson.getString("title");
            assertTrue(title.contains(expected.get(0)), () -> lessonId + " is titled '" + title + "'");
            String text = String.join("\n", strings(lesson.get("blocks")));
            for (String phrase : expected.subList(1, expected.size())) {
                assertTrue(text.contains(phrase), () -> lessonId + " lacks the source's words: " + phrase);
            }
        });
    }

    @Test
    void eachOfTheFourPowerTypesHasItsOwnLesson() {
        Map<String, String> powerLessons = Map.of(
                "position-power-role", "Position power: role",
                "position-power-penalty", "Position power: penalty",
                "personal-power-reputation", "Personal power: reputation",
                "personal-power-expertise", "Personal power: expertise");
        powerLessons.forEach((lessonId, title) -> {
            JsonPath lesson = lesson(lessonId);
            assertEquals(title, lesson.getString("title"));
            assertEquals("power", lesson.getString("moduleId"));
        });
        // The quiz on the four types opens only once these four lessons are done.
        List<String> unlockedBy = reader().get(COURSE).then().extract().jsonPath()
                .getList("modules.find { it.id == 'power' }.quizzes.find { it.id == 'four-types-of-power' }.unlockedBy");
        assertEquals(List.copyOf(new TreeSet<>(powerLessons.keySet())), unlockedBy.stream().sorted().toList());
    }

    @Test
    void everyInterviewQuestionIsAnInterviewBlockVerbatimAttributedToItsSpeakers() {
        List<Map<String, Object>> interviews = new ArrayList<>();
        for (String lessonId : SECTIONS.keySet()) {
            List<Map<String, Object>> blocks = lesson(lessonId).getList("blocks");
            blocks.stream().filter(block -> "interview".equals(block.get("type"))).forEach(interviews::add);
        }
        assertEquals(INTERVIEW_QUESTIONS, interviews.stream().map(block -> block.get("question")).toList());
        for (Map<String, Object> block : interviews) {
            assertEquals("Cassandra Polzin", block.get("asker"));
            assertTrue(((String) block.get("answerer")).startsWith("Aleta Norris"));
            assertFalse(((String) block.get("answer")).isBlank());
        }
    }

    @Test
    void everyLessonStatesObjectivesAndAnEstimate() {
        for (String lessonId : SECTIONS.keySet()) {
            JsonPath lesson = lesson(lessonId);
            List<String> objectives = lesson.getList("objectives");
            assertFalse(objectives.isEmpty(), lessonId + " states no objective");
            objectives.forEach(objective -> assertFalse(objective.isBlank(), lessonId + " has a blank objective"));
            assertTrue(lesson.getInt("estimatedMinutes") > 0, lessonId + " has no estimate");
        }
    }

    @Test
    void quotesAreAttributedAndThePublishersClosingLinesAreNotCourseContent() {
        StringBuilder all = new StringBuilder();
        for (String lessonId : SECTIONS.keySet()) {
            List<Map<String, Object>> blocks = lesson(lessonId).getList("blocks");
            for (Map<String, Object> block : blocks) {
                if ("quote".equals(block.get("type"))) {
                    String cite = (String) block.get("cite");
                    assertTrue(cite.contains("How to Lead Upward") || cite.startsWith("Aleta Norris"),
                            lessonId + " has a quote not attributed to the article or the interviewee: " + cite);
                }
            }
            all.append(String.join("\n", strings(blocks)));
        }
        for (String notContent : List.of("Get the Medium app", "App Store", "Google Play", "Fast Five Award", "Quick Answers")) {
            assertFalse(all.toString().contains(notContent), "the page's closing lines are not course content: " + notContent);
        }
        String attribution = reader().get(COURSE).then().extract().jsonPath().getString("attribution");
        assertTrue(attribution.contains("Leeward Business Advisors") && attribution.contains("Aleta Norris"), attribution);
    }

    /** Every string inside a block tree: the texts a learner reads. */
    private static List<String> strings(Object node) {
        List<String> out = new ArrayList<>();
        if (node instanceof String text) {
            out.add(text);
        } else if (node instanceof List<?> list) {
            list.forEach(item -> out.addAll(strings(item)));
        } else if (node instanceof Map<?, ?> map) {
            map.values().forEach(value -> out.addAll(strings(value)));
        }
        return out;
    }
}
