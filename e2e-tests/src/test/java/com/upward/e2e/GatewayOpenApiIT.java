package com.upward.e2e;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged gateway's /q/openapi documents every public path (and its methods) that each packaged service
 * documents at its own /q/openapi: a service path the gateway does not route, or drops from its document,
 * fails here.
 */
@ExtendWith(Platform.class)
class GatewayOpenApiIT {

    @Test
    void theGatewaysDocumentHasEveryPublicPathOfEachService() {
        for (String service : new String[] {"course-service", "assessment-service", "progress-service"}) {
            Map<String, Map<String, Object>> own = document(Platform.stack().serviceUrl(service)).getMap("paths");
            assertTrue(own.keySet().stream().anyMatch(path -> path.startsWith("/api/v1/")), service + " documents its API");
            // The gateway reads the services' documents after it starts; give it a moment to have all three.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                Map<String, Map<String, Object>> gateway = document(Platform.stack().gatewayUrl()).getMap("paths");
                own.forEach((path, operations) -> {
                    if (path.startsWith("/api/v1/")) {
                        assertTrue(gateway.containsKey(path), "the gateway documents " + service + "'s " + path);
                        operations.keySet().forEach(method -> assertTrue(gateway.get(path).containsKey(method),
                                "the gateway documents " + method + " " + path));
                    }
                });
            });
        }
    }

    private static JsonPath document(String baseUrl) {
        return given().baseUri(baseUrl).queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
    }
}
