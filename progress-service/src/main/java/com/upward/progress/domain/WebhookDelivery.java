package com.upward.progress.domain;

import java.time.Instant;
import java.util.UUID;

/** One event's delivery to one webhook, as the delivery log shows it. */
public record WebhookDelivery(long id, UUID eventId, String eventType, String status, int attempts, Integer lastStatus,
                              String lastError, Instant createdAt, Instant lastAttemptAt, Instant nextAttemptAt,
                              Instant deliveredAt) {
}
