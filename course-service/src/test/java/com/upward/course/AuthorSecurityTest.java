package com.upward.course;

import com.upward.platform.testing.TokenSecurityContract;
import io.quarkus.test.junit.QuarkusTest;

/** The author API checks the token itself: every bad token is 401, a learner or a token without a string org is 403. */
@QuarkusTest
class AuthorSecurityTest extends TokenSecurityContract {

    AuthorSecurityTest() {
        super("/api/v1/admin/courses", "author", "learner");
    }
}
