package com.upward.progress.messaging;

import com.upward.platform.events.DeliverySender;
import com.upward.progress.config.WebhookConfig;
import com.upward.progress.domain.WebhookSignature;
import com.upward.progress.persistence.WebhookRepository;
import com.upward.progress.persistence.WebhookRepository.Due;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Posts due webhook deliveries, one per pass of platform-events' DeliveryOutbox: the row is locked (FOR UPDATE SKIP
 * LOCKED) while it is posted, so two instances never post the same delivery, and it is marked DELIVERED in that same
 * transaction once the receiver answered 2xx, so an acknowledged delivery is never sent again. Anything else (another
 * status, a timeout, a refused connection) retries after backoff. Each attempt is signed afresh, with its own timestamp.
 */
@ApplicationScoped
public class WebhookSender implements DeliverySender<Due> {

    @Inject
    WebhookRepository repository;

    @Inject
    WebhookConfig config;

    @Inject
    Clock clock;

    @Override
    public Settings settings() {
        return new Settings("webhook", "webhook receiver", WebhookRepository.DELIVERIES, config, config.requestTimeout(),
                Optional.of(config.deliveredRetention()));
    }

    @Override
    public List<Due> due() {
        return repository.lockNextDue().stream().toList();
    }

    @Override
    public HttpRequest.Builder request(List<Due> rows) {
        Due due = rows.get(0);
        long timestamp = clock.instant().getEpochSecond();
        return HttpRequest.newBuilder(URI.create(due.url()))
                .header("Content-Type", "application/json")
                .header("User-Agent", "Upward-Webhooks/1")
                .header(WebhookSignature.ID_HEADER, due.eventId().toString())
                .header(WebhookSignature.EVENT_HEADER, due.eventType())
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(due.secret(), timestamp, due.body()))
                .POST(HttpRequest.BodyPublishers.ofString(due.body(), StandardCharsets.UTF_8));
    }
}
