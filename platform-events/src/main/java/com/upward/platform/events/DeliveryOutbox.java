package com.upward.platform.events;

import com.upward.platform.events.DeliverySender.Outcome;
import com.upward.platform.events.DeliverySender.Row;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTTP outboxes: rows stored in the transaction of what they report, then posted by a background sender per
 * {@link DeliverySender} bean. Each pass is one transaction: it takes the table's sender lock (or the sender locks its
 * rows), claims the rows of one request, posts them, and marks them in that same transaction: delivered, FAILED at
 * once when refused, else retried after backoff × 2^(attempts−1) (at most max-backoff) until max-attempts marks them
 * FAILED with the reason. A crash between the receiver's answer and the commit sends those rows again: delivery is at
 * least once, and each kind makes a repeat harmless (a statement id, an event id, one score per line item).
 * Counters per sender: {@code upward.delivery.delivered}, {@code .retried}, {@code .failed} (rows) and
 * {@code upward.delivery.lock.busy} (passes another instance was leading).
 */
@ApplicationScoped
public class DeliveryOutbox {

    private static final Logger LOG = Logger.getLogger(DeliveryOutbox.class);
    /** Enough of a refusal's body to keep the receiver's reasons (an LRS names each bad field). */
    private static final int ERROR_BODY_LIMIT = 1000;

    @Inject
    EntityManager entityManager;

    @Inject
    MeterRegistry metrics;

    @Inject
    AfterCommit afterCommit;

    @Inject
    @Any
    Instance<DeliverySender<?>> senders;

    private final Map<String, Running<?>> running = new ConcurrentHashMap<>();

    /** What a receiver answered: the outcome, its HTTP status (null when none came) and the reason when not delivered. */
    private record Answer(Outcome outcome, Integer status, String error) {
    }

    /** A sender at work: its thread, its HTTP client and its counters. */
    private final class Running<R extends Row> {
        final DeliverySender<R> sender;
        final DeliverySender.Settings settings;
        // Redirects are not followed: a delivery goes to the address it names or nowhere.
        final HttpClient http;
        final BackgroundPoller poller;
        final Counter delivered;
        final Counter retried;
        final Counter failed;
        final Counter lockBusy;

        Running(DeliverySender<R> sender) {
            this.sender = sender;
            settings = sender.settings();
            String name = settings.name();
            http = HttpClient.newBuilder().connectTimeout(settings.requestTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
            delivered = metrics.counter("upward.delivery.delivered", "sender", name);
            retried = metrics.counter("upward.delivery.retried", "sender", name);
            failed = metrics.counter("upward.delivery.failed", "sender", name);
            lockBusy = metrics.counter("upward.delivery.lock.busy", "sender", name);
            Duration poll = settings.retry().pollInterval();
            // After a failed pass it waits one poll interval, every time: each row has its own backoff. Another
            // destination's rows may be due as well: it looks again at once until nothing is due.
            poller = new BackgroundPoller(name + "-sender", poll, poll, poll, () -> pass(this) > 0);
        }
    }

