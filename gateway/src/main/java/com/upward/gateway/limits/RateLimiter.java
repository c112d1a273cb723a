package com.upward.gateway.limits;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Counts requests per key in fixed windows that start with a key's first request. Simple and cheap; a burst
 * at a window's edge can reach twice the limit, which is acceptable for abuse protection.
 */
public final class RateLimiter {

    /** Past this many keys, finished windows are swept out so the map cannot grow without end. */
    private static final int SWEEP_ABOVE = 10_000;

    private record Window(long startedAt, int count) {
    }

    private final LongSupplier nanoClock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimiter(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** Counts one request; answers 0 when it is allowed, else the whole seconds until the window ends (at least 1). */
    public long acquire(String key, int limit, Duration window) {
        long now = nanoClock.getAsLong();
        long length = window.toNanos();
        Window current = windows.compute(key, (ignored, existing) ->
                existing == null || now - existing.startedAt() >= length
                        ? new Window(now, 1)
                        : new Window(existing.startedAt(), existing.count() + 1));
        if (windows.size() > SWEEP_ABOVE) {
            sweep(now, length);
        }
        if (current.count() <= limit) {
            return 0;
        }
        long remaining = length - (now - current.startedAt());
        return Math.max(1, (remaining + 999_999_999L) / 1_000_000_000L);
    }

    private void sweep(long now, long length) {
        for (Iterator<Window> it = windows.values().iterator(); it.hasNext(); ) {
            if (now - it.next().startedAt() >= length) {
                it.remove();
            }
        }
    }
}
