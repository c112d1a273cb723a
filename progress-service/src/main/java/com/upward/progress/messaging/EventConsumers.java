package com.upward.progress.messaging;

import com.upward.platform.events.EventInbox;
import com.upward.progress.service.ProgressProjector;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds each polled batch through the inbox to the projector, in one transaction per batch (the records of
 * a partition in their order); the offsets are committed after it returns.
 */
@ApplicationScoped
public class EventConsumers {

    @Inject
    EventInbox inbox;

    @Inject
    ProgressProjector projector;

    @Incoming("course-events")
    @Blocking
    public void onCourseEvents(ConsumerRecords<String, String> records) {
        inbox.deliverAll(records, projector);
    }

    @Incoming("learning-events")
    @Blocking
    public void onLearningEvents(ConsumerRecords<String, String> records) {
        inbox.deliverAll(records, projector);
    }

    @Incoming("assessment-events")
    @Blocking
    public void onAssessmentEvents(ConsumerRecords<String, String> records) {
        inbox.deliverAll(records, projector);
    }
}
