package com.upward.reliability;

import com.upward.platform.events.contract.LessonCompleted;
import com.upward.stack.ServiceProcess;
import com.upward.stack.Stack;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 10,000 lesson completions produced straight to Kafka while progress-service is killed at random moments.
 * Its read model must equal the one a second progress-service builds from an empty database by consuming the
 * same topics from the beginning, and each learner's events must have been applied in order.
 * With -Dupward.soak=true it is 100,000 events and more kills.
 */
@ExtendWith(FaultStack.class)
class RandomKillsRebuildIT {

    private static final int LESSONS_PER_LEARNER = 10;
    private static final String REBUILD_DATABASE = "upward_progress_rebuild";

    @Test
    void theReadModelAfterRandomKillsEqualsOneRebuiltFromEmpty() throws Exception {
        boolean soak = Boolean.getBoolean("upward.soak");
        int events = soak ? 100_000 : 10_000;
        int kills = soak ? 8 : 3;
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String prefix = "bulk-" + UUID.randomUUID().toString().substring(0, 8);
        int learners = events / LESSONS_PER_LEARNER;
        Stack stack = FaultStack.stack();
        ServiceProcess progress = stack.service("progress-service");

        Set<String> produced = new HashSet<>();
        CompletableFuture<Void> producing = CompletableFuture.runAsync(() -> {
            Instant start = Instant.parse("2026-01-05T09:00:00Z");
            try (KafkaProducer<String, String> producer = Events.producer()) {
                // Lesson by lesson across all learners: each learner's events interleave with everyone else's.
                for (int lesson = 0; lesson < LESSONS_PER_LEARNER; lesson++) {
                    for (int learner = 1; learner <= learners; learner++) {
                        String learnerId = prefix + "-" + learner;
                        String lessonId = Learners.LESSONS.get(lesson);
                        producer.send(Events.record(new LessonCompleted(learnerId, "acme", Learners.COURSE, 1, lessonId,
                                start.plusSeconds(lesson * 60L + learner)), eventId(learnerId, lesson)));
                        produced.add(learnerId + "/" + lessonId);
                    }
                }
                producer.flush();
            }
        });

        for (int kill = 0; kill < kills; kill++) {
            Thread.sleep(1_000 + random.nextInt(4_000));
            progress.kill();
            Thread.sleep(random.nextInt(2_000));
            progress.start();
        }
        producing.get();
        assertEquals(events, produced.size());

        await().atMost(Duration.ofSeconds(soak ? 1_200 : 300)).pollInterval(Duration.ofSeconds(2)).until(
                () -> ProgressDb.lessonsDone(ProgressDb.MAIN, prefix).size() >= events);
        Set<String> afterKills = ProgressDb.lessonsDone(ProgressDb.MAIN, prefix);
        assertEquals(produced, afterKills, "lost or unexpected completions after the kills");
        assertInOrderPerLearner(ProgressDb.appliedEventIds(ProgressDb.MAIN, prefix), events);

        // The honest rebuild: another progress-service, an empty database, new consumer groups from the start.
        // System properties, not environment variables: a channel name's dash has no spelling in an
        // environment variable, and SmallRye would read MP_MESSAGING_INCOMING_COURSE_EVENTS_* as a channel "course".
        String groups = java.util.stream.Stream.of("course-events", "learning-events", "assessment-events")
                .map(channel -> "-Dmp.messaging.incoming." + channel + ".group.id=progress-rebuild-" + seed + "." + channel
                        + " -Dmp.messaging.incoming." + channel + ".auto.offset.reset=earliest")
                .collect(java.util.stream.Collectors.joining(" "));
        ServiceProcess rebuild = stack.launchExtra("progress-service", REBUILD_DATABASE, Map.of("JAVA_TOOL_OPTIONS", groups));
        try {
            await().atMost(Duration.ofSeconds(soak ? 1_200 : 300)).pollInterval(Duration.ofSeconds(2)).until(
                    () -> ProgressDb.lessonsDone(REBUILD_DATABASE, prefix).size() >= events);
            assertEquals(afterKills, ProgressDb.lessonsDone(REBUILD_DATABASE, prefix), "lesson_done differs from the rebuild");
            Set<String> summaries = ProgressDb.summaries(ProgressDb.MAIN, prefix);
            assertEquals(learners, summaries.size());
            assertEquals(summaries, ProgressDb.summaries(REBUILD_DATABASE, prefix), "learner summaries differ from the rebuild");
        } finally {
            rebuild.stop();
        }
        System.out.printf("Fault test random-kills-rebuild (seed %d): %d events, %d kills of progress-service, %d applied, "
                + "rebuild equal (%d lessons, %d summaries), order kept for %d learners, 0 lost, 0 doubled%n",
                seed, events, kills, afterKills.size(), afterKills.size(), learners, learners);
    }

    private static String eventId(String learnerId, int lesson) {
        return learnerId + "-" + String.format("%02d", lesson);
    }

    /** In the inbox's order of application, each learner's lessons come in the order they were produced. */
    private static void assertInOrderPerLearner(List<String> appliedIds, int events) {
        assertEquals(events, appliedIds.size(), "every event applied exactly once");
        Map<String, Integer> lastLesson = new HashMap<>();
        for (String id : appliedIds) {
            String learner = id.substring(0, id.lastIndexOf('-'));
            int lesson = Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
            Integer previous = lastLesson.put(learner, lesson);
            assertTrue(previous == null ? lesson == 0 : lesson == previous + 1,
                    learner + " applied lesson " + lesson + " after " + previous);
        }
    }
}
