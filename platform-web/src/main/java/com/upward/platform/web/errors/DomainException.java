package com.upward.platform.web.errors;

import com.upward.platform.web.Problem;

import java.util.List;

/**
 * A refusal a service's rules raise. It names what went wrong, not an HTTP status: ProblemMappers alone
 * decides how each kind is answered. The title is short and the detail says what the caller can do.
 */
public abstract class DomainException extends RuntimeException {

    private final String title;
    private final List<Problem.FieldError> errors;

    protected DomainException(String title, String detail) {
        this(title, detail, List.of());
    }

    /** A refusal that names each invalid field (or file and field), so a person can mend them all at once. */
    protected DomainException(String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public String title() {
        return title;
    }
}
