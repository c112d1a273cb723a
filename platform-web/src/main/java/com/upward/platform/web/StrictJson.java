package com.upward.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Request bodies are taken as typed: "5" is not a number, 5.5 is not a whole number, 123 is not text, and a body is
 * one document ({"a":1}{"a":2} is refused). Jackson would otherwise store them silently converted (5.5 as 5) or
 * read the first document only. Unknown fields are refused by configuration
 * (quarkus.jackson.fail-on-unknown-properties). Events are written by our own code with these same types.
 * Text, values and map keys alike, may not hold a NUL character: PostgreSQL keeps none in text or jsonb, so it
 * is refused here (400) rather than failing at the database.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    public static final String NUL_MESSAGE = "Text must not contain a NUL character";

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
        // A body is one JSON document, not one followed by more.
        mapper.configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);
        // Text fields take text only, not a number or a boolean written without quotes.
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("upward-text-without-nul")
                .addDeserializer(String.class, new TextWithoutNul())
                .addKeyDeserializer(String.class, new KeyWithoutNul()));
    }

    /** Text as Jackson reads it, refused when it holds a NUL character. */
    static final class TextWithoutNul extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (text != null && text.indexOf('\0') >= 0) {
                throw InvalidFormatException.from(parser, NUL_MESSAGE, text, String.class);
            }
            return text;
        }
    }

    /** A map key, refused when it holds a NUL character. */
    static final class KeyWithoutNul extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            if (key.indexOf('\0') >= 0) {
                return context.handleWeirdKey(String.class, key, NUL_MESSAGE);
            }
            return key;
        }
    }
}
