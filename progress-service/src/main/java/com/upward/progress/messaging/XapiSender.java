package com.upward.progress.messaging;

import com.upward.platform.events.BackgroundPoller;
import com.upward.progress.config.Cmi5Config;
import com.upward.progress.config.XapiConfig;
import com.upward.progress.persistence.Cmi5SessionRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import com.upward.progress.persistence.XapiOutboxRepository;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Posts pending xAPI statements to each organisation's LRS in batches (a JSON array per POST, one organisation per
 * pass and transaction), in position order.
 * 200/204 and 409 (the LRS has those ids already) mark a batch SENT. 400 is the LRS refusing a statement (it
 * validates each field): a batch of several is then sent one by one, so only the statement it refuses is marked FAILED
 * at once with the LRS's reason, never retried (the same statement would be refused forever). Anything else (5xx,
 * other 4xx, timeout, refused connection) counts an attempt and retries after an exponential backoff, until
 * max-attempts marks it FAILED with the reason. One sender per database works at a time (an advisory lock), like the
 * event outbox relay.
 */
@ApplicationScoped
public class XapiSender {

    private static final Logger LOG = Logger.getLogger(XapiSender.class);
    public static final String VERSION_HEADER = "X-Experience-API-Version";
    public static final String VERSION = "1.0.3";

    @Inject
    XapiOutboxRepository outbox;

    @Inject
    XapiConfig config;

    @Inject
    Cmi5Config cmi5;

    @Inject
    Cmi5SessionRepository sessions;

    private HttpClient http;
    private BackgroundPoller poller;

    void start(@Observes StartupEvent event) {
        if (!config.enabled() && cmi5.lms().isEmpty()) {
            return;
        }
        http = HttpClient.newBuilder().connectTimeout(config.requestTimeout()).build();
        // After a failed pass it waits one poll interval, every time: each statement has its own backoff.
        poller = new BackgroundPoller("xapi-sender", config.pollInterval(), config.pollInterval(), config.pollInterval(),
                // Another organisation's statements may be due as well: look again at once until nothing is due.
                () -> sendBatch() > 0);
        poller.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (poller != null) {
            poller.stop();
        }
    }

    /** Called after a commit that stored statements, so they leave at once instead of at the next poll. */
    public void wake() {
        if (poller != null) {
            poller.wake();
        }
    }

    /**
     * One pass: the due statements (at most batch-size) of the organisation whose oldest statement is due first,
     * in one POST; returns how many it handled. One organisation per transaction, so a transaction waits on at
     * most one LRS (request-timeout), well inside the transaction timeout, however many LRSs are slow.
     */
    int sendBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!outbox.tryLeadSending()) {
                return 0;
            }
            List<XapiOutboxRepository.Due> rows = outbox.due(config.batchSize());
            if (!rows.isEmpty()) {
                deliver(rows.get(0).orgId(), rows);
            }
            return rows.size();
        });
    }

    private void deliver(String orgId, List<XapiOutboxRepository.Due> rows) {
        List<Long> positions = rows.stream().map(XapiOutboxRepository.Due::position).toList();
        Lrs lrs = rows.get(0).sessionId() != null
                // A cmi5 session's statements go to the LRS and with the token its launch named.
                ? sessions.destination(rows.get(0).sessionId()).map(d -> new Lrs(d.endpoint(), "Basic " + d.authToken())).orElse(null)
                : Optional.ofNullable(config.lrs().get(orgId)).map(Lrs::of).orElse(null);
        if (lrs == null) {
            // The LRS was removed from the configuration after these were stored: nowhere to send them.
            mark(positions, "FAILED", "no LRS configured for organisation " + orgId);
            return;
        }
        Answer answer = post(lrs, rows.stream().map(XapiOutboxRepository.Due::statement).toList());
        if (answer.rejected() && rows.size() > 1) {
            // One bad statement refuses the whole array: find it, and let the others through.
            rows.forEach(row -> settle(orgId, List.of(row), post(lrs, List.of(row.statement()))));
            return;
        }
        settle(orgId, rows, answer);
    }

    private void settle(String orgId, List<XapiOutboxRepository.Due> rows, Answer answer) {
        List<Long> positions = rows.stream().map(XapiOutboxRepository.Due::position).toList();
        if (answer.delivered()) {
            mark(positions, "SENT", null);
            return;
        }
        if (answer.rejected()) {
            LOG.warnf("%s's LRS rejected xAPI statement(s) at %s: %s", orgId, positions, answer.error());
            mark(positions, "FAILED", "rejected by the LRS: " + answer.error());
            return;
        }
        int attempts = rows.get(0).attempts() + 1;
        LOG.warnf("xAPI delivery of %d statement(s) to %s's LRS failed (attempt %d of %d): %s",
                rows.size(), orgId, attempts, config.maxAttempts(), answer.error());
        outbox.retry(positions, answer.error(), config.maxAttempts(), config.backoff(), config.maxBackoff());
    }

    /** Where statements go: an LRS's xAPI endpoint and the Authorization header it takes. */
    record Lrs(String endpoint, String authorization) {
        static Lrs of(XapiConfig.Lrs configured) {
            return new Lrs(configured.endpoint(), "Basic " + Base64.getEncoder().encodeToString(
                    (configured.username() + ":" + configured.password()).getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** What an LRS made of a POST: taken (error null), refused as invalid (400), or failed otherwise. */
    record Answer(int status, String error) {
        static final Answer DELIVERED = new Answer(200, null);

        boolean delivered() {
            return error == null;
        }

        boolean rejected() {
            return status == 400;
        }
    }

    private void mark(List<Long> positions, String status, String error) {
        outbox.mark(positions, status, error);
    }

    /** POSTs the statements as one JSON array. */
    private Answer post(Lrs lrs, List<String> statements) {
        String endpoint = lrs.endpoint().endsWith("/") ? lrs.endpoint() : lrs.endpoint() + "/";
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(endpoint + "statements"))
                    .timeout(config.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("Authorization", lrs.authorization())
                    .header(VERSION_HEADER, VERSION)
                    .POST(HttpRequest.BodyPublishers.ofString("[" + String.join(",", statements) + "]", StandardCharsets.UTF_8))
                    .build();
        } catch (IllegalArgumentException e) {
            // A configuration mistake (not an http(s) URL): counted and reported like any failure, not retried forever.
            return new Answer(0, "bad LRS endpoint: " + e.getMessage());
        }
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status == 200 || status == 204 || status == 409) {
                return Answer.DELIVERED;
            }
            String body = response.body() == null ? "" : response.body();
            return new Answer(status, "HTTP " + status + (body.isBlank() ? "" : ": " + body.substring(0, Math.min(1000, body.length()))));
        } catch (java.net.http.HttpTimeoutException e) {
            return new Answer(0, "timeout after " + config.requestTimeout().toMillis() + " ms");
        } catch (java.io.IOException e) {
            return new Answer(0, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while posting to the LRS", e);
        }
    }
}
