package com.upward.platform.events.contract;

import com.upward.platform.events.UpwardEvent;

/** An event about one learner: its record key is the learner id, so each learner's events stay in order on a topic. */
public interface LearnerEvent extends UpwardEvent {

    String learnerId();

    @Override
    default String eventKey() {
        return learnerId();
    }
}
