package com.upward.progress.rest;

import com.upward.progress.rest.CertificateViews.OwnCertificate;
import com.upward.progress.rest.CertificateViews.Verification;
import com.upward.progress.service.Certificates;

import java.util.List;

/** From what {@link Certificates} returns to the certificate API's records. */
public final class CertificateMapper {

    private CertificateMapper() {
    }

    public static Verification view(Certificates.Verification c) {
        return new Verification(c.certificateId(), c.learnerName(), c.courseTitle(), c.completedAt());
    }

    public static List<OwnCertificate> views(List<Certificates.OwnCertificate> certificates) {
        return certificates.stream().map(c -> new OwnCertificate(c.certificateId(), c.courseId(), c.courseTitle(),
                c.version(), c.completedAt(), c.finalPercent())).toList();
    }
}
