package com.upward.platform.events.contract;

/**
 * A learner's work that assessment-service records (a scored attempt, a practice): all of it goes to one topic, so a
 * consumer reads one learner's attempts and practice in the order they happened.
 */
public interface AssessmentEvent extends LearnerEvent {

    @Override
    default String eventTopic() {
        return Topics.ASSESSMENT;
    }
}
