package com.upward.assessment;

import com.upward.assessment.service.QuestionBankLoader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
class QuestionBankLoadTest {

    @Inject
    QuestionBankLoader loader;

    @Inject
    EntityManager entityManager;

    @Test
    void theBankIsLoadedAtStartAndLoadingItAgainChangesNothing() {
        assertEquals(55L, count("question"));
        assertEquals(4L, count("quiz"));
        assertFalse(loader.load("question-bank/how-to-lead-upward.json"), "the same content is not loaded twice");
        assertEquals(55L, count("question"));
    }

    private long count(String table) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) entityManager.createNativeQuery("SELECT count(*) FROM " + table).getSingleResult()).longValue());
    }
}
