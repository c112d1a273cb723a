package com.upward.gateway;

import com.upward.platform.testing.TokenSecurityContract;
import io.quarkus.test.junit.QuarkusTest;

/** The edge refuses bad tokens before any service sees the request. */
@QuarkusTest
class GatewaySecurityTest extends TokenSecurityContract {

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
        return "integration";
    }

    @Override
    protected boolean pathNeedsOrganisation() {
        return false;
    }
}
