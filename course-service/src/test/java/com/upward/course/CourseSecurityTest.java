package com.upward.course;

import com.upward.platform.testing.TokenSecurityContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CourseSecurityTest extends TokenSecurityContract {

    CourseSecurityTest() {
        super("/api/v1/courses/how-to-lead-upward", "learner", "integration");
    }
}
