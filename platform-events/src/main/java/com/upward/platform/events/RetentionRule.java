package com.upward.platform.events;

import java.time.Duration;

/**
 * A table the {@link RetentionPruner} keeps short: the outbox, the inbox, and each {@link DeliverySender}'s table
 * whose delivered rows are kept for a while.
 *
 * @param expiredWhere the SQL condition of an expired row; {@code :cutoff} is now minus keepFor
 */
public record RetentionRule(String table, String expiredWhere, Duration keepFor) {
}
