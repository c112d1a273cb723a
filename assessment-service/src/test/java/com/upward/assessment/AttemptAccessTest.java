package com.upward.assessment;

import com.upward.assessment.support.Api;
import com.upward.assessment.support.Bank;
import com.upward.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static com.upward.platform.testing.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Learner A cannot read, save or submit B's attempt, and cannot tell it from one that does not exist. */
@QuarkusTest
class AttemptAccessTest {

    @Test
    void anotherLearnersAttemptLooksExactlyLikeAMissingOne() {
        String a = TestTokens.learner("owner-" + UUID.randomUUID(), "acme");
        String b = TestTokens.learner("intruder-" + UUID.randomUUID(), "acme");
        String sameNameOtherOrg = TestTokens.learner("owner-elsewhere", "globex");
        String attempt = Api.started(a, "four-types-of-power");
        String missing = UUID.randomUUID().toString();

        for (String intruder : List.of(b, sameNameOtherOrg)) {
            sameAnswer(Api.get(intruder, attempt), attempt, Api.get(intruder, missing), missing);
            sameAnswer(Api.save(intruder, attempt, List.of(Bank.correct("q-role-1"))), attempt,
                    Api.save(intruder, missing, List.of(Bank.correct("q-role-1"))), missing);
            sameAnswer(Api.submit(intruder, attempt, List.of(Bank.correct("q-role-1"))), attempt,
                    Api.submit(intruder, missing, List.of(Bank.correct("q-role-1"))), missing);
        }
        // Untouched: still open, nothing saved, and the owner can still use it.
        Api.get(a, attempt).then().statusCode(200).body("status", equalTo("IN_PROGRESS")).body("savedAnswers.size()", equalTo(0));
    }

    private static void sameAnswer(Response existing, String existingId, Response missing, String missingId) {
        assertProblem(existing, 404);
        assertProblem(missing, 404);
        assertEquals(missing.asString().replace(missingId, "ID"), existing.asString().replace(existingId, "ID"));
    }
}
