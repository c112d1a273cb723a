package com.upward.e2e.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The operations of an OpenAPI 3 document (as the generated JSON has them), with their $refs resolved. */
public final class ApiDocument {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    /** A path, query or header parameter. */
    public record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /**
     * One operation: method and path template, parameters, the JSON body's schema (null when it takes none), the
     * media types it consumes, and the roles its security requirement names (empty: anyone).
     */
    public record Operation(String method, String path, List<Parameter> parameters, JsonNode bodySchema,
                            List<String> consumes, List<String> roles) {

        public boolean writes() {
            return !"GET".equals(method);
        }

        public boolean secured() {
            return !roles.isEmpty();
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final JsonNode root;

    private ApiDocument(JsonNode root) {
        this.root = root;
    }

    public static ApiDocument parse(String json) {
        try {
            return new ApiDocument(JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the document has this method on this path template. */
    public boolean has(String method, String path) {
        return root.path("paths").path(path).has(method.toLowerCase(Locale.ROOT));
    }

    /** Every operation, in path then method order (the walk is the same on every run). */
    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (METHODS.contains(method.getKey())) {
                    operations.add(operation(path.getKey(), path.getValue(), method.getKey(), method.getValue()));
                }
            }
        }
        operations.sort(Comparator.comparing(Operation::path).thenComparing(Operation::method));
        return operations;
    }

    private Operation operation(String path, JsonNode pathItem, String method, JsonNode node) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode parameter : concat(pathItem.path("parameters"), node.path("parameters"))) {
            JsonNode resolved = resolve(parameter);
            parameters.add(new Parameter(resolved.path("name").asText(), resolved.path("in").asText(),
                    resolved.path("required").asBoolean(false), resolve(resolved.path("schema"))));
        }
        JsonNode content = resolve(node.path("requestBody")).path("content");
        List<String> consumes = new ArrayList<>();
        content.fieldNames().forEachRemaining(consumes::add);
        JsonNode bodySchema = content.has("application/json") ? resolve(content.path("application/json").path("schema")) : null;
        List<String> roles = new ArrayList<>();
        for (JsonNode requirement : node.path("security")) {
            requirement.elements().forEachRemaining(scopes -> scopes.forEach(role -> roles.add(role.asText())));
        }
        return new Operation(method.toUpperCase(Locale.ROOT), path, List.copyOf(parameters), bodySchema,
                List.copyOf(consumes), List.copyOf(roles));
    }

    /** Follows a local $ref (#/components/...) to what it names; anything else as it is. */
    public JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current != null && current.has("$ref") && hops < 10; hops++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                break;
            }
            current = root.at(ref.substring(1));
        }
        return current;
    }

    private static List<JsonNode> concat(JsonNode first, JsonNode second) {
        List<JsonNode> all = new ArrayList<>();
        first.forEach(all::add);
        second.forEach(all::add);
        return all;
    }
}
