package com.upward.platform.events.contract;

/** The topic names of DESIGN.md (the local stack creates them with their partitions). */
public final class Topics {
    public static final String COURSE = "upward.course";
    public static final String LEARNING = "upward.learning";
    public static final String ASSESSMENT = "upward.assessment";
    public static final String PROGRESS = "upward.progress";

    private Topics() {
    }
}
