package com.upward.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.upward.gateway.config.GatewayConfig;
import com.upward.gateway.routing.ServiceRoutes;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * /q/openapi is one document for the whole public API: the gateway's own endpoints and every path the gateway
 * routes, taken from the services' real generated documents (served by the stand-in; assessment-service's only
 * after refusing twice, as a service still starting).
 */
@QuarkusTest
class OpenApiTest {

    private static final List<String> SERVICES = List.of(ServiceRoutes.COURSE, ServiceRoutes.ASSESSMENT, ServiceRoutes.PROGRESS);
    private final ObjectMapper mapper = new ObjectMapper();

    @Inject
    GatewayConfig config;

    private JsonNode document;

    @BeforeEach
    void allThreeServicesDocumentsHaveArrived() {
        // assessment-service's document is refused at first; the gateway tries again until it arrives.
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            document = gatewayDocument();
            return document.path("paths").has("/api/v1/quizzes/{quizId}");
        });
        assertTrue(Integer.parseInt(given().queryParam("path", StandInServiceResource.OPENAPI + ServiceRoutes.ASSESSMENT)
                .get(standIn() + StandInServiceResource.HITS).asString()) > StandInServiceResource.ASSESSMENT_DOCUMENT_REFUSALS);
    }

    @Test
    void everyPathEachServiceDocumentsAndTheGatewayRoutesIsInTheDocumentWithItsOperations() throws Exception {
        List<ServiceRoutes.Route> routes = ServiceRoutes.of(config);
        for (String service : SERVICES) {
            JsonNode own = mapper.readTree(StandInServiceResource.serviceDocument(service));
            for (Iterator<String> paths = own.path("paths").fieldNames(); paths.hasNext(); ) {
                String path = paths.next();
                if (routedTo(routes, service, path)) {
                    assertTrue(document.path("paths").has(path), service + "'s " + path + " is documented");
                    for (Iterator<String> methods = own.path("paths").path(path).fieldNames(); methods.hasNext(); ) {
                        String method = methods.next();
                        assertTrue(document.path("paths").path(path).has(method), method + " " + path + " is documented");
                    }
                }
            }
        }
    }

    @Test
    void everyRouteOfTheRoutingTableHasDocumentedPaths() {
        for (ServiceRoutes.Route route : ServiceRoutes.of(config)) {
            Pattern pattern = Pattern.compile(route.pathRegex());
            assertTrue(fieldNames(document.path("paths")).stream().anyMatch(path -> pattern.matcher(path).matches()),
                    "the route " + route.pathRegex() + " to " + route.service() + " has a documented path");
        }
    }

    @Test
    void everyEndpointOfTheGatewaysOwnResourcesIsInTheDocument() throws Exception {
        List<String> templates = ownResourceTemplates();
        assertTrue(templates.contains("/api/v1/auth/token"), "the resources were found: " + templates);
        for (String template : templates) {
            assertTrue(document.path("paths").has(template), "the gateway's " + template + " is documented");
        }
    }

    @Test
    void onlyRoutedPathsAndTheGatewaysOwnAreDocumented() throws Exception {
        List<ServiceRoutes.Route> routes = ServiceRoutes.of(config);
        List<String> own = ownResourceTemplates();
        for (String path : fieldNames(document.path("paths"))) {
            assertTrue(own.contains(path) || routes.stream().anyMatch(route -> Pattern.compile(route.pathRegex()).matcher(path).matches()),
                    path + " is the gateway's own or routed");
        }
    }

    @Test
    void everyReferenceResolvesAndClashingSchemasAreKeptApart() throws Exception {
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);
        assertFalse(refs.isEmpty());
        for (String ref : refs) {
            assertTrue(ref.startsWith("#/"), ref);
            assertFalse(document.at(ref.substring(1)).isMissingNode(), ref + " resolves");
        }
        // course-service and progress-service both name a schema Completion, with different shapes.
        JsonNode course = mapper.readTree(StandInServiceResource.serviceDocument(ServiceRoutes.COURSE)).at("/components/schemas/Completion");
        JsonNode progress = mapper.readTree(StandInServiceResource.serviceDocument(ServiceRoutes.PROGRESS)).at("/components/schemas/Completion");
        JsonNode schemas = document.path("components").path("schemas");
        assertEquals(course, schemas.path("Completion"));
        assertFalse(course.equals(progress), "the two Completion schemas differ");
        assertEquals(fieldNames(progress.path("properties")), fieldNames(schemas.path("ProgressCompletion").path("properties")),
                "progress-service's Completion is kept as ProgressCompletion");
        assertTrue(schemas.path("PageCompletion").toString().contains("\"#/components/schemas/ProgressCompletion\""),
                "progress-service's page of completions refers to its own Completion");
    }

    @Test
    void everyJsonBodyHasARealSchema() {
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            List<JsonNode> bodies = new ArrayList<>();
            bodies.add(operation.getValue().path("requestBody"));
            operation.getValue().path("responses").forEach(bodies::add);
            for (JsonNode body : bodies) {
                JsonNode schema = body.path("content").path("application/json").path("schema");
                if (!body.path("content").path("application/json").isMissingNode()) {
                    assertTrue(schema.has("$ref") || schema.has("properties") || schema.has("additionalProperties")
                                    || schema.has("items") || schema.has("type")
                                    && !schema.path("type").asText().equals("object"),
                            operation.getKey() + " " + path.getKey() + " has a real JSON schema, not " + schema);
                }
            }
        }));
    }

    @Test
    void oneBearerSchemeForTheGatewayAndTheServices() {
        assertEquals("Upward API", document.path("info").path("title").asText());
        assertEquals("bearer", document.at("/components/securitySchemes/SecurityScheme/scheme").asText());
    }

    @Test
    void theDocumentIsServedAsYamlToo() {
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/v1/quizzes/{quizId}:"), containsString("/api/v1/auth/token:"));
    }

    @Test
    void swaggerUiShowsTheMergedDocument() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"), containsString("/q/openapi"));
    }

    private JsonNode gatewayDocument() throws Exception {
        return mapper.readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString());
    }

    private static boolean routedTo(List<ServiceRoutes.Route> routes, String service, String path) {
        return routes.stream().anyMatch(route -> route.service().equals(service) && path.matches(route.pathRegex()));
    }

    /** The path templates of the gateway's own JAX-RS resources (com.upward.gateway.rest), read from the classes. */
    private static List<String> ownResourceTemplates() throws URISyntaxException, ClassNotFoundException {
        File folder = new File(OpenApiTest.class.getClassLoader().getResource("com/upward/gateway/rest").toURI());
        Set<String> templates = new TreeSet<>();
        for (String file : folder.list()) {
            if (!file.endsWith(".class") || file.contains("$")) {
                continue;
            }
            Class<?> type = Class.forName("com.upward.gateway.rest." + file.replace(".class", ""));
            Path root = type.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            boolean sub = false;
            for (Method method : type.getDeclaredMethods()) {
                Path path = method.getAnnotation(Path.class);
                if (path != null) {
                    templates.add(join(root.value(), path.value()));
                    sub = true;
                }
            }
            if (!sub) {
                templates.add(root.value());
            }
        }
        return new ArrayList<>(templates);
    }

    private static String join(String root, String path) {
        return (root + "/" + path).replaceAll("/+", "/");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("$ref")) {
                    refs.add(field.getValue().asText());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectRefs(element, refs));
        }
    }

    private static String standIn() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("upward.gateway.services.course", String.class);
    }
}
