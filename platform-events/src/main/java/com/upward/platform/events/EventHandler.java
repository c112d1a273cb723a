package com.upward.platform.events;

/** Applies one event's effect; runs inside the inbox's transaction. */
@FunctionalInterface
public interface EventHandler {
    void handle(EventEnvelope event);

    /**
     * Runs once in the transaction after all its events were handled: work that several events of a batch
     * share (recomputing a learner's summary once, not once per event).
     */
    default void afterEvents() {
    }
}
