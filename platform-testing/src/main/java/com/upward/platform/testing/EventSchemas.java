package com.upward.platform.testing;

import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks event data against the JSON Schema written once in platform-events (schemas/TYPE.schema.json). */
public final class EventSchemas {

    public static void assertMatchesSchema(String eventType, String json) {
        OutputUnit result = validate(eventType, json);
        assertTrue(result.getValid(), () -> eventType + " does not match its schema: " + result.getErrors() + "\n" + json);
    }

    public static boolean matches(String eventType, String json) {
        return validate(eventType, json).getValid();
    }

    private static OutputUnit validate(String eventType, String json) {
        Validator validator = Validator.create(JsonSchema.of(new JsonObject(schema(eventType))),
                new JsonSchemaOptions().setDraft(Draft.DRAFT202012).setBaseUri("https://upward.local/")
                        .setOutputFormat(OutputFormat.Basic));
        return validator.validate(new JsonObject(json));
    }

    private static String schema(String eventType) {
        String path = "schemas/" + eventType + ".schema.json";
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No schema at " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private EventSchemas() {
    }
}
