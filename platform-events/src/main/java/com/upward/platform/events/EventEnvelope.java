package com.upward.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A CloudEvents 1.0 event in Kafka's binary mode: the attributes in {@code ce_*} headers, the data as the
 * JSON value. This is what consumers get after the envelope has been checked.
 */
public record EventEnvelope(String id, String type, String source, String subject, Instant time,
                            String topic, String key, JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CE_ID = "ce_id";
    public static final String CE_TYPE = "ce_type";
    public static final String CE_SOURCE = "ce_source";
    public static final String CE_TIME = "ce_time";
    public static final String CE_SUBJECT = "ce_subject";
    public static final String CE_SPECVERSION = "ce_specversion";
    public static final String CONTENT_TYPE = "content-type";
    public static final String JSON = "application/json";

    /** Reads and checks the envelope; anything unusable is a poison record, never retried. */
    static EventEnvelope parse(ConsumerRecord<String, String> record, com.fasterxml.jackson.databind.ObjectMapper mapper) {
        Headers headers = record.headers();
        String id = required(headers, CE_ID);
        String type = required(headers, CE_TYPE);
        String source = required(headers, CE_SOURCE);
        String time = required(headers, CE_TIME);
        String contentType = header(headers, CONTENT_TYPE);
        if (contentType != null && !contentType.startsWith(JSON)) {
            throw new PoisonEventException("content-type is " + contentType + ", expected " + JSON);
        }
        if (record.value() == null) {
            throw new PoisonEventException("the record has no value");
        }
        JsonNode data;
        try {
            data = mapper.readTree(record.value());
        } catch (Exception e) {
            throw new PoisonEventException("the value is not JSON: " + e.getMessage());
        }
        if (data == null || !data.isObject()) {
            throw new PoisonEventException("the value is not a JSON object");
        }
        Instant occurred;
        try {
            occurred = Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw new PoisonEventException("ce_time is not an RFC 3339 timestamp: " + time);
        }
        return new EventEnvelope(id, type, source, header(headers, CE_SUBJECT), occurred, record.topic(), record.key(), data);
    }

    private static String required(Headers headers, String name) {
        String value = header(headers, name);
        if (value == null || value.isBlank()) {
            throw new PoisonEventException("header " + name + " is missing");
        }
        return value;
    }

    static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
