package com.upward.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A value as JSON text and back where a failure is the service's own bug, never the caller's: JSON columns that a
 * native query binds as text, stored xAPI statements, a draft's content. A failure is an
 * {@link IllegalStateException} saying what could not be written or read.
 */
public final class JsonText {

    public static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** {@code what} names the stored value in the error ("A stored power profile"). */
    public static <T> T read(ObjectMapper mapper, String json, Class<T> type, String what) {
        try {
            return mapper.readValue(json, type);
        } catch (Exception e) {
            throw new IllegalStateException(what + " is unreadable", e);
        }
    }

    /** {@code what} names the stored value in the error ("A stored power profile"). */
    public static <T> T read(ObjectMapper mapper, String json, TypeReference<T> type, String what) {
        try {
            return mapper.readValue(json, type);
        } catch (Exception e) {
            throw new IllegalStateException(what + " is unreadable", e);
        }
    }

    private JsonText() {
    }
}
