package com.upward.progress.service;

import com.upward.platform.web.errors.NotFoundException;
import com.upward.progress.persistence.CertificateRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/** Issued certificates: the public verification answer and the learner's own list. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Certificates {

    /** What anyone may see: the name, the course and the date, nothing else. */
    public record Verification(String certificateId, String learnerName, String courseTitle, Instant completedAt) {
    }

    public record OwnCertificate(String certificateId, String courseId, String courseTitle, int version,
                                 Instant completedAt, double finalPercent) {
    }

    @Inject
    CertificateRepository repository;

    public Verification verify(String certificateId) {
        CertificateRepository.Named certificate = repository.named(certificateId)
                .orElseThrow(() -> new NotFoundException("There is no certificate '" + certificateId + "'."));
        // The name comes from the learner's token; until they have called the service it is not known.
        String name = certificate.displayName() == null ? "Name not on record" : certificate.displayName();
        return new Verification(certificate.certificateId(), name, certificate.courseTitle(), certificate.completedAt());
    }

    public List<OwnCertificate> mine(String learnerId) {
        return repository.ofLearner(learnerId).stream().map(c -> new OwnCertificate(c.certificateId(), c.courseId(),
                c.courseTitle(), c.version(), c.completedAt(), c.finalPercent())).toList();
    }
}
