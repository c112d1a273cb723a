package com.upward.progress;

import com.upward.platform.testing.TokenSecurityContract;
import io.quarkus.test.junit.QuarkusTest;

/** The LMS's pull refuses every kind of bad token, and a learner's token. */
@QuarkusTest
class IntegrationSecurityTest extends TokenSecurityContract {

    IntegrationSecurityTest() {
        super("/api/v1/integration/completions", "integration", "learner");
    }
}
