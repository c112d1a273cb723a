package com.upward.platform.events;

/** Applies one event's effect; runs inside the inbox's transaction. */
@FunctionalInterface
public interface EventHandler {
    void handle(EventEnvelope event);
}
