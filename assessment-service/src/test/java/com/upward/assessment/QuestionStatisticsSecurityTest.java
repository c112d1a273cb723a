package com.upward.assessment;

import com.upward.platform.testing.TokenSecurityContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class QuestionStatisticsSecurityTest extends TokenSecurityContract {

    QuestionStatisticsSecurityTest() {
        super("/api/v1/admin/question-statistics/four-types-of-power", "admin", "learner");
    }
}
