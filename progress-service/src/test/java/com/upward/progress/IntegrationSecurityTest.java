package com.upward.progress;

import com.upward.platform.testing.TokenSecurityContract;
import io.quarkus.test.junit.QuarkusTest;

/** The LMS's pull refuses every kind of bad token, and a learner's token. */
@QuarkusTest
class IntegrationSecurityTest extends TokenSecurityContract {

    @Override
    protected String protectedPath() {
        return "/api/v1/integration/completions";
    }

    @Override
    protected String allowedRole() {
        return "integration";
    }

    @Override
    protected String otherRole() {
        return "learner";
    }
}
