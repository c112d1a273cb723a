package com.upward.assessment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

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
}
