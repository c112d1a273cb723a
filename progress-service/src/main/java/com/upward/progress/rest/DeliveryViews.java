package com.upward.progress.rest;

import java.time.Instant;

/** The JSON answer about the xAPI delivery to an organisation's LRS; {@link ReportMapper} makes it. */
public final class DeliveryViews {

    /** Counts of statements by state, and the newest failure reason (of a retry or a give-up). */
    public record Summary(boolean lrsConfigured, long pending, long sent, long failed, String lastError,
                          Instant lastErrorAt) {
    }

    private DeliveryViews() {
    }
}
