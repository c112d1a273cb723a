package com.upward.progress.messaging;

import com.upward.platform.events.BackgroundPoller;
import com.upward.progress.config.LtiConfig;
import com.upward.progress.domain.LtiPlatform;
import com.upward.progress.persistence.AgsOutboxRepository;
import com.upward.progress.persistence.LtiPlatformRepository;
import com.upward.progress.service.PlatformTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Posts pending scores to the platforms' line items (AGS): {lineitem path}/scores, keeping the line item's query
 * string after /scores. A 2xx marks the score SENT in the transaction that holds the sender's lock; anything else is
 * retried after an exponential backoff (a 401 first drops the cached token), until max-attempts marks it FAILED.
 */
@ApplicationScoped
public class AgsSender {

    private static final Logger LOG = Logger.getLogger(AgsSender.class);
    public static final String SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
    public static final String SCORE_MEDIA_TYPE = "application/vnd.ims.lis.v1.score+json";
    private static final int BATCH = 20;

    @Inject
    AgsOutboxRepository outbox;

    @Inject
    LtiPlatformRepository platforms;

    @Inject
    PlatformTokens tokens;

    @Inject
    LtiConfig config;

    private final HttpClient http = HttpClient.newBuilder().build();
    private BackgroundPoller poller;

    void start(@Observes StartupEvent event) {
        LtiConfig.Ags ags = config.ags();
        poller = new BackgroundPoller("ags-sender", ags.pollInterval(), ags.pollInterval(), ags.pollInterval(),
                () -> sendBatch() >= BATCH);
        poller.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (poller != null) {
            poller.stop();
        }
    }

    int sendBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!outbox.tryLeadSending()) {
                return 0;
            }
            List<AgsOutboxRepository.Due> due = outbox.due(BATCH);
            due.forEach(this::deliver);
            return due.size();
        });
    }

    private void deliver(AgsOutboxRepository.Due score) {
        LtiConfig.Ags ags = config.ags();
        Optional<LtiPlatform> platform = platforms.byId(score.platformId());
        if (platform.isEmpty()) {
            outbox.retry(score.position(), "the platform registration is gone", true, ags.maxAttempts(), ags.backoff(), ags.maxBackoff());
            return;
        }
        String error;
        try {
            error = post(platform.get(), score);
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while posting a score", e);
        }
        if (error == null) {
            outbox.sent(score.position());
            return;
        }
        LOG.warnf("AGS score %d to %s failed (attempt %d of %d): %s", score.position(), score.lineitemUrl(),
                score.attempts() + 1, ags.maxAttempts(), error);
        outbox.retry(score.position(), error, false, ags.maxAttempts(), ags.backoff(), ags.maxBackoff());
    }

    /** Null when the platform took the score, else the reason. */
    private String post(LtiPlatform platform, AgsOutboxRepository.Due score) throws IOException, InterruptedException {
        String token = tokens.token(platform, SCORE_SCOPE);
        HttpRequest request = HttpRequest.newBuilder(scoresUrl(score.lineitemUrl()))
                .timeout(config.requestTimeout())
                .header("Content-Type", SCORE_MEDIA_TYPE).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(score.score(), StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 == 2) {
            return null;
        }
        if (response.statusCode() == 401) {
            tokens.forget(platform, SCORE_SCOPE);
        }
        String body = response.body() == null ? "" : response.body();
        return "HTTP " + response.statusCode() + (body.isBlank() ? "" : ": " + body.substring(0, Math.min(200, body.length())));
    }

    /** {line item path}/scores, the line item's query string kept after it (appending after "?" is a common 404). */
    static URI scoresUrl(String lineitemUrl) {
        URI lineitem = URI.create(lineitemUrl);
        String path = lineitem.getRawPath() == null ? "" : lineitem.getRawPath().replaceAll("/+$", "");
        return URI.create(lineitem.getScheme() + "://" + lineitem.getRawAuthority() + path + "/scores"
                + (lineitem.getRawQuery() == null ? "" : "?" + lineitem.getRawQuery()));
    }
}
