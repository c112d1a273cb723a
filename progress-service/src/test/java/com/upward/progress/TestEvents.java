package com.upward.progress;

import com.upward.platform.events.UpwardEvent;
import com.upward.platform.events.contract.CoursePublished;
import com.upward.platform.events.contract.LessonCompleted;
import com.upward.platform.events.contract.PowerType;
import com.upward.platform.events.contract.QuizAttemptScored;
import com.upward.platform.events.contract.QuizAttemptScored.GradingMethod;
import com.upward.platform.testing.KafkaTestClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Events as the other services publish them, and database reads for Awaitility's thread. */
final class TestEvents {

    static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

    /** v1: lessons a, b required, x optional; quiz q required at 70%. v2 adds required lesson c and raises q to 80%. */
    static CoursePublished course(String courseId, int version) {
        List<CoursePublished.Lesson> lessons = version == 1
                ? List.of(new CoursePublished.Lesson("a", "m1", 1, "Lesson A", true),
                        new CoursePublished.Lesson("x", "m1", 2, "Lesson X", false),
                        new CoursePublished.Lesson("b", "m2", 3, "Lesson B", true))
                : List.of(new CoursePublished.Lesson("a", "m1", 1, "Lesson A", true),
                        new CoursePublished.Lesson("b", "m2", 2, "Lesson B", true),
                        new CoursePublished.Lesson("c", "m2", 3, "Lesson C", true));
        int pass = version == 1 ? 70 : 80;
        return new CoursePublished(courseId, version, "Course " + courseId + " v" + version,
                Instant.parse("2026-11-01T09:00:00Z").plusSeconds(version),
                lessons, List.of(new CoursePublished.Quiz("q", "Quiz", pass, true, List.of("b"))));
    }

    static LessonCompleted lesson(String learnerId, String orgId, String courseId, int version, String lessonId, int minute) {
        return new LessonCompleted(learnerId, orgId, courseId, version, lessonId, T0.plusSeconds(60L * minute));
    }

    /** The learner completes v1's required lessons: a at minute 1, then b at minute 2. */
    static void requiredLessonsDone(String learnerId, String orgId, String courseId) {
        publish(lesson(learnerId, orgId, courseId, 1, "a", 1));
        publish(lesson(learnerId, orgId, courseId, 1, "b", 2));
    }

    /** A scored attempt that is its own grade (the first attempt, or the best under HIGHEST). */
    static QuizAttemptScored attempt(String learnerId, String orgId, String courseId, int number, double percent, int minute) {
        String id = UUID.randomUUID().toString();
        return attempt(id, learnerId, orgId, courseId, number, percent, minute, GradingMethod.HIGHEST, id, percent);
    }

    /** A scored attempt after which assessment graded the quiz by an earlier attempt. */
    static QuizAttemptScored attempt(String learnerId, String orgId, String courseId, int number, double percent, int minute,
                                     GradingMethod method, QuizAttemptScored graded) {
        return attempt(UUID.randomUUID().toString(), learnerId, orgId, courseId, number, percent, minute, method,
                graded.attemptId(), graded.percent());
    }

    /** A scored attempt that assessment graded as the quiz's grade itself, under this method. */
    static QuizAttemptScored attempt(String learnerId, String orgId, String courseId, int number, double percent, int minute,
                                     GradingMethod method) {
        String id = UUID.randomUUID().toString();
        return attempt(id, learnerId, orgId, courseId, number, percent, minute, method, id, percent);
    }

    private static QuizAttemptScored attempt(String id, String learnerId, String orgId, String courseId, int number,
                                             double percent, int minute, GradingMethod method, String gradedId,
                                             double gradedPercent) {
        return new QuizAttemptScored(id, learnerId, orgId, "q", courseId, number,
                percent / 10, 10, percent, percent >= 70,
                Map.of(PowerType.ROLE, new QuizAttemptScored.PowerScore(percent >= 50 ? 2 : 1, 2, percent >= 50),
                        PowerType.EXPERTISE, new QuizAttemptScored.PowerScore(1, 2, false)),
                T0.plusSeconds(60L * minute), method, gradedId, gradedPercent, gradedPercent >= 70,
                T0.plusSeconds(60L * minute - 95), answers(percent >= 70));
    }

    /** Two questions as shown, answered right (or the choice wrong): a choice and a matching question. */
    static List<QuizAttemptScored.AnsweredQuestion> answers(boolean right) {
        List<QuizAttemptScored.Choice> options = List.of(new QuizAttemptScored.Choice("role", "Role power"),
                new QuizAttemptScored.Choice("expertise", "Expertise power"));
        return List.of(
                new QuizAttemptScored.AnsweredQuestion("q-role-1", "Which power comes with a title?",
                        QuizAttemptScored.Interaction.CHOICE, options, null, List.of("role"),
                        List.of(right ? "role" : "expertise"), null, null, right ? 1 : 0),
                new QuizAttemptScored.AnsweredQuestion("q-match-1", "Match each example to its power.",
                        QuizAttemptScored.Interaction.MATCHING, options,
                        List.of(new QuizAttemptScored.Choice("i1", "A manager's title"),
                                new QuizAttemptScored.Choice("i2", "Ten years in the field")),
                        null, null, Map.of("i1", "role", "i2", "expertise"), Map.of("i1", "role", "i2", "expertise"), 1));
    }

    static String publish(UpwardEvent event) {
        String id = UUID.randomUUID().toString();
        KafkaTestClient.publish(event, id);
        return id;
    }

    static long count(EntityManager entityManager, String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = entityManager.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private TestEvents() {
    }
}
