package com.upward.reliability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The broker frozen (SIGSTOP) for 8 s: it keeps its sockets but answers nothing, as in a long GC pause.
 * Producers and consumers time out rather than see a refused connection; nothing may be lost or doubled.
 */
@ExtendWith(FaultStack.class)
class BrokerPauseIT {

    @Test
    void aFrozenBrokerLosesNothingAndDoublesNothing() throws Exception {
        LessonStream stream = new LessonStream("pause-" + UUID.randomUUID().toString().substring(0, 8), 6,
                Duration.ofMillis(500)).start();

        Thread.sleep(2_000);
        FaultStack.stack().kafka().pause();
        try {
            Thread.sleep(8_000);
        } finally {
            FaultStack.stack().kafka().resume();
        }
        stream.awaitEnd(Duration.ofSeconds(120));

        assertEquals(stream.submitted(), stream.accepted.size(), "refused: " + stream.refusals.stream().limit(3).toList());
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(
                () -> ProgressDb.lessonsDone(ProgressDb.MAIN, stream.prefix).size() >= stream.accepted.size());
        Set<String> inProgress = ProgressDb.lessonsDone(ProgressDb.MAIN, stream.prefix);
        assertEquals(stream.accepted, inProgress, "lost or unexpected completions");
        assertEquals(stream.acceptedPerLearner(), ProgressDb.summaryLessonCounts(ProgressDb.MAIN, stream.prefix),
                "a learner's summary counts a completion twice or misses one");
        System.out.printf("Fault test broker-paused-8s: %d submitted, %d accepted, %d in progress, 0 lost, 0 doubled%n",
                stream.submitted(), stream.accepted.size(), inProgress.size());
    }
}
