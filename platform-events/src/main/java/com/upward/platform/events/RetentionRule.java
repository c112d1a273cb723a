package com.upward.platform.events;

import java.time.Duration;

/**
 * A table the {@link RetentionPruner} keeps short besides the outbox and inbox: a service declares one as a
 * bean (progress-service's delivered xAPI statements).
 */
public interface RetentionRule {

    String table();

    /** The SQL condition of an expired row; {@code :cutoff} is now minus {@link #keepFor()}. */
    String expiredWhere();

    Duration keepFor();
}
