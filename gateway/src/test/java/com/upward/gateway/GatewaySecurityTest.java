package com.upward.gateway;

import com.upward.platform.testing.TokenSecurityContract;
import io.quarkus.test.junit.QuarkusTest;

/** The edge refuses bad tokens before any service sees the request. */
@QuarkusTest
class GatewaySecurityTest extends TokenSecurityContract {

    GatewaySecurityTest() {
        super("/api/v1/me/progress", "learner", "integration", false);
    }
}
