package com.upward.platform.web.errors;

/** A write that must say which revision it edits (If-Match) did not. */
public class PreconditionRequiredException extends DomainException {

    public PreconditionRequiredException(String detail) {
        super("Precondition required", detail);
    }

    public PreconditionRequiredException(String title, String detail) {
        super(title, detail);
    }
}
