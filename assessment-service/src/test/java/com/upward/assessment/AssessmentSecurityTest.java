package com.upward.assessment;

import com.upward.platform.testing.TokenSecurityContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AssessmentSecurityTest extends TokenSecurityContract {

    AssessmentSecurityTest() {
        super("/api/v1/quizzes/four-types-of-power", "learner", "admin");
    }
}
