package com.upward.assessment;

import com.upward.platform.testing.TokenSecurityContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class QuestionBankSecurityTest extends TokenSecurityContract {

    QuestionBankSecurityTest() {
        super("/api/v1/admin/question-bank/how-to-lead-upward/qti", "author", "admin");
    }
}
