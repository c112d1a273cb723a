package com.upward.reliability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Kafka broker stops for 10 s while learners complete lessons: the outbox holds the events until it is back. */
@ExtendWith(FaultStack.class)
class BrokerOutageIT {

    @Test
    void everyCompletionAcceptedWhileTheBrokerIsDownReachesProgressOnce() throws Exception {
        LessonStream stream = new LessonStream("broker-" + UUID.randomUUID().toString().substring(0, 8), 8,
                Duration.ofMillis(700)).start();

        Thread.sleep(2_000);
        FaultStack.stack().kafka().stop();
        Thread.sleep(10_000);
        FaultStack.stack().kafka().start();
        stream.awaitEnd(Duration.ofSeconds(120));

        // Writing a completion never needs the broker: every one was accepted, during the outage too.
        assertEquals(stream.submitted(), stream.accepted.size(), "refused: " + stream.refusals.stream().limit(3).toList());
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(
                () -> ProgressDb.lessonsDone(ProgressDb.MAIN, stream.prefix).size() >= stream.accepted.size());
        Set<String> inProgress = ProgressDb.lessonsDone(ProgressDb.MAIN, stream.prefix);
        assertEquals(stream.accepted, inProgress, "lost or unexpected completions");
        assertEquals(stream.acceptedPerLearner(), ProgressDb.summaryLessonCounts(ProgressDb.MAIN, stream.prefix),
                "a learner's summary counts a completion twice or misses one");
        assertTrue(FaultStack.stack().kafka().isRunning());
        System.out.printf("Fault test broker-stopped-10s: %d submitted, %d accepted, %d in progress, 0 lost, 0 doubled%n",
                stream.submitted(), stream.accepted.size(), inProgress.size());
    }
}
