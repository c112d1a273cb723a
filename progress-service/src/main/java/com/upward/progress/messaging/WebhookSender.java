package com.upward.progress.messaging;

import com.upward.platform.events.BackgroundPoller;
import com.upward.progress.config.WebhookConfig;
import com.upward.progress.domain.WebhookSignature;
import com.upward.progress.persistence.WebhookRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * Posts due webhook deliveries, one per transaction: the row is locked (FOR UPDATE SKIP LOCKED) while it is posted,
 * so two instances never post the same delivery, and it is marked DELIVERED in that same transaction once the
 * receiver answered 2xx, so an acknowledged delivery is never sent again. Anything else (another status, a timeout,
 * a refused connection) counts an attempt and retries after an exponential backoff, until max-attempts marks it
 * FAILED with the reason. Each attempt is signed afresh, with its own timestamp.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);

    @Inject
    WebhookRepository repository;

    @Inject
    WebhookConfig config;

    @Inject
    Clock clock;

    private HttpClient http;
    private BackgroundPoller poller;

    void start(@Observes StartupEvent event) {
        // Redirects are not followed: a signed delivery goes to the registered URL or nowhere.
        http = HttpClient.newBuilder().connectTimeout(config.requestTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        poller = new BackgroundPoller("webhook-sender", config.pollInterval(), config.pollInterval(), config.pollInterval(),
                () -> sendOne() > 0);
        poller.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (poller != null) {
            poller.stop();
        }
    }

    /** Called after a commit that enqueued deliveries, so they leave at once instead of at the next poll. */
    public void wake() {
        if (poller != null) {
            poller.wake();
        }
    }

    /** One pass: the oldest due delivery, posted and marked; 1 if there was one, 0 if none was due. */
    int sendOne() {
        return QuarkusTransaction.requiringNew().timeout((int) config.requestTimeout().toSeconds() + 30).call(() -> {
            Optional<WebhookRepository.Due> due = repository.lockNextDue();
            if (due.isEmpty()) {
                return 0;
            }
            deliver(due.get());
            return 1;
        });
    }

    private void deliver(WebhookRepository.Due due) {
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(due.url()))
                    .timeout(config.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Upward-Webhooks/1")
                    .header(WebhookSignature.ID_HEADER, due.eventId().toString())
                    .header(WebhookSignature.EVENT_HEADER, due.eventType())
                    .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(due.secret(), timestamp, due.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(due.body(), StandardCharsets.UTF_8))
                    .build();
        } catch (IllegalArgumentException e) {
            fail(due, null, "bad webhook URL: " + e.getMessage());
            return;
        }
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                repository.delivered(due.id(), status);
                return;
            }
            String body = response.body() == null ? "" : response.body().strip();
            fail(due, status, "HTTP " + status + (body.isEmpty() ? "" : ": " + body.substring(0, Math.min(200, body.length()))));
        } catch (HttpTimeoutException e) {
            fail(due, null, "timeout after " + config.requestTimeout().toMillis() + " ms");
        } catch (java.io.IOException e) {
            fail(due, null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while posting a webhook", e);
        }
    }

    private void fail(WebhookRepository.Due due, Integer status, String error) {
        LOG.warnf("Webhook delivery %d (event %s) failed, attempt %d of %d: %s", due.id(), due.eventId(), due.attempts() + 1,
                config.maxAttempts(), error);
        repository.failed(due.id(), status, error, config.maxAttempts(), config.backoff(), config.maxBackoff());
    }
}
