package com.upward.platform.web.errors;

/** What the caller named does not exist, or is not theirs to see (the same answer either way). */
public class NotFoundException extends DomainException {

    public NotFoundException(String detail) {
        super("Not found", detail);
    }

    public NotFoundException(String title, String detail) {
        super(title, detail);
    }
}
