package com.upward.reliability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.UUID;


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

        stream.assertNoneLostOrDoubled("progress-killed");
    }
}
