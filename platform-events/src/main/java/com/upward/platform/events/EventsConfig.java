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
        /**
         * Attempts for an event whose handling fails for a reason that is neither poison nor known to pass;
         * then it is dead-lettered. Passing failures (database out of reach, lock timeout) retry without limit.
         */
        @WithDefault("5")
        int maxAttempts();

        /** The first pause before trying an event again; it doubles on each passing failure. */
        @WithDefault("200ms")
        Duration retryBackoff();

        /** The longest pause between tries while a passing failure lasts. */
        @WithDefault("5s")
        Duration maxRetryBackoff();

        /** How long the inbox's transaction waits for a lock before it counts as a passing failure. */
        @WithDefault("5s")
        Duration lockTimeout();
    }
}
