package com.upward.progress.rest;

import java.time.Instant;

/** The JSON answers about certificates; {@link CertificateMapper} makes them. */
public final class CertificateViews {

    /** What anyone may see: the name, the course and the date, nothing else. */
    public record Verification(String certificateId, String learnerName, String courseTitle, Instant completedAt) {
    }

    public record OwnCertificate(String certificateId, String courseId, String courseTitle, int version,
                                 Instant completedAt, double finalPercent) {
    }

    private CertificateViews() {
    }
}
