package com.upward.e2e.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.upward.e2e.fuzz.ApiDocument.Operation;
import com.upward.e2e.fuzz.ApiDocument.Parameter;
import com.upward.e2e.fuzz.RawHttp.Request;
import com.upward.platform.testing.TestTokens;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The bad requests sent to one operation. Each is the operation's valid request with one thing wrong: a token
 * with a crafted claim, a path or query parameter or header of the wrong type, empty, null or huge, a body field
 * likewise, a malformed body, a wrong content type, a body just over the size limit, another method, an
 * unacceptable Accept, a target that is not a URI. The list is the same on every run: nothing is random.
 */
public final class Mutations {

    /** What a case may get back, beyond the rules for every answer (no 5xx, every 4xx a problem). */
    public enum Expect {
        /** Any status below 500. */
        ANY,
        /** A 4xx: the token lacks what every call needs (a subject, a role, a valid signature...). */
        REFUSED,
        /** The fixture's learner named under another organisation: whatever the answer, the learner's data is unchanged. */
        CROSS_TENANT,
        /** A request target that is not a URI: a 400 problem (platform-web's HeaderAndUriLimits, not Quarkus' bare 400). */
        NOT_A_URI
    }

    /** One bad request; {@value #ETAG} in a header stands for the resource's current ETag, filled in when sent. */
    public record Case(String label, Request request, Expect expect) {
    }

    public static final String ETAG = "{current-etag}";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> ROLES = List.of("learner", "admin", "author", "integration");
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    /** Longer than any text field may be (a text block's 20,000 characters), well under the body limit. */
    private static final int HUGE = 30_000;
    /** More items than any list may hold (500). */
    private static final int MANY = 1_000;

    private final Operation operation;
    private final Fixture fixture;
    private final ApiDocument document;
    private final int bodyLimit;
    private final List<Case> cases = new ArrayList<>();
    private JsonNode validBody;

    private Mutations(Operation operation, Fixture fixture, ApiDocument document, int bodyLimit) {
        this.operation = operation;
        this.fixture = fixture;
        this.document = document;
        this.bodyLimit = bodyLimit;
    }

    public static List<Case> of(Operation operation, Fixture fixture, ApiDocument document, int bodyLimit) {
        Mutations mutations = new Mutations(operation, fixture, document, bodyLimit);
        mutations.tokens();
        mutations.parameters();
        mutations.bodies();
        mutations.requestLine();
        return List.copyOf(mutations.cases);
    }

    // The valid request

    private String role() {
        return operation.secured() ? operation.roles().get(0) : null;
    }

