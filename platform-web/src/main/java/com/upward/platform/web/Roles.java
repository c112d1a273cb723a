package com.upward.platform.web;

/** The four roles of DESIGN.md, as the token's {@code groups} claim carries them. */
public final class Roles {
    public static final String LEARNER = "learner";
    public static final String ADMIN = "admin";
    public static final String AUTHOR = "author";
    public static final String INTEGRATION = "integration";

    private Roles() {
    }
}
