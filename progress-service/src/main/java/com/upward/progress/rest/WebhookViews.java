package com.upward.progress.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/** The admin API of webhooks: what an admin writes and reads. The secret appears in the creation answer only. */
public final class WebhookViews {

    public record WebhookRequest(@NotNull @Size(max = 2000) String url,
                                 @NotEmpty @Size(max = 10) List<@NotNull String> events,
                                 Boolean active,
                                 @Size(max = 500) String description) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WebhookView(String id, String url, List<String> events, boolean active, String description,
                              Instant createdAt, Instant updatedAt, String secret) {
    }

    public record DeliveryView(long id, String eventId, String eventType, String status, int attempts, Integer lastStatus,
                               String lastError, Instant createdAt, Instant lastAttemptAt, Instant nextAttemptAt,
                               Instant deliveredAt) {
    }

    public record TestDelivery(String eventId) {
    }

    private WebhookViews() {
    }
}
