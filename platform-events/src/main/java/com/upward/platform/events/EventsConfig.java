package com.upward.platform.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "upward.events")
public interface EventsConfig {

    Outbox outbox();

    Inbox inbox();

    interface Outbox {
        /** Off only where another process relays this database's outbox. */
        @WithDefault("true")
        boolean relayEnabled();

        /** How often the relay looks for rows when no commit has woken it. */
        @WithDefault("1s")
        Duration pollInterval();

        @WithDefault("200")
        int batchSize();

        /** How long the relay waits for the broker to acknowledge a batch before trying again. */
        @WithDefault("15s")
        Duration sendTimeout();
    }

    interface Inbox {
        /** Attempts for an event whose handling fails for a passing reason (a lost connection, a lock). */
        @WithDefault("5")
        int maxAttempts();

        @WithDefault("200ms")
        Duration retryBackoff();
    }
}
