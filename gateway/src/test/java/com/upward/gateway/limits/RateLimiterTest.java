package com.upward.gateway.limits;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Fixed windows per key, with a hand-moved clock. */
class RateLimiterTest {

    private final AtomicLong now = new AtomicLong();
    private final RateLimiter limiter = new RateLimiter(now::get);
    private final Duration minute = Duration.ofMinutes(1);

    @Test
    void allowsTheLimitThenRefusesWithTheTimeLeftInTheWindow() {
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.acquire("a", 3, minute));
        }
        now.addAndGet(Duration.ofSeconds(20).toNanos());
        assertEquals(40, limiter.acquire("a", 3, minute));
        assertEquals(0, limiter.acquire("b", 3, minute), "another key has its own window");
    }

    @Test
    void aNewWindowStartsAfterTheOldOneEnds() {
        for (int i = 0; i < 4; i++) {
            limiter.acquire("a", 3, minute);
        }
        now.addAndGet(minute.toNanos());
        assertEquals(0, limiter.acquire("a", 3, minute));
    }
}
