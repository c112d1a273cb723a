package com.upward.platform.events;

/**
 * An event's data, as a record. Its type, topic, key and subject travel in the envelope, not in the JSON.
 * Adding an event type means: a record implementing this, a JSON Schema in schemas/, and a handler.
 */
public interface UpwardEvent {

    /** The CloudEvents type, e.g. {@code upward.lesson.completed}. */
    String eventType();

    String eventTopic();

    /** The record key: the learner id for learner events ({@link com.upward.platform.events.contract.LearnerEvent}), the course id for course events. */
    String eventKey();

    /** The CloudEvents subject: what the event is about, within its source. */
    String eventSubject();
}
