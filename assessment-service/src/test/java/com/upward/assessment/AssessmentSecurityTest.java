package com.upward.assessment;

import com.upward.platform.testing.TokenSecurityContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AssessmentSecurityTest extends TokenSecurityContract {

    @Override
    protected String protectedPath() {
        return "/api/v1/quizzes/four-types-of-power";
    }

    @Override
    protected String allowedRole() {
        return "learner";
    }

    @Override
    protected String otherRole() {
        return "admin";
    }
}
