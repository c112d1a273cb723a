package com.upward.progress.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A webhook of an organisation, secret included (only the sender and the creation answer ever show it). */
public record Webhook(UUID id, String orgId, String url, String secret, List<String> events, boolean active,
                      String description, Instant createdAt, Instant updatedAt) {
}
