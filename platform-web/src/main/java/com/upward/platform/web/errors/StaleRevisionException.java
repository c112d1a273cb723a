package com.upward.platform.web.errors;

/** The caller edited from an older revision than the current one (an If-Match that no longer matches). */
public class StaleRevisionException extends DomainException {

    public StaleRevisionException(String detail) {
        super("Precondition failed", detail);
    }

    public StaleRevisionException(String title, String detail) {
        super(title, detail);
    }
}
