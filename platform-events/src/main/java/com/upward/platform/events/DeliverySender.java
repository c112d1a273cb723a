package com.upward.platform.events;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One kind of HTTP delivery (xAPI statements to an LRS, webhooks, scores to an LMS): a bean that says which rows are
 * due, builds the request that sends them and reads the receiver's answer. {@link DeliveryOutbox} does the rest for
 * every kind alike: the polling, the pass's transaction and lock, the HTTP call, marking rows delivered, retrying
 * them with backoff or failing them, retention and metrics.
 *
 * @param <R> a due row
 */
public interface DeliverySender<R extends DeliverySender.Row> {

    /** A due row: its key in its table and the attempts made so far. */
    interface Row {
        long key();

        int attempts();
    }

    /** What a receiver's answer means for the rows it was sent. */
    enum Outcome {
        /** Taken: marked delivered. */
        DELIVERED,
        /** Refused as invalid: FAILED at once, since the same request would be refused forever. */
        REFUSED,
        /** Anything else: another attempt after the backoff, until max-attempts. */
        RETRY
    }

    /** There is nowhere to send the rows (their destination is gone): they are FAILED at once with this reason. */
    final class Undeliverable extends Exception {
        public Undeliverable(String reason) {
            super(reason);
        }
    }

    /**
     * What the outbox needs to know of a sender.
     *
     * @param name           names its thread ({name}-sender), its log lines and its metrics' tag
     * @param receiver       who answers, for the reason stored with a refusal: "rejected by the {receiver}: HTTP 400: ..."
     * @param requestTimeout how long one request may take (also the connect timeout) before it counts as a failed attempt
     * @param keepDelivered  how long delivered rows stay in the table; empty: they stay
     */
    record Settings(String name, String receiver, DeliveryTable table, DeliveryRetry retry, Duration requestTimeout,
                    Optional<Duration> keepDelivered) {
    }

    Settings settings();

    /** False when nothing is ever sent (the feature is off): no thread is started. */
    default boolean enabled() {
        return true;
    }

    /**
     * The rows one request sends, in the pass's transaction (a table without a sender lock locks them here); empty
     * when none is due. Several rows go to one destination in one request; a batch the receiver refuses is sent again
     * one row at a time, so only the row it refuses fails.
     */
    List<R> due();

    /** The request for these rows; the outbox sets its timeout. Bad URLs throw IllegalArgumentException. */
    HttpRequest.Builder request(List<R> rows) throws Undeliverable, IOException, InterruptedException;

    /** By default a 2xx is delivered and anything else retried. */
    default Outcome outcome(List<R> rows, int status) {
        return status / 100 == 2 ? Outcome.DELIVERED : Outcome.RETRY;
    }
}