    private Map<String, String> pathValues() {
        Map<String, String> values = new LinkedHashMap<>();
        for (Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("path")) {
                values.put(parameter.name(), encode(fixture.pathValue(operation, parameter.name())));
            }
        }
        return values;
    }

    private Map<String, String> queryValues() {
        Map<String, String> values = new LinkedHashMap<>();
        for (Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("query") && parameter.required()) {
                values.put(parameter.name(), encode(fixture.queryValue(operation, parameter.name())));
            }
        }
        return values;
    }

    private String target(Map<String, String> path, Map<String, String> query) {
        String target = operation.path();
        for (Map.Entry<String, String> value : path.entrySet()) {
            target = target.replace("{" + value.getKey() + "}", value.getValue());
        }
        StringBuilder withQuery = new StringBuilder(target);
        char separator = '?';
        for (Map.Entry<String, String> value : query.entrySet()) {
            withQuery.append(separator).append(value.getKey());
            if (value.getValue() != null) {
                withQuery.append('=').append(value.getValue());
            }
            separator = '&';
        }
        return withQuery.toString();
    }

    private Map<String, String> headers(String token) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        for (Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("header") && parameter.name().equalsIgnoreCase("If-Match")) {
                headers.put("If-Match", ETAG);
            }
        }
        return headers;
    }

    private JsonNode validBody() {
        if (validBody == null && operation.bodySchema() != null) {
            validBody = fixture.validBody(operation, document);
        }
        return validBody;
    }

    /** The valid request with one change made to its parts. */
    private Request request(Consumer<Parts> change) {
        Parts parts = new Parts(operation.method(), pathValues(), queryValues(), headers(role() == null ? null : fixture.token(role())),
                validBody() == null ? null : bytes(validBody()));
        if (parts.body != null) {
            parts.headers.put("Content-Type", "application/json");
        }
        change.accept(parts);
        return new Request(parts.method, parts.target != null ? parts.target : target(parts.path, parts.query),
                parts.headers, parts.body, parts.chunked);
    }

    /** The parts of a request, to change one of them. */
    private static final class Parts {
        final Map<String, String> path;
        final Map<String, String> query;
        final Map<String, String> headers;
        byte[] body;
        boolean chunked;
        String target;
        String method;

        Parts(String method, Map<String, String> path, Map<String, String> query, Map<String, String> headers, byte[] body) {
            this.method = method;
            this.path = path;
            this.query = query;
            this.headers = headers;
            this.body = body;
        }
    }

    private void add(String label, Expect expect, Consumer<Parts> change) {
        cases.add(new Case(label, request(change), expect));
    }

    // Tokens

    private void tokens() {
        if (!operation.secured()) {
            add("token: expired", Expect.ANY, parts -> parts.headers.put("Authorization", "Bearer " + TestTokens.expired()));
            add("token: not a JWT", Expect.ANY, parts -> parts.headers.put("Authorization", "Bearer " + TestTokens.malformed()));
            return;
        }
        String role = role();
        Fixture.Identity identity = fixture.identity(role);
        // A write always needs the organisation; a read needs it where it reads tenant data.
        Expect organisation = operation.writes() ? Expect.REFUSED : Expect.ANY;
        crafted("org is an array", organisation, role, claims -> claims.put("org", List.of(identity.org(), Fixture.OTHER_ORG)));
        crafted("org is a number", organisation, role, claims -> claims.put("org", 42));
        crafted("org is an object", organisation, role, claims -> claims.put("org", Map.of("id", identity.org())));
        crafted("org is a boolean", organisation, role, claims -> claims.put("org", true));
        crafted("org is null", organisation, role, claims -> claims.put("org", null));
        crafted("org is empty", organisation, role, claims -> claims.put("org", ""));
        crafted("org is missing", organisation, role, claims -> claims.remove("org"));
        crafted("org holds a NUL", organisation, role, claims -> claims.put("org", identity.org() + "\u0000"));
        crafted("another organisation", Expect.CROSS_TENANT, role, claims -> claims.put("org", Fixture.OTHER_ORG));
        crafted("sub is missing", Expect.REFUSED, role, claims -> claims.remove("sub"));
        crafted("sub is empty", Expect.REFUSED, role, claims -> claims.put("sub", ""));
        crafted("sub is a number", Expect.ANY, role, claims -> claims.put("sub", 42));
        crafted("sub holds control characters", Expect.REFUSED, role, claims -> claims.put("sub", "fuzz\u0000learner\n"));
        crafted("sub is 1,000 characters", Expect.ANY, role, claims -> claims.put("sub", "s".repeat(1000)));
        String wrongRole = ROLES.stream().filter(r -> !operation.roles().contains(r)).findFirst().orElseThrow();
        crafted("role " + wrongRole + " only", Expect.REFUSED, role, claims -> claims.put("groups", List.of(wrongRole)));
        crafted("no role", Expect.REFUSED, role, claims -> claims.put("groups", List.of()));
        crafted("groups is a string", Expect.ANY, role, claims -> claims.put("groups", role));
        crafted("name is an object", Expect.ANY, role, claims -> claims.put("name", Map.of("first", "Fuzz")));
        crafted("name holds a NUL", Expect.ANY, role, claims -> claims.put("name", "Fuzz\u0000Name"));
        add("token: expired", Expect.REFUSED, parts -> parts.headers.put("Authorization", "Bearer " + TestTokens.expired()));
        add("token: alg none", Expect.REFUSED, parts -> parts.headers.put("Authorization", "Bearer " + TestTokens.algNone()));
        add("token: not a JWT", Expect.REFUSED, parts -> parts.headers.put("Authorization", "Bearer " + TestTokens.malformed()));
        add("token: none", Expect.REFUSED, parts -> parts.headers.remove("Authorization"));
        add("token: Basic scheme", Expect.REFUSED, parts -> parts.headers.put("Authorization", "Basic ZnV6ejpmdXp6"));
    }

    private void crafted(String label, Expect expect, String role, Consumer<Map<String, Object>> change) {
        String token = TOKENS.computeIfAbsent(role + "/" + label, key -> {
            Map<String, Object> claims = fixture.identity(role).claims();
            change.accept(claims);
            return TestTokens.signed(claims);
        });
        add("token: " + label, expect, parts -> parts.headers.put("Authorization", "Bearer " + token));
    }

    // Parameters

    private static final Map<String, String> PATH_VALUES = values(
            "empty", "",
            "null", "null",
            "zero", "0",
            "negative", "-1",
            "decimal", "1.5",
            "boolean", "true",
            "upper case", "ABC",
            "unicode", encode("ünïcødé-✓"),
            "NUL", "%00",
            "dot-dot", "%2E%2E",
            "encoded slash", "a%2Fb",
            "SQL", encode("x' OR '1'='1"),
            "81 characters", "a".repeat(81),
            "unknown UUID", "00000000-0000-0000-0000-000000000000",
            "5,000 characters", "a".repeat(5000));

    private static final Map<String, String> QUERY_VALUES = values(
            "empty", "",
            "null", "null",
            "negative", "-1",
            "decimal", "1.5",
            "text", "abc",
            "overflow", "99999999999999999999",
            "NUL", "%00",
            "script", encode("<script>alert(1)</script>"),
            "3,000 characters", "a".repeat(3000),
            "5,000 characters", "a".repeat(5000));

    private static final Map<String, String> HEADER_VALUES = values(
            "empty", "",
            "garbage", "garbage",
            "unknown revision", "\"999999\"",
            "any", "*",
            "weak", "W/\"1\"",
            "null", "null",
            "Latin-1", "\u00fcn\u00ef",
            "20,000 characters", "\"" + "9".repeat(20_000) + "\"");

    private void parameters() {
        for (Parameter parameter : operation.parameters()) {
            String name = parameter.name();
            switch (parameter.in()) {
                case "path" -> PATH_VALUES.forEach((label, value) ->
                        add("path " + name + ": " + label, Expect.ANY, parts -> parts.path.put(name, value)));
                case "query" -> {
                    QUERY_VALUES.forEach((label, value) ->
                            add("query " + name + ": " + label, Expect.ANY, parts -> parts.query.put(name, value)));
                    add("query " + name + ": twice", Expect.ANY, parts -> parts.target = target(parts.path, parts.query)
                            + (parts.query.isEmpty() ? "?" : "&") + name + "=1&" + name + "=2");
                    add("query " + name + ": no value", Expect.ANY, parts -> parts.query.put(name, null));
                    if (parameter.required()) {
                        add("query " + name + ": missing", Expect.ANY, parts -> parts.query.remove(name));
                    }
                }
                case "header" -> {
                    HEADER_VALUES.forEach((label, value) ->
                            add("header " + name + ": " + label, Expect.ANY, parts -> parts.headers.put(name, value)));
                    add("header " + name + ": missing", Expect.ANY, parts -> parts.headers.remove(name));
                }
                default -> {
                }
            }
        }
    }

    // Bodies

    private void bodies() {
        if (operation.bodySchema() != null) {
            JsonNode valid = validBody();
            fields(document.resolve(operation.bodySchema()), valid, new ArrayList<>(), 0);
            ObjectNode unknown = valid.deepCopy();
            unknown.put("unexpectedField", 1);
            addBody("body: an unknown field", bytes(unknown));
            document.resolve(operation.bodySchema()).path("required").forEach(required -> {
                ObjectNode without = valid.deepCopy();
                without.remove(required.asText());
                addBody("body: " + required.asText() + " missing", bytes(without));
            });
            malformed(valid);
            contentTypes(bytes(valid));
        } else if (operation.writes() && !operation.consumes().contains("application/x-www-form-urlencoded")) {
            // A write that takes no body refuses one rather than ignore it.
            addBody("body: JSON on a write that takes none", "{\"courseId\":\"x\"}".getBytes(StandardCharsets.UTF_8));
            add("body: text on a write that takes none", Expect.ANY, parts -> {
                parts.body = "hello".getBytes(StandardCharsets.UTF_8);
                parts.headers.put("Content-Type", "text/plain");
            });
        }
        if (operation.consumes().contains("application/x-www-form-urlencoded")) {
            form("body: a form", "username=fuzz%40nowhere&password=not-the-password");
            form("body: a form with an unknown field", "username=x&password=y&org=acme");
            form("body: a form with a malformed escape", "username=%zz&password=%");
            form("body: a form of the other grant, half filled", "grant_type=client_credentials&client_id=");
            form("body: a form of " + HUGE + " characters", "username=" + "x".repeat(HUGE) + "&password=y");
        }
        if (operation.writes()) {
            byte[] overLimit = overLimit();
            add("body: " + overLimit.length + " bytes, one over the limit, with its length", Expect.ANY, parts -> {
                parts.body = overLimit;
                parts.headers.put("Content-Type", "application/json");
            });
            add("body: " + overLimit.length + " bytes, one over the limit, chunked", Expect.ANY, parts -> {
                parts.body = overLimit;
                parts.chunked = true;
                parts.headers.put("Content-Type", "application/json");
            });
        }
    }

    /** Each field (and, two levels down, the first item of an array or entry of a map) made wrong in each way. */
    private void fields(JsonNode schema, JsonNode valid, List<Object> at, int depth) {
        if (schema.has("properties")) {
            for (Iterator<Map.Entry<String, JsonNode>> properties = schema.get("properties").fields(); properties.hasNext(); ) {
                Map.Entry<String, JsonNode> property = properties.next();
                if (valid.has(property.getKey())) {
                    field(document.resolve(property.getValue()), valid.get(property.getKey()), append(at, property.getKey()), depth);
                }
            }
        }
    }

    private void field(JsonNode schema, JsonNode valid, List<Object> at, int depth) {
        for (Map.Entry<String, JsonNode> mutation : wrongValues(schema, valid).entrySet()) {
            ObjectNode body = validBody().deepCopy();
            set(body, at, mutation.getValue());
            addBody("body " + describe(at) + ": " + mutation.getKey(), bytes(body));
        }
        if (depth >= 2) {
            return;
        }
        String type = schema.path("type").asText("object");
        if (type.equals("array") && valid.isArray() && valid.size() > 0) {
            field(document.resolve(schema.path("items")), valid.get(0), append(at, 0), depth + 1);
        } else if (type.equals("object") && schema.has("properties")) {
            fields(schema, valid, at, depth + 1);
        } else if (type.equals("object") && schema.has("additionalProperties") && valid.isObject() && valid.size() > 0) {
            String key = valid.fieldNames().next();
            field(document.resolve(schema.path("additionalProperties")), valid.get(key), append(at, key), depth + 1);
        }
    }

    private static Map<String, JsonNode> wrongValues(JsonNode schema, JsonNode valid) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        values.put("null", NODES.nullNode());
        switch (schema.has("enum") ? "string" : schema.path("type").asText("object")) {
            case "string" -> {
                values.put("a number", NODES.numberNode(123));
                values.put("an array", NODES.arrayNode().add("x"));
                values.put("empty", NODES.textNode(""));
                values.put("blank", NODES.textNode("   "));
                values.put("a NUL character", NODES.textNode("fuzz\u0000text"));
                values.put("unicode", NODES.textNode("ünïcødé ✓ 😀"));
                values.put("a formula and a script", NODES.textNode("=1+2<script>alert(1)</script>"));
                values.put(HUGE + " characters", NODES.textNode("x".repeat(HUGE)));
            }
            case "integer" -> {
                values.put("a string", NODES.textNode("5"));
                values.put("a fraction", NODES.numberNode(5.5));
                values.put("negative", NODES.numberNode(-1));
                values.put("past int", NODES.numberNode(2_147_483_648L));
                values.put("30 digits", NODES.numberNode(new BigInteger("123456789012345678901234567890")));
                values.put("1E+400", NODES.numberNode(new BigDecimal("1E+400")));
                values.put("an object", NODES.objectNode());
            }
            case "number" -> {
                values.put("a string", NODES.textNode("5"));
                values.put("negative", NODES.numberNode(-1));
                values.put("1E+400", NODES.numberNode(new BigDecimal("1E+400")));
            }
            case "boolean" -> {
                values.put("a string", NODES.textNode("true"));
                values.put("a number", NODES.numberNode(1));
            }
            case "array" -> {
                values.put("an object", NODES.objectNode());
                values.put("a string", NODES.textNode("x"));
                values.put("empty", NODES.arrayNode());
                values.put("[null]", NODES.arrayNode().addNull());
                if (valid.isArray() && valid.size() > 0) {
                    ArrayNode huge = NODES.arrayNode();
                    int copies = MANY;
                    for (int i = 0; i < copies; i++) {
                        huge.add(valid.get(0));
                    }
                    values.put(copies + " items", huge);
                }
            }
            default -> {
                values.put("an array", NODES.arrayNode());
                values.put("a string", NODES.textNode("x"));
                values.put("empty", NODES.objectNode());
            }
        }
        return values;
    }

    private void malformed(JsonNode valid) {
        String json = valid.toString();
        String first = valid.fieldNames().hasNext() ? valid.fieldNames().next() : "x";
        addBody("body: empty", new byte[0]);
        addBody("body: cut short", json.substring(0, json.length() / 2).getBytes(StandardCharsets.UTF_8));
        addBody("body: {", "{".getBytes(StandardCharsets.UTF_8));
        addBody("body: an array", "[]".getBytes(StandardCharsets.UTF_8));
        addBody("body: null", "null".getBytes(StandardCharsets.UTF_8));
        addBody("body: a string", "\"text\"".getBytes(StandardCharsets.UTF_8));
        addBody("body: a number", "123".getBytes(StandardCharsets.UTF_8));
        addBody("body: two objects", (json + json).getBytes(StandardCharsets.UTF_8));
        addBody("body: a trailing comma", (json.substring(0, json.length() - 1) + ",}").getBytes(StandardCharsets.UTF_8));
        addBody("body: a comment", ("/* c */" + json).getBytes(StandardCharsets.UTF_8));
        addBody("body: single quotes", json.replace('"', '\'').getBytes(StandardCharsets.UTF_8));
        addBody("body: NaN", ("{\"" + first + "\":NaN}").getBytes(StandardCharsets.UTF_8));
        addBody("body: a byte-order mark", ("\uFEFF" + json).getBytes(StandardCharsets.UTF_8));
        addBody("body: the same field twice", ("{\"" + first + "\":1," + json.substring(1)).getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream invalidUtf8 = new ByteArrayOutputStream();
        invalidUtf8.writeBytes(("{\"" + first + "\":\"").getBytes(StandardCharsets.UTF_8));
        invalidUtf8.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
        invalidUtf8.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
        addBody("body: invalid UTF-8", invalidUtf8.toByteArray());
        addBody("body: 5,000-digit number", ("{\"" + first + "\":" + "1".repeat(5000) + "}").getBytes(StandardCharsets.UTF_8));
        addBody("body: nested 50,000 deep", ("[".repeat(50_000) + "]".repeat(50_000)).getBytes(StandardCharsets.UTF_8));
    }

    private void contentTypes(byte[] valid) {
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=fuzz", "application/json; charset=UTF-16")) {
            add("content type " + type, Expect.ANY, parts -> {
                parts.body = valid;
                parts.headers.put("Content-Type", type);
            });
        }
        add("content type: none", Expect.ANY, parts -> {
            parts.body = valid;
            parts.headers.remove("Content-Type");
        });
    }

    private void form(String label, String form) {
        add(label, Expect.ANY, parts -> {
            parts.body = form.getBytes(StandardCharsets.UTF_8);
            parts.headers.put("Content-Type", "application/x-www-form-urlencoded");
        });
    }

    private void addBody(String label, byte[] body) {
        add(label, Expect.ANY, parts -> {
            parts.body = body;
            parts.headers.put("Content-Type", "application/json");
        });
    }

    /** A JSON body one byte over the configured limit (quarkus.http.limits.max-body-size). */
    private byte[] overLimit() {
        String prefix = "{\"text\":\"";
        String suffix = "\"}";
        return (prefix + "x".repeat(bodyLimit + 1 - prefix.length() - suffix.length()) + suffix).getBytes(StandardCharsets.UTF_8);
    }

    // The request line

    private void requestLine() {
        add("method PATCH", Expect.ANY, parts -> parts.method = "PATCH");
        add("Accept: application/xml only", Expect.ANY, parts -> parts.headers.put("Accept", "application/xml"));
        add("a target that is not a URI", Expect.NOT_A_URI, parts -> parts.target = target(parts.path, parts.query)
                + (parts.query.isEmpty() ? "?" : "&") + "fuzz=%zz");
    }

    // Helpers

    private static Map<String, String> values(String... labelsAndValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < labelsAndValues.length; i += 2) {
            values.put(labelsAndValues[i], labelsAndValues[i + 1]);
        }
        return values;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static List<Object> append(List<Object> at, Object step) {
        List<Object> longer = new ArrayList<>(at);
        longer.add(step);
        return longer;
    }

    private static String describe(List<Object> at) {
        StringBuilder path = new StringBuilder();
        for (Object step : at) {
            path.append(step instanceof Integer index ? "[" + index + "]" : (path.isEmpty() ? "" : ".") + step);
        }
        return path.toString();
    }

    private static void set(JsonNode root, List<Object> at, JsonNode value) {
        JsonNode parent = root;
        for (int i = 0; i < at.size() - 1; i++) {
            parent = at.get(i) instanceof Integer index ? parent.get(index) : parent.get((String) at.get(i));
        }
        Object last = at.get(at.size() - 1);
        if (last instanceof Integer index) {
            ((ArrayNode) parent).set(index, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return ApiDocument.JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
