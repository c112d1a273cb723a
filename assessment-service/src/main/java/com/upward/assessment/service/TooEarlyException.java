package com.upward.assessment.service;

import com.upward.platform.web.errors.DomainException;

import java.time.Duration;
import java.time.Instant;

/** A new attempt asked for before the quiz's delay between attempts has passed: 429 with Retry-After. */
public class TooEarlyException extends DomainException {

    private final Instant availableAt;
    private final Duration wait;

    public TooEarlyException(Instant availableAt, Duration wait, String detail) {
        super("Too early for another attempt", detail);
        this.availableAt = availableAt;
        this.wait = wait;
    }

    public Instant availableAt() {
        return availableAt;
    }

    /** Whole seconds to wait, rounded up. */
    public long retryAfterSeconds() {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
