package com.upward.platform.testing;

import io.restassured.response.Response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks that an error answer is a proper problem+json: the real status, a title, and no internals. */
public final class Problems {

    public static void assertProblem(Response response, int status) {
        assertEquals(status, response.statusCode(), () -> "status; body was: " + response.asString());
        String contentType = response.contentType();
        assertNotNull(contentType, "content type");
        assertTrue(contentType.startsWith("application/problem+json"), () -> "content type was " + contentType);
        assertEquals(status, response.jsonPath().getInt("status"), "status in the body");
        String title = response.jsonPath().getString("title");
        assertTrue(title != null && !title.isBlank(), "title");
        String body = response.asString();
        assertFalse(body.contains("Exception") || body.contains("\tat ") || body.contains("java."),
                () -> "the problem leaks internals: " + body);
    }

    private Problems() {
    }
}
