package com.upward.platform.web.errors;

/**
 * A refusal a service's rules raise. It names what went wrong, not an HTTP status: ProblemMappers alone
 * decides how each kind is answered. The title is short and the detail says what the caller can do.
 */
public abstract class DomainException extends RuntimeException {

    private final String title;

    protected DomainException(String title, String detail) {
        super(detail);
        this.title = title;
    }

    public String title() {
        return title;
    }
}
