package com.upward.platform.web.errors;

/** A parameter or a body field that can never be accepted as written. */
public class InvalidInputException extends DomainException {

    public InvalidInputException(String detail) {
        super("Bad request", detail);
    }

    public InvalidInputException(String title, String detail) {
        super(title, detail);
    }
}