    void start(@Observes StartupEvent event) {
        for (DeliverySender<?> sender : senders) {
            if (sender.enabled()) {
                Running<?> started = new Running<>(sender);
                running.put(started.settings.name(), started);
                started.poller.start();
            }
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        for (Running<?> sender : running.values()) {
            sender.poller.stop();
        }
    }

    /** Runs the sender's pass now instead of at its next poll. */
    public void wake(DeliverySender<?> sender) {
        Running<?> started = running.get(sender.settings().name());
        if (started != null) {
            started.poller.wake();
        }
    }

    /** Inside the transaction that stored rows for the sender: they leave once it commits, not at the next poll. */
    public void wakeAfterCommit(DeliverySender<?> sender) {
        afterCommit.run(() -> wake(sender));
    }

    /** The tables whose delivered rows are kept for a while, for the {@link RetentionPruner}. */
    List<RetentionRule> retentionRules() {
        return senders.stream().map(DeliverySender::settings)
                .flatMap(settings -> settings.keepDelivered().map(settings.table()::retention).stream()).toList();
    }

    /** One pass: the rows of one request, sent and marked; returns how many it handled. */
    <R extends Row> int pass(Running<R> run) {
        DeliverySender<R> sender = run.sender;
        Long senderLock = run.settings.table().senderLock();
        // Long enough for one request: the rows stay locked until they are marked.
        return QuarkusTransaction.requiringNew().timeout((int) run.settings.requestTimeout().toSeconds() + 30).call(() -> {
            if (senderLock != null && !tryLock(senderLock)) {
                run.lockBusy.increment();
                return 0;
            }
            List<R> rows = sender.due();
            if (rows.isEmpty()) {
                return 0;
            }
            Answer answer = send(run, rows);
            if (answer.outcome() == Outcome.REFUSED && answer.status() != null && rows.size() > 1) {
                // One bad row refuses the whole batch: find it, and let the others through.
                rows.forEach(row -> settle(run, List.of(row), send(run, List.of(row))));
            } else {
                settle(run, rows, answer);
            }
            return rows.size();
        });
    }

    private <R extends Row> Answer send(Running<R> run, List<R> rows) {
        DeliverySender<R> sender = run.sender;
        DeliverySender.Settings settings = run.settings;
        try {
            HttpRequest request = sender.request(rows).timeout(settings.requestTimeout()).build();
            HttpResponse<String> response = run.http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            Outcome outcome = sender.outcome(rows, status);
            if (outcome == Outcome.DELIVERED) {
                return new Answer(outcome, status, null);
            }
            String body = response.body() == null ? "" : response.body().strip();
            String error = "HTTP " + status + (body.isEmpty() ? "" : ": " + body.substring(0, Math.min(ERROR_BODY_LIMIT, body.length())));
            return new Answer(outcome, status, outcome == Outcome.REFUSED ? "rejected by the " + settings.receiver() + ": " + error : error);
        } catch (DeliverySender.Undeliverable e) {
            return new Answer(Outcome.REFUSED, null, e.getMessage());
        } catch (IllegalArgumentException e) {
            // A configuration mistake (not an http(s) URL): counted and reported like any failure.
            return new Answer(Outcome.RETRY, null, "bad URL: " + e.getMessage());
        } catch (HttpTimeoutException e) {
            return new Answer(Outcome.RETRY, null, "timeout after " + settings.requestTimeout().toMillis() + " ms");
        } catch (IOException e) {
            return new Answer(Outcome.RETRY, null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending to the " + settings.receiver(), e);
        }
    }

    private <R extends Row> void settle(Running<R> run, List<R> rows, Answer answer) {
        DeliveryTable table = run.settings.table();
        List<Long> keys = rows.stream().map(Row::key).toList();
        if (answer.outcome() == Outcome.DELIVERED) {
            entityManager.createNativeQuery("""
                            UPDATE %s SET status = :delivered, attempts = attempts + 1, last_attempt_at = clock_timestamp(),
                                last_status = :status, %s = clock_timestamp()
                            WHERE %s IN (:keys)""".formatted(table.name(), table.deliveredAt(), table.key()))
                    .setParameter("delivered", table.delivered()).setParameter("status", answer.status())
                    .setParameter("keys", keys).executeUpdate();
            run.delivered.increment(rows.size());
            return;
        }
        DeliveryRetry retry = run.settings.retry();
        boolean refused = answer.outcome() == Outcome.REFUSED;
        int attempt = rows.get(0).attempts() + 1;
        boolean last = refused || attempt >= retry.maxAttempts();
        LOG.warnf("%s delivery of %s %s to the %s failed (attempt %d of %d%s): %s", run.settings.name(), table.name(), keys,
                run.settings.receiver(), attempt, retry.maxAttempts(), last ? ", FAILED" : "", answer.error());
        entityManager.createNativeQuery("""
                        UPDATE %s SET attempts = attempts + 1, last_attempt_at = clock_timestamp(), last_status = :status,
                            last_error = :error, status = CASE WHEN :refused OR attempts + 1 >= :max THEN 'FAILED' ELSE 'PENDING' END,
                            next_attempt_at = clock_timestamp() + make_interval(secs => least(:cap,
                                :base * power(2, least(attempts, 30))) / 1000.0)
                        WHERE %s IN (:keys)""".formatted(table.name(), table.key()))
                .setParameter("status", answer.status()).setParameter("error", answer.error())
                .setParameter("refused", refused).setParameter("max", retry.maxAttempts())
                .setParameter("cap", (double) retry.maxBackoff().toMillis())
                .setParameter("base", (double) retry.backoff().toMillis())
                .setParameter("keys", keys).executeUpdate();
        (last ? run.failed : run.retried).increment(rows.size());
    }

    private boolean tryLock(long lock) {
        return (Boolean) entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(:lock)")
                .setParameter("lock", lock).getSingleResult();
    }
}
