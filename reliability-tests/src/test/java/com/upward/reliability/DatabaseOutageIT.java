package com.upward.reliability;

import com.upward.stack.Stack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL is down for 30 s while learners keep working. The services are never restarted: readiness says
 * so while it lasts, every refused request is a 503 problem+json with Retry-After, and afterwards they
 * recover by themselves with nothing lost and nothing dead-lettered.
 */
@ExtendWith(FaultStack.class)
class DatabaseOutageIT {

    private static final List<String> DATABASE_SERVICES = List.of("course-service", "assessment-service", "progress-service");

    @Test
    void servicesAnswer503DuringTheOutageAndRecoverWithoutARestart() throws Exception {
        Stack stack = FaultStack.stack();
        String prefix = "db-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> learners = List.of(prefix + "-1", prefix + "-2", prefix + "-3", prefix + "-4");
        Map<String, Integer> nextLesson = new HashMap<>();
        Set<String> accepted = new HashSet<>();
        learners.forEach(learner -> nextLesson.put(learner, 0));

        // Before: one lesson each.
        learners.forEach(learner -> completeNext(learner, nextLesson, accepted, null));
        assertEquals(learners.size(), accepted.size());

        stack.postgres().stop();
        List<Learners.Answer> duringOutage = new ArrayList<>();
        Map<String, Integer> readinessDuring = new HashMap<>();
        long outageEnd = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < outageEnd) {
            learners.forEach(learner -> completeNext(learner, nextLesson, accepted, duringOutage));
            duringOutage.add(Learners.get(stack.serviceUrl("progress-service"), "/api/v1/me/progress", Learners.token(learners.get(0))));
            for (String service : DATABASE_SERVICES) {
                int status = Learners.get(stack.managementUrl(service), "/q/health/ready", null).status();
                readinessDuring.merge(service + " " + status, 1, Integer::sum);
            }
            Thread.sleep(500);
        }
        stack.postgres().start();

        // Readiness reported the outage on every service that needs the database, and never said ready.
        for (String service : DATABASE_SERVICES) {
            assertTrue(readinessDuring.containsKey(service + " 503"), service + " readiness during the outage: " + readinessDuring);
            assertFalse(readinessDuring.containsKey(service + " 200"), service + " said ready without its database: " + readinessDuring);
        }
        List<Learners.Answer> refused = duringOutage.stream().filter(answer -> !answer.accepted()).toList();
        assertFalse(refused.isEmpty(), "the outage refused nothing");
        for (Learners.Answer answer : refused) {
            assertEquals(503, answer.status(), "during the outage: " + answer);
            assertTrue(answer.contentType().startsWith("application/problem+json"), "not problem+json: " + answer);
            assertTrue(answer.retryAfter() != null && answer.retryAfter().matches("\\d+"), "no Retry-After: " + answer);
        }

        // After: the same processes recover by themselves, and the learners finish the course.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> DATABASE_SERVICES.stream()
                .allMatch(service -> Learners.get(stack.managementUrl(service), "/q/health/ready", null).status() == 200));
        for (String learner : learners) {
            while (nextLesson.get(learner) < Learners.LESSONS.size()) {
                completeNext(learner, nextLesson, accepted, null);
            }
        }
        assertEquals(learners.size() * Learners.LESSONS.size(), accepted.size());

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(
                () -> ProgressDb.lessonsDone(ProgressDb.MAIN, prefix).size() >= accepted.size());
        assertEquals(accepted, ProgressDb.lessonsDone(ProgressDb.MAIN, prefix), "lost or unexpected completions");
        long deadLettered = Events.readAll("upward.learning.dlq").stream()
                .filter(record -> record.key() != null && record.key().startsWith(prefix)).count();
        assertEquals(0, deadLettered, "completions dead-lettered during the outage");
        System.out.printf("Fault test postgres-down-30s: %d requests during the outage, %d answered 503 with Retry-After, "
                        + "0 answered 500; readiness %s; %d accepted, %d in progress, 0 lost, 0 dead-lettered%n",
                duringOutage.size(), refused.size(), readinessDuring, accepted.size(), accepted.size());
    }

    /** Tries the learner's next lesson; moves on only when it was accepted. */
    private static void completeNext(String learner, Map<String, Integer> nextLesson, Set<String> accepted,
                                     List<Learners.Answer> answers) {
        String lesson = Learners.LESSONS.get(nextLesson.get(learner));
        Learners.Answer answer = Learners.completeLesson(Learners.token(learner), lesson);
        if (answers != null) {
            answers.add(answer);
        }
        if (answer.accepted()) {
            accepted.add(learner + "/" + lesson);
            nextLesson.merge(learner, 1, Integer::sum);
        } else if (answers == null) {
            throw new AssertionError("refused with the database up: " + answer);
        }
    }
}
