package com.upward.progress.rest;

/** The shapes of ids this service accepts in paths, queries and bodies, besides course ids ({@code @Slug}). */
final class Ids {
    static final String LEARNER = "[A-Za-z0-9@._:|-]{1,120}";
    static final String LEARNER_MESSAGE = "must be 1-120 letters, digits or @ . _ : | -";
    static final String CERTIFICATE = "[A-Za-z0-9_-]{22}";
    static final String CERTIFICATE_MESSAGE = "must be a 22-character certificate id";

    private Ids() {
    }
}
