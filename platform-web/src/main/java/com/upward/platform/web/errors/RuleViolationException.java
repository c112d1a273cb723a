package com.upward.platform.web.errors;

import com.upward.platform.web.Problem;

import java.util.List;

/** The request is well formed but breaks a rule of the domain (an invalid draft, an answer that does not fit). */
public class RuleViolationException extends DomainException {

    public RuleViolationException(String detail) {
        super("Unprocessable content", detail);
    }

    public RuleViolationException(String title, String detail) {
        super(title, detail);
    }

    public RuleViolationException(String title, String detail, List<Problem.FieldError> errors) {
        super(title, detail, errors);
    }
}
