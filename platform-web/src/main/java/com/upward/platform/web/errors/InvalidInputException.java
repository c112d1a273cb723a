package com.upward.platform.web.errors;

import com.upward.platform.web.Problem;

import java.util.List;

/** A parameter or a body field that can never be accepted as written. */
public class InvalidInputException extends DomainException {

    public InvalidInputException(String detail) {
        super("Bad request", detail);
    }

    public InvalidInputException(String title, String detail) {
        super(title, detail);
    }

    /** Names each field that cannot be accepted, so a form can show the reason beside it. */
    public InvalidInputException(String title, String detail, List<Problem.FieldError> errors) {
        super(title, detail, errors);
    }
}
