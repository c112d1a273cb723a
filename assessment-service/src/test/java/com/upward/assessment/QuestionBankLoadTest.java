package com.upward.assessment;

import com.upward.assessment.bank.BankDocument;
import com.upward.assessment.bank.BankDocument.Question;
import com.upward.assessment.persistence.QuestionBankRepository;
import com.upward.assessment.service.QuestionBankLoader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
class QuestionBankLoadTest {

    @Inject
    QuestionBankLoader loader;

    @Inject
    EntityManager entityManager;

    @Inject
    QuestionBankRepository bank;

    @Test
    void theBankIsLoadedAtStartAndLoadingItAgainChangesNothing() {
        assertEquals(55L, count("question"));
        assertEquals(4L, count("quiz"));
        assertFalse(loader.load("question-bank/how-to-lead-upward.json"), "the same content is not loaded twice");
        assertEquals(55L, count("question"));
    }

    /** The parsed bank is shared between requests, and a new load of a course is what the next request reads. */
    @Test
    void aBankLoadedWhileRunningIsWhatTheNextReadSees() {
        Question original = QuarkusTransaction.requiringNew().call(() -> bank.questionsOfCourse("how-to-lead-upward").get(0));
        String courseId = "bank-reload-" + UUID.randomUUID();
        String questionId = "q-" + courseId;
        for (String prompt : List.of("The first wording", "The second wording")) {
            Question question = new Question(questionId, original.type(), original.lessonId(), original.powerTypes(), prompt,
                    original.options(), original.items());
            QuarkusTransaction.requiringNew().run(() -> bank.store(new BankDocument(courseId, List.of(question), List.of()),
                    "sha-of-" + prompt));
            assertEquals(prompt, QuarkusTransaction.requiringNew().call(() -> bank.questions(List.of(questionId)).get(questionId).prompt()));
            assertEquals(List.of(questionId), bank.questionsOfCourse(courseId).stream().map(Question::id).toList(),
                    "read outside a transaction too");
        }
    }

    private long count(String table) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) entityManager.createNativeQuery("SELECT count(*) FROM " + table + " WHERE course_id = 'how-to-lead-upward'")
                        .getSingleResult()).longValue());
    }
}
