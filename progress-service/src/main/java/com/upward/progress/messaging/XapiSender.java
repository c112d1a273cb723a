package com.upward.progress.messaging;

import com.upward.platform.events.DeliverySender;
import com.upward.progress.config.Cmi5Config;
import com.upward.progress.config.XapiConfig;
import com.upward.progress.persistence.Cmi5SessionRepository;
import com.upward.progress.persistence.XapiOutboxRepository;
import com.upward.progress.persistence.XapiOutboxRepository.Due;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Posts pending xAPI statements to each organisation's LRS (or a cmi5 session's) in batches: a JSON array per POST,
 * one destination per pass, in position order; platform-events' DeliveryOutbox runs the passes and marks the rows.
 * 200/204 and 409 (the LRS has those ids already) mark a batch SENT. 400 is the LRS refusing a statement (it validates
 * each field): the outbox then sends the batch one by one, so only the statement it refuses is FAILED at once with the
 * LRS's reason, never retried (the same statement would be refused forever). Anything else retries after backoff.
 */
@ApplicationScoped
public class XapiSender implements DeliverySender<Due> {

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

    @Override
    public Settings settings() {
        return new Settings("xapi", "LRS", XapiOutboxRepository.TABLE, config, config.requestTimeout(),
                Optional.of(config.sentRetention()));
    }

    @Override
    public boolean enabled() {
        return config.enabled() || !cmi5.lms().isEmpty();
    }

    /** The due statements (at most batch-size) of the destination whose oldest statement is due first. */
    @Override
    public List<Due> due() {
        return outbox.due(config.batchSize());
    }

    /** The statements as one JSON array, to {endpoint}/statements. */
    @Override
    public HttpRequest.Builder request(List<Due> rows) throws Undeliverable {
        Due first = rows.get(0);
        Lrs lrs = first.sessionId() != null
                // A cmi5 session's statements go to the LRS and with the token its launch named.
                ? sessions.destination(first.sessionId()).map(d -> new Lrs(d.endpoint(), "Basic " + d.authToken())).orElse(null)
                : Optional.ofNullable(config.lrs().get(first.orgId())).map(Lrs::of).orElse(null);
        if (lrs == null) {
            // The LRS was removed from the configuration after these were stored: nowhere to send them.
            throw new Undeliverable("no LRS configured for organisation " + first.orgId());
        }
        String endpoint = lrs.endpoint().endsWith("/") ? lrs.endpoint() : lrs.endpoint() + "/";
        String statements = "[" + String.join(",", rows.stream().map(Due::statement).toList()) + "]";
        return HttpRequest.newBuilder(URI.create(endpoint + "statements"))
                .header("Content-Type", "application/json")
                .header("Authorization", lrs.authorization())
                .header(VERSION_HEADER, VERSION)
                .POST(HttpRequest.BodyPublishers.ofString(statements, StandardCharsets.UTF_8));
    }

    @Override
    public Outcome outcome(List<Due> rows, int status) {
        return switch (status) {
            case 200, 204, 409 -> Outcome.DELIVERED;
            case 400 -> Outcome.REFUSED;
            default -> Outcome.RETRY;
        };
    }

    /** Where statements go: an LRS's xAPI endpoint and the Authorization header it takes. */
    private record Lrs(String endpoint, String authorization) {
        static Lrs of(XapiConfig.Lrs configured) {
            return new Lrs(configured.endpoint(), "Basic " + Base64.getEncoder().encodeToString(
                    (configured.username() + ":" + configured.password()).getBytes(StandardCharsets.UTF_8)));
        }
    }
}
