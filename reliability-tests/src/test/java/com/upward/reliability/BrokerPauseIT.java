package com.upward.reliability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.UUID;


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

        stream.assertNoneLostOrDoubled("broker-paused-8s");
    }
}
