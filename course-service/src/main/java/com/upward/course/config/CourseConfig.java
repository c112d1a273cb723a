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
}
