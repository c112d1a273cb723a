package com.upward.platform.web;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/**
 * Every service's time, injected so tests can move it. It ticks in microseconds, the precision PostgreSQL keeps,
 * so a time returned before it is stored is spelled the same as when it is read back.
 */
@ApplicationScoped
public class ClockProducer {

    /** The system's UTC time in whole microseconds. */
    public static Clock systemMicros() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return systemMicros();
    }
}
