package com.upward.progress.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

/** Upward launched as a cmi5 AU: the LMSs each organisation uses, and how launches are answered. */
@ConfigMapping(prefix = "upward.cmi5")
public interface Cmi5Config {

    /**
     * Per organisation id: its LMS. A launch is accepted only when its {@code endpoint} starts with one of these,
     * which also names the organisation; its {@code fetch} URL must be on the same origin.
     */
    Map<String, Lms> lms();

    /**
     * Where the learner's browser goes after a launch: the portal's absolute URL (the gateway's), with
     * #/courses/... or #/quizzes/... appended. Absolute, because a relative one would be resolved against this service.
     */
    @WithDefault("http://localhost:8080/")
    String portalUrl();

    /** One call to an LMS at launch (fetch, state) may take this long, connect included. */
    @WithDefault("10s")
    Duration requestTimeout();

    interface Lms {
        /** The LMS's xAPI endpoint (as its launch URLs give it), e.g. https://lms.acme.example/xapi/. */
        String endpoint();
    }
}
