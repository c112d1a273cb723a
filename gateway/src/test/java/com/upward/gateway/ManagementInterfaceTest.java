package com.upward.gateway;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static com.upward.platform.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Metrics and health answer on the management interface, a port of its own, never on the public port that the
 * Ingress sends the internet to; the public API's documentation stays on the public port.
 */
@QuarkusTest
class ManagementInterfaceTest {

    /** The management interface's root (its /q), on a random port in tests. */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void metricsAndHealthAreNotOnThePublicPort() {
        assertProblem(given().get("/q/metrics"), 404);
        assertProblem(given().get("/q/health"), 404);
        assertProblem(given().get("/q/health/ready"), 404);
    }

    @Test
    void theManagementPortServesThem() {
        String root = management.toString().replaceAll("/$", "");
        given().baseUri(root).get("/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
        given().baseUri(root).get("/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().baseUri(root).get("/health/live").then().statusCode(200);
        given().baseUri(root).get("/health/started").then().statusCode(200);
    }

    @Test
    void theApiDocumentationStaysOnThePublicPort() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).body("openapi", containsString("3."));
        given().redirects().follow(true).get("/q/swagger-ui/").then().statusCode(200);
    }
}
