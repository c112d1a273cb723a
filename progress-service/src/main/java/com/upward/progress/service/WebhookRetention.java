package com.upward.progress.service;

import com.upward.platform.events.RetentionRule;
import com.upward.progress.config.WebhookConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;

/** Delivered webhook deliveries leave the log after upward.webhooks.delivered-retention; pending and failed ones stay. */
@ApplicationScoped
public class WebhookRetention implements RetentionRule {

    @Inject
    WebhookConfig config;

    @Override
    public String table() {
        return "webhook_delivery";
    }

    @Override
    public String expiredWhere() {
        return "status = 'DELIVERED' AND delivered_at < :cutoff";
    }

    @Override
    public Duration keepFor() {
        return config.deliveredRetention();
    }
}
