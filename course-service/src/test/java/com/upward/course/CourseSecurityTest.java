package com.upward.course;

import com.upward.platform.testing.TokenSecurityContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CourseSecurityTest extends TokenSecurityContract {

    @Override
    protected String protectedPath() {
        return "/api/v1/courses/how-to-lead-upward";
    }

    @Override
    protected String allowedRole() {
        return "learner";
    }

    @Override
    protected String otherRole() {
        return "integration";
    }
}
