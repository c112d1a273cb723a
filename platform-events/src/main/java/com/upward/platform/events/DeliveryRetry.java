package com.upward.platform.events;

import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * The retry settings of an HTTP delivery outbox ({@link DeliveryOutbox}), written once: a sender's
 * {@code @ConfigMapping} (or one of its groups) extends it, so every outbox has the same keys under its own prefix,
 * and redeclares a method only where its default differs.
 */
public interface DeliveryRetry {

    /** Attempts per row before it is marked FAILED with the last reason. */
    @WithDefault("10")
    int maxAttempts();

    /** The wait after the first failed attempt; doubled after each further failure, up to max-backoff. */
    @WithDefault("5s")
    Duration backoff();

    /** The longest wait between two attempts. */
    @WithDefault("15m")
    Duration maxBackoff();

    /** How often the sender looks for due rows when nothing woke it. */
    @WithDefault("5s")
    Duration pollInterval();
}
