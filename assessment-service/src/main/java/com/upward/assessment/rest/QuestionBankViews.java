package com.upward.assessment.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/** What an author reads of a draft bank imported from QTI: every question with its keys and feedback. */
public final class QuestionBankViews {

    public record DraftBank(String draftId, String courseId, String createdBy, Instant createdAt, int questionCount,
                            List<DraftQuestion> questions) {
    }

    public record DraftSummary(String draftId, String courseId, String createdBy, Instant createdAt, int questionCount) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DraftQuestion(String id, String type, String lessonId, List<String> powerTypes, String prompt,
                                List<DraftOption> options, List<DraftItem> items) {
    }

    /** {@code correct} and {@code feedback} are absent on a matching question's options. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DraftOption(String id, String text, Boolean correct, String feedback) {
    }

    public record DraftItem(String id, String text, String correctOptionId, String feedback) {
    }

    private QuestionBankViews() {
    }
}
