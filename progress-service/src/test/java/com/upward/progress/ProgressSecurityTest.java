package com.upward.progress;

import com.upward.platform.testing.TokenSecurityContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ProgressSecurityTest extends TokenSecurityContract {

    ProgressSecurityTest() {
        super("/api/v1/me/progress", "learner", "author");
    }
}
