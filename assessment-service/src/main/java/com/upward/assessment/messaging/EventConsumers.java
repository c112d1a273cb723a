package com.upward.assessment.messaging;

import com.upward.assessment.service.LessonsDone;
import com.upward.assessment.service.QuizPlacements;
import com.upward.platform.events.EventInbox;
import com.upward.platform.events.contract.CoursePublished;
import com.upward.platform.events.contract.LessonCompleted;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Feeds each consumed record through the inbox; the offset is committed after it returns. */
@ApplicationScoped
public class EventConsumers {

    @Inject
    EventInbox inbox;

    @Inject
    QuizPlacements placements;

    @Inject
    LessonsDone lessonsDone;

    @Incoming("course-events")
    @Blocking
    public void onCourseEvent(ConsumerRecord<String, String> record) {
        inbox.deliver(record, inbox.handlerOf(CoursePublished.TYPE, CoursePublished.class, placements::add));
    }

    @Incoming("learning-events")
    @Blocking
    public void onLearningEvent(ConsumerRecord<String, String> record) {
        inbox.deliver(record, inbox.handlerOf(LessonCompleted.TYPE, LessonCompleted.class, lessonsDone::add));
    }
}
