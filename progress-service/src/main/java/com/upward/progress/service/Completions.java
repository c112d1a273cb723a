package com.upward.progress.service;

import com.upward.platform.web.Page;
import com.upward.platform.web.PageParams;
import com.upward.platform.web.PageRequest;
import com.upward.platform.web.errors.InvalidInputException;
import com.upward.progress.config.ProgressConfig;
import com.upward.progress.persistence.CompletionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/**
 * Completions for an organisation's LMS (server-to-server pull): one per issued certificate, read from the
 * certificate table (owned state, kept across a read-model rebuild) with the learner's name, and always scoped
 * to one organisation, which the caller takes from the integration client's token.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Completions {

    /** The public verification path of a certificate; the gateway serves it to anyone. */
    public static final String CERTIFICATE_PATH = "/api/v1/certificates/";

    public record Completion(String learnerId, String learnerName, String courseId, String courseTitle,
                             int courseVersion, Instant completedAt, double finalPercent, String certificateId,
                             String certificateUrl) {
    }

    /** What to list: since (inclusive) and courseId are optional; the org is never part of it. */
    public record Filter(Instant since, String courseId) {
    }

    @Inject
    CompletionRepository repository;

    @Inject
    ProgressConfig config;

    public Page<Completion> list(String orgId, Filter filter, PageParams paging) {
        PageRequest request = paging.toRequest(config.integration().maxPageSize());
        if ((long) request.page() * request.size() > config.integration().maxOffset()) {
            throw new InvalidInputException("page " + request.page() + " of size " + request.size() + " starts past row "
                    + config.integration().maxOffset() + "; pull from a later point with since instead.");
        }
        long total = repository.count(orgId, filter.since(), filter.courseId());
        List<Completion> page = repository.page(orgId, filter.since(), filter.courseId(), request.size(), request.offset())
                .stream().map(c -> new Completion(c.learnerId(), c.learnerName(), c.courseId(), c.courseTitle(),
                        c.courseVersion(), c.completedAt(), c.finalPercent(), c.certificateId(),
                        CERTIFICATE_PATH + c.certificateId()))
                .toList();
        return Page.of(page, request, total);
    }
}
