package com.upward.assessment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

@ConfigMapping(prefix = "upward.assessment")
public interface AssessmentConfig {

    /** Classpath locations of the question bank files loaded at start (loading them again changes nothing). */
    @WithDefault("question-bank/how-to-lead-upward.json")
    List<String> questionBankFiles();

    /** A power type is mastered in an attempt when the learner earns at least this share of its points. */
    @WithDefault("80")
    int masteryPercent();

    /** Seconds after an attempt's deadline during which a submission is still accepted (network latency). */
    @WithDefault("15")
    int submissionGraceSeconds();

    /**
     * The organisation whose authors may export the question bank (keys included) and import QTI packages into
     * drafts: the platform's content organisation, as course-service's upward.course.authoring-organisation.
     */
    String authoringOrganisation();

    /** Spaced practice of the power types not mastered. */
    Practice practice();

    interface Practice {

        /** Questions in one practice set (the bank has at least 12 per type). */
        @WithDefault("4")
        int setSize();

        /** How many of the questions shown last are held back from the next sets, so none returns too soon. */
        @WithDefault("8")
        int recentMemory();

        /** How long after it fell due a practice set counts as overdue in reminders and the admin report. */
        @WithDefault("P1D")
        Duration overdueAfter();
    }

    /** The conversation planner. */
    Planner planner();

    interface Planner {

        /** The course whose interview and tips the planner is built from; plans and their practice count for it. */
        @WithDefault("how-to-lead-upward")
        String courseId();

        /** Plans one learner may keep at once. */
        @WithDefault("50")
        int maxPlansPerLearner();
    }
}
