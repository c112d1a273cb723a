package com.upward.assessment.bank;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** A question bank file as it is kept in the repository: the questions and the quizzes built from them. */
public record BankDocument(String courseId, List<Question> questions, List<Quiz> quizzes) {

    public enum QuestionType {
        SINGLE_CHOICE, MULTIPLE_RESPONSE, TRUE_FALSE, MATCHING, SCENARIO;

        /** Types answered with exactly one option. */
        public boolean singleAnswer() {
            return this == SINGLE_CHOICE || this == TRUE_FALSE || this == SCENARIO;
        }
    }

    public enum Grading { HIGHEST, LAST }

    /** When the learner sees feedback and the right answers: after each submission, or never (score only). */
    public enum Review { AFTER_SUBMISSION, NEVER }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Question(String id, QuestionType type, String lessonId, List<String> powerTypes, String prompt,
                           List<Option> options, List<Item> items) {

        public Option option(String optionId) {
            return options.stream().filter(o -> o.id().equals(optionId)).findFirst().orElse(null);
        }

        public Item item(String itemId) {
            return items == null ? null : items.stream().filter(i -> i.id().equals(itemId)).findFirst().orElse(null);
        }

        public List<String> correctOptionIds() {
            return options.stream().filter(o -> Boolean.TRUE.equals(o.correct())).map(Option::id).toList();
        }
    }

    /** An answer option. {@code correct} and {@code feedback} are absent on matching options. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Option(String id, String text, Boolean correct, String feedback) {
    }

    /** A matching item: the learner pairs it with one of the question's options. */
    public record Item(String id, String text, String correctOptionId, String feedback) {
    }

    /** A quiz takes either fixed {@code questionIds} or random draws from {@code pools}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Quiz(String id, String title, String kind, int passPercent, List<String> questionIds,
                       List<Pool> pools, Settings settings) {

        public int questionCount() {
            return questionIds != null ? questionIds.size() : pools.stream().mapToInt(Pool::draw).sum();
        }
    }

    /** Draw {@code draw} questions testing {@code powerType} (NONE: questions testing no power type). */
    public record Pool(String powerType, int draw) {
        public static final String NONE = "NONE";
    }

    /** maxAttempts 0 = unlimited; timeLimitMinutes 0 = no limit. */
    public record Settings(int maxAttempts, int minutesBetweenAttempts, int timeLimitMinutes, Grading grading,
                           Review review) {
    }
}
