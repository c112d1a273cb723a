package com.upward.assessment.domain;

import com.upward.assessment.bank.BankDocument.Question;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A question bank imported from a QTI package, kept as a draft of one organisation: read back, never scored. */
public record DraftBank(UUID id, String courseId, String createdBy, Instant createdAt, List<Question> questions) {

    /** A draft as a list shows it: without its questions. */
    public record Summary(UUID id, String courseId, String createdBy, Instant createdAt, int questionCount) {
    }
}
