package com.upward.progress.service;

import com.upward.platform.events.RetentionRule;
import com.upward.progress.config.XapiConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;

/** Delivered xAPI statements leave the table after upward.xapi.sent-retention; pending and failed ones stay. */
@ApplicationScoped
public class XapiRetention implements RetentionRule {

    @Inject
    XapiConfig config;

    @Override
    public String table() {
        return "xapi_outbox";
    }

    @Override
    public String expiredWhere() {
        return "status = 'SENT' AND sent_at < :cutoff";
    }

    @Override
    public Duration keepFor() {
        return config.sentRetention();
    }
}
