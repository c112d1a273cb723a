package com.upward.course.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;

@ConfigMapping(prefix = "upward.course")
public interface CourseConfig {

    /** Classpath locations of the course files to load at start. */
    List<String> contentFiles();

    /** The largest page a list answers with. */
    @WithDefault("100")
    int maxPageSize();

    /**
     * The organisation whose authors write the course catalogue, which every organisation reads: an author
     * token of any other organisation (or of none) is refused on the whole author API.
     */
    String authoringOrganisation();

    /** The longest search text accepted, in characters. */
    @WithDefault("200")
    int searchMaxQueryLength();

    /** The cmi5 course package: where an LMS launches Upward's AUs, and the ids it reports them under. */
    Cmi5 cmi5();

    interface Cmi5 {
        /** Upward's public base URL (the gateway): each AU's launch URL is {launch-base}/api/v1/cmi5/courses/... */
        @WithDefault("http://localhost:8080")
        String launchBase();

        /**
         * The base of the course's and AUs' ids; keep it equal to progress-service's upward.xapi.activity-base, so
         * the statements an LMS receives name the activities of the package it imported.
         */
        @WithDefault("https://upward.local")
        String activityBase();
    }
}
