package com.upward.platform.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "upward.events")
public interface EventsConfig {

    Outbox outbox();

    Inbox inbox();

    Retention retention();

    interface Retention {
        /** Off only where another process prunes this database. */
        @WithDefault("true")
        boolean enabled();

        /** How often the pruner runs. */
        @WithDefault("1h")
        Duration interval();

        /** How long a published outbox row is kept (for looking into what was sent). */
        @WithDefault("7d")
        Duration outbox();

        /**
         * How long a consumed event id is kept. It must exceed the topics' retention (Kafka's default is 7 days):
         * a record re-read from the start of a topic must still find its id, or it would be applied twice.
         */
        @WithDefault("14d")
        Duration inbox();

        /** Rows deleted per statement and transaction: short transactions, short locks. */
        @WithDefault("1000")
        int batchSize();
    }

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
