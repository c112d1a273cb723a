package com.upward.progress.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;


@ConfigMapping(prefix = "upward.progress")
public interface ProgressConfig {

    Reports reports();

    Enrolments enrolments();

    Integration integration();

    Directory directory();

    /**
     * The longest a learner's progress read may wait for a change ({@code Prefer: wait=N} with
     * {@code If-None-Match}); below the gateway's time limit for learner routes (10 s).
     */
    @WithDefault("5s")
    java.time.Duration maxWait();

    interface Reports {
        /** The largest page of the learner list. */
        @WithDefault("100")
        int maxPageSize();

        /** The deepest row a page may start at (page x size): deeper paging is refused, use the CSV export. */
        @WithDefault("10000")
        int maxOffset();

        /** Rows the CSV export fetches from the database at a time while it streams. */
        @WithDefault("500")
        int csvFetchSize();

        /** The most weeks the completions-per-week report covers. */
        @WithDefault("104")
        int maxWeeks();
    }

    interface Enrolments {
        /** The most learners one assignment request may name. */
        @WithDefault("500")
        int maxLearnersPerRequest();
    }

    /**
     * The organisation's learner directory, which the gateway serves from the identity it holds
     * ({@code GET /api/v1/admin/learners}, answered for the organisation of the admin's own token).
     */
    interface Directory {
        /** Its URL; unset: no directory (an external identity provider), so only learners seen here can be assigned. */
        Optional<URI> url();

        /** How long an assignment waits for the directory's answer. */
        @WithDefault("3s")
        Duration timeout();
    }

    interface Integration {
        /** The largest page of completions an LMS may ask for. */
        @WithDefault("100")
        int maxPageSize();

        /** The deepest row a page may start at (page x size): an LMS pulls incrementally with since instead. */
        @WithDefault("100000")
        int maxOffset();

        /** The most rows one bulk enrolment request may carry; more is refused whole (413). */
        @WithDefault("1000")
        int maxEnrolmentsPerRequest();
    }
}
