package com.upward.platform.web.errors;

/** The caller is who they say, but this is not theirs to do (a learner signing in under another organisation). */
public class AccessDeniedException extends DomainException {

    public AccessDeniedException(String detail) {
        super("Forbidden", detail);
    }
}
