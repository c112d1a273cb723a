package com.upward.reliability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** progress-service is killed (SIGKILL) in the middle of a stream of completions and started again. */
@ExtendWith(FaultStack.class)
class ProgressKillIT {

    @Test
    void aKilledConsumerLosesNothingAndDoublesNothing() throws Exception {
        LessonStream stream = new LessonStream("kill-" + UUID.randomUUID().toString().substring(0, 8), 10,
                Duration.ofMillis(400)).start();

        Thread.sleep(2_500);
        FaultStack.stack().service("progress-service").kill();
        Thread.sleep(2_000);
        FaultStack.stack().service("progress-service").start();
        stream.awaitEnd(Duration.ofSeconds(120));

        assertEquals(stream.submitted(), stream.accepted.size(), "refused: " + stream.refusals.stream().limit(3).toList());
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(
                () -> ProgressDb.lessonsDone(ProgressDb.MAIN, stream.prefix).size() >= stream.accepted.size());
        Set<String> inProgress = ProgressDb.lessonsDone(ProgressDb.MAIN, stream.prefix);
        assertEquals(stream.accepted, inProgress, "lost or unexpected completions");
        assertEquals(stream.acceptedPerLearner(), ProgressDb.summaryLessonCounts(ProgressDb.MAIN, stream.prefix),
                "a learner's summary counts a completion twice or misses one");
        System.out.printf("Fault test progress-killed: %d submitted, %d accepted, %d in progress, 0 lost, 0 doubled%n",
                stream.submitted(), stream.accepted.size(), inProgress.size());
    }
}
