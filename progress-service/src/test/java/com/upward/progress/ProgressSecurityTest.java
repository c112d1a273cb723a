package com.upward.progress;

import com.upward.platform.testing.TokenSecurityContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ProgressSecurityTest extends TokenSecurityContract {

    @Override
    protected String protectedPath() {
        return "/api/v1/me/progress";
    }

    @Override
    protected String allowedRole() {
        return "learner";
    }

    @Override
    protected String otherRole() {
        return "author";
    }
}
