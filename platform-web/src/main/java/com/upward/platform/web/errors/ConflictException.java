package com.upward.platform.web.errors;

/** The request is well formed but clashes with the current state (a duplicate, a used-up limit, a locked step). */
public class ConflictException extends DomainException {

    public ConflictException(String detail) {
        super("Conflict", detail);
    }

    public ConflictException(String title, String detail) {
        super(title, detail);
    }
}
