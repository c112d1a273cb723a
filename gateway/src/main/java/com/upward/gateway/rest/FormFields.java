package com.upward.gateway.rest;

import com.upward.platform.web.errors.InvalidInputException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An application/x-www-form-urlencoded body taken apart by name. A malformed escape (a '%' not followed by two hex
 * digits) is the caller's mistake, a 400, where the framework's form reader would fail with a 500.
 */
final class FormFields {

    private FormFields() {
    }

    static Map<String, List<String>> parse(String form) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (form == null || form.isEmpty()) {
            return fields;
        }
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            fields.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return fields;
    }

    /** The first value of each field (LTI's forms never repeat one). */
    static Map<String, String> first(Map<String, List<String>> fields) {
        Map<String, String> first = new java.util.HashMap<>();
        fields.forEach((name, values) -> {
            if (!values.isEmpty()) {
                first.put(name, values.get(0));
            }
        });
        return first;
    }

    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw new InvalidInputException("The form is not URL-encoded: a '%' must be followed by two hex digits.");
        }
    }
}
