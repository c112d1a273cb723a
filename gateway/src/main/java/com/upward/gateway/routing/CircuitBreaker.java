package com.upward.gateway.routing;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A per-service circuit breaker: after {@code failureThreshold} consecutive failures it opens and the gateway
 * answers 503 at once instead of making callers wait on a sick service; after {@code openFor} it lets one
 * probe through (half-open), whose outcome closes or re-opens it.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int failureThreshold;
    private final long openForNanos;
    private final LongSupplier nanoClock;

    private State state = State.CLOSED;
    private int consecutiveFailures;
    private long openedAt;
    private boolean probeInFlight;

    public CircuitBreaker(int failureThreshold, Duration openFor, LongSupplier nanoClock) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold must be at least 1");
        }
        this.failureThreshold = failureThreshold;
        this.openForNanos = openFor.toNanos();
        this.nanoClock = nanoClock;
    }

    /** Whether a request may go to the service now; in half-open, only one probe at a time. */
    public synchronized boolean tryAcquire() {
        if (state == State.OPEN) {
            if (nanoClock.getAsLong() - openedAt < openForNanos) {
                return false;
            }
            state = State.HALF_OPEN;
            probeInFlight = false;
        }
        if (state == State.HALF_OPEN) {
            if (probeInFlight) {
                return false;
            }
            probeInFlight = true;
        }
        return true;
    }

    public synchronized void onSuccess() {
        state = State.CLOSED;
        consecutiveFailures = 0;
        probeInFlight = false;
    }

    public synchronized void onFailure() {
        consecutiveFailures++;
        if (state == State.HALF_OPEN || consecutiveFailures >= failureThreshold) {
            state = State.OPEN;
            openedAt = nanoClock.getAsLong();
            probeInFlight = false;
        }
    }

    public synchronized State state() {
        return state;
    }

    /** Whole seconds until a probe may go through (at least 1), for the Retry-After header. */
    public synchronized long retryAfterSeconds() {
        long remaining = state == State.OPEN ? openForNanos - (nanoClock.getAsLong() - openedAt) : 0;
        return Math.max(1, (remaining + 999_999_999L) / 1_000_000_000L);
    }

    /** Back to closed, forgetting past failures. */
    public synchronized void reset() {
        onSuccess();
    }
}
