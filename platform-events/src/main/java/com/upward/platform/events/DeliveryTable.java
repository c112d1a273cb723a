package com.upward.platform.events;

import java.time.Duration;

/**
 * A table of HTTP deliveries: each row PENDING until it is delivered or FAILED, with the columns every such table
 * has besides its own: {@code status}, {@code attempts}, {@code next_attempt_at}, {@code last_attempt_at},
 * {@code last_status} (the receiver's HTTP status), {@code last_error} and the time it was delivered.
 *
 * @param name        the table
 * @param key         its bigserial key: rows are sent in its order
 * @param delivered   the status of a delivered row
 * @param deliveredAt the column that holds when it was delivered
 * @param senderLock  the advisory lock that lets one sender per database work at a time (rows then go in key order
 *                    across replicas); null when the sender locks the rows it sends instead (FOR UPDATE SKIP LOCKED)
 */
public record DeliveryTable(String name, String key, String delivered, String deliveredAt, Long senderLock) {

    /** Delivered rows older than keepFor leave the table; pending and failed ones stay. */
    RetentionRule retention(Duration keepFor) {
        return new RetentionRule(name, "status = '" + delivered + "' AND " + deliveredAt + " < :cutoff", keepFor);
    }
}
