package com.upward.progress.config;

import com.upward.platform.events.DeliveryRetry;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Webhooks: each organisation's admins register URLs; events reach them signed, through an outbox with retries
 * (upward.webhooks.max-attempts 10, backoff 5s, max-backoff 15m: 10 attempts span about 40 minutes).
 */
@ConfigMapping(prefix = "upward.webhooks")
public interface WebhookConfig extends DeliveryRetry {

    /** Refuse http:// URLs: deliveries carry learners' data and a signature anyone on the path could replay. */
    @WithDefault("true")
    boolean requireHttps();

    /** The most webhooks one organisation may register. */
    @WithDefault("10")
    int maxPerOrganisation();

    /** How long one POST may take before it counts as a failed attempt. */
    @WithDefault("5s")
    Duration requestTimeout();

    /** Receivers hear of an event within two seconds when nothing woke the sender. */
    @Override
    @WithDefault("2s")
    Duration pollInterval();

    /** How long a delivered row stays in the delivery log; failed ones stay until the webhook is deleted. */
    @WithDefault("30d")
    Duration deliveredRetention();
}
