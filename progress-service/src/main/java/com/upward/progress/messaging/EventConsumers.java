package com.upward.progress.messaging;

import com.upward.platform.events.EventInbox;
import com.upward.progress.service.ProgressProjector;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Feeds each consumed record through the inbox to the projector; the offset is committed after it returns. */
@ApplicationScoped
public class EventConsumers {

    @Inject
    EventInbox inbox;

    @Inject
    ProgressProjector projector;

    @Incoming("course-events")
    @Blocking
    public void onCourseEvent(ConsumerRecord<String, String> record) {
        inbox.deliver(record, projector::apply);
    }

    @Incoming("learning-events")
    @Blocking
    public void onLearningEvent(ConsumerRecord<String, String> record) {
        inbox.deliver(record, projector::apply);
    }

    @Incoming("assessment-events")
    @Blocking
    public void onAssessmentEvent(ConsumerRecord<String, String> record) {
        inbox.deliver(record, projector::apply);
    }
}
