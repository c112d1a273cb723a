package com.upward.assessment;

import com.upward.platform.testing.TokenSecurityContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class QuestionStatisticsSecurityTest extends TokenSecurityContract {

    @Override
    protected String protectedPath() {
        return "/api/v1/admin/question-statistics/four-types-of-power";
    }

    @Override
    protected String allowedRole() {
        return "admin";
    }

    @Override
    protected String otherRole() {
        return "learner";
    }
}
