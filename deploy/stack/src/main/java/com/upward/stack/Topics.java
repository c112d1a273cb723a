package com.upward.stack;

import java.util.List;

/** The Kafka topics of DESIGN.md, with their partitions. Created by the stack, never auto-created. */
public final class Topics {

    public record Topic(String name, int partitions) {
    }

    public static final String COURSE = "upward.course";
    public static final String LEARNING = "upward.learning";
    public static final String ASSESSMENT = "upward.assessment";
    public static final String PROGRESS = "upward.progress";

    /** Suffix of the dead-letter topic beside each topic. */
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    public static List<Topic> all() {
        return List.of(
                new Topic(COURSE, 3), new Topic(COURSE + DEAD_LETTER_SUFFIX, 1),
                new Topic(LEARNING, 6), new Topic(LEARNING + DEAD_LETTER_SUFFIX, 1),
                new Topic(ASSESSMENT, 6), new Topic(ASSESSMENT + DEAD_LETTER_SUFFIX, 1),
                new Topic(PROGRESS, 6), new Topic(PROGRESS + DEAD_LETTER_SUFFIX, 1));
    }

    private Topics() {
    }
}
