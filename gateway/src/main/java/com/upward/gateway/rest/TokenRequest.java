package com.upward.gateway.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Size;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A sign-in: {@code grant_type} password (the default: username and password) or client_credentials
 * (client_id and client_secret, for integration clients). Only the fields of the chosen grant may be sent.
 */
@TokenRequest.OneGrant
public record TokenRequest(@JsonProperty("grant_type") @Size(max = 40) String grantType,
                           @Size(max = 200) String username,
                           @Size(max = 200) String password,
                           @JsonProperty("client_id") @Size(max = 200) String clientId,
                           @JsonProperty("client_secret") @Size(max = 200) String clientSecret) {

    public static final String PASSWORD = "password";
    public static final String CLIENT_CREDENTIALS = "client_credentials";

    public String grant() {
        return grantType == null ? PASSWORD : grantType;
    }

    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = OneGrantValidator.class)
    public @interface OneGrant {
        String message() default "The fields do not match the grant type.";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** Names each missing or misplaced field, as the caller wrote it. */
    public static class OneGrantValidator implements ConstraintValidator<OneGrant, TokenRequest> {

        @Override
        public boolean isValid(TokenRequest request, ConstraintValidatorContext context) {
            if (request == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            boolean valid = true;
            switch (request.grant()) {
                case PASSWORD -> {
                    valid &= required(context, "username", request.username());
                    valid &= required(context, "password", request.password());
                    valid &= absent(context, "client_id", request.clientId());
                    valid &= absent(context, "client_secret", request.clientSecret());
                }
                case CLIENT_CREDENTIALS -> {
                    valid &= required(context, "client_id", request.clientId());
                    valid &= required(context, "client_secret", request.clientSecret());
                    valid &= absent(context, "username", request.username());
                    valid &= absent(context, "password", request.password());
                }
                default -> valid = violation(context, "grant_type", "must be password or client_credentials");
            }
            return valid;
        }

        private static boolean required(ConstraintValidatorContext context, String field, String value) {
            return value != null && !value.isBlank() || violation(context, field, "must not be blank");
        }

        private static boolean absent(ConstraintValidatorContext context, String field, String value) {
            return value == null || violation(context, field, "is not used with this grant_type");
        }

        private static boolean violation(ConstraintValidatorContext context, String field, String message) {
            context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
            return false;
        }
    }
}
