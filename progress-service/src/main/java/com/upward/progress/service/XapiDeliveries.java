package com.upward.progress.service;

import com.upward.progress.config.XapiConfig;
import com.upward.progress.persistence.XapiOutboxRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Map;

/** What the admin of an organisation sees of the xAPI delivery to their LRS. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class XapiDeliveries {

    /** Counts of statements by state, and the newest failure reason (of a retry or a give-up). */
    public record Summary(boolean lrsConfigured, long pending, long sent, long failed, String lastError,
                          Instant lastErrorAt) {
    }

    @Inject
    XapiOutboxRepository repository;

    @Inject
    XapiConfig config;

    public Summary summary(String orgId) {
        Map<String, Long> counts = repository.countsByStatus(orgId);
        long pending = 0;
        long sent = 0;
        long failed = 0;
        for (Map.Entry<String, Long> count : counts.entrySet()) {
            long n = count.getValue();
            switch (count.getKey()) {
                case "PENDING" -> pending = n;
                case "SENT" -> sent = n;
                default -> failed = n;
            }
        }
        XapiOutboxRepository.LastError error = repository.lastError(orgId).orElse(null);
        return new Summary(config.delivers(orgId), pending, sent, failed,
                error == null ? null : error.error(), error == null ? null : error.at());
    }
}
