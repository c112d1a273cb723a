package com.upward.assessment.support;

import com.upward.platform.web.ClockProducer;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Replaces the service's clock in tests: the services' own clock plus an offset that tests move forward instead of sleeping. */
@Singleton
public class TestClock extends Clock {

    private static final Clock SYSTEM = ClockProducer.systemMicros();

    private volatile Duration offset = Duration.ZERO;

    /** Moves time forward for the whole application; never backwards, so other tests' attempts stay consistent. */
    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    @Override
    public Instant instant() {
        return SYSTEM.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
