package com.upward.reliability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.UUID;

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

        assertTrue(FaultStack.stack().kafka().isRunning());
        // Writing a completion never needs the broker: every one was accepted, during the outage too.
        stream.assertNoneLostOrDoubled("broker-stopped-10s");
    }
}
