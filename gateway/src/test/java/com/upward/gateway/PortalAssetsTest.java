package com.upward.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The portal's files: compressed when the browser accepts it, cached for long only where the URL holds a version. */
@QuarkusTest
class PortalAssetsTest {

    private static Response get(String path) {
        return given().header("Accept-Encoding", "gzip").header("X-Forwarded-For", "10.8.0.1").get(path);
    }

    @Test
    void aVersionedWebjarIsCompressedAndCachedForAYear() {
        Response chart = get("/webjars/chart.js/4.5.1/dist/chart.umd.js");
        assertEquals(200, chart.statusCode());
        assertEquals("gzip", chart.getHeader("Content-Encoding"));
        assertEquals("public, max-age=31536000, immutable", chart.getHeader("Cache-Control"));
    }

    @Test
    void thePortalsOwnFilesAreCompressedAndRevalidated() {
        for (String path : new String[] {"/", "/portal/app.js", "/portal/styles.css"}) {
            Response file = get(path);
            assertEquals(200, file.statusCode(), path);
            assertEquals("gzip", file.getHeader("Content-Encoding"), path);
            assertEquals("no-cache", file.getHeader("Cache-Control"), path);
        }
    }

    @Test
    void apiAnswersAreNotCompressedByTheGateway() {
        Response jwks = get("/.well-known/jwks.json");
        assertEquals(200, jwks.statusCode());
        assertNull(jwks.getHeader("Content-Encoding"));
        assertTrue(jwks.getContentType().startsWith("application/json"));
    }
}
