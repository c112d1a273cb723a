package com.upward.progress.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Webhooks: each organisation's admins register URLs; events reach them signed, through an outbox with retries. */
@ConfigMapping(prefix = "upward.webhooks")
public interface WebhookConfig {

    /** Refuse http:// URLs: deliveries carry learners' data and a signature anyone on the path could replay. */
    @WithDefault("true")
    boolean requireHttps();

    /** The most webhooks one organisation may register. */
    @WithDefault("10")
    int maxPerOrganisation();

    /** How long one POST may take before it counts as a failed attempt. */
    @WithDefault("5s")
    Duration requestTimeout();

    /** Attempts per delivery before it is marked FAILED with the last reason (10 attempts span about 40 minutes). */
    @WithDefault("10")
    int maxAttempts();

    /** The wait after the first failed attempt; doubled after each further failure, up to max-backoff. */
    @WithDefault("5s")
    Duration backoff();

    @WithDefault("15m")
    Duration maxBackoff();

    /** How often the sender looks for due deliveries when nothing woke it. */
    @WithDefault("2s")
    Duration pollInterval();

    /** How long a delivered row stays in the delivery log; failed ones stay until the webhook is deleted. */
    @WithDefault("30d")
    Duration deliveredRetention();
}
