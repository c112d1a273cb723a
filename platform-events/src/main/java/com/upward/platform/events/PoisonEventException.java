package com.upward.platform.events;

/** A record that can never be applied (bad envelope, bad data): it goes to the dead-letter topic at once. */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String reason) {
        super(reason);
    }
}
