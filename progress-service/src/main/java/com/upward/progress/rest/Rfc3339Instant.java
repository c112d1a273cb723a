package com.upward.progress.rest;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** A query parameter that must be an RFC 3339 date-time with an offset (absent is allowed). */
@Target({ElementType.PARAMETER, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Rfc3339Instant.Validator.class)
public @interface Rfc3339Instant {

    // A '+' offset must be sent as %2B: in a query string a bare '+' means a space.
    String message() default "must be an RFC 3339 date-time with an offset and a four-digit year, e.g. 2026-11-02T10:00:00Z"
            + " (send a '+' offset as %2B)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Rfc3339Instant, String> {

        static Instant parse(String value) {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            try {
                // RFC 3339 years have four digits; java.time takes nine, which PostgreSQL cannot store.
                int year = OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).getYear();
                return year >= 0 && year <= 9999;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
    }
}
