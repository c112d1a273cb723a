package com.upward.platform.events;

import jakarta.validation.Validator;

import java.util.Optional;
import java.util.stream.Collectors;

/** An event's data checked against its contract's constraints, the same way where it is written and where it is read. */
final class ContractViolations {

    private ContractViolations() {
    }

    /** "field message, ..." in a stable order; empty when the data keeps its contract. */
    static Optional<String> of(Validator validator, Object data) {
        String violations = validator.validate(data).stream().map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted()
                .collect(Collectors.joining(", "));
        return violations.isEmpty() ? Optional.empty() : Optional.of(violations);
    }
}
