package com.upward.progress.messaging;

import com.upward.platform.events.DeliverySender;
import com.upward.progress.config.LtiConfig;
import com.upward.progress.domain.LtiPlatform;
import com.upward.progress.persistence.AgsOutboxRepository;
import com.upward.progress.persistence.AgsOutboxRepository.Due;
import com.upward.progress.persistence.LtiPlatformRepository;
import com.upward.progress.service.PlatformTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Posts pending scores to the platforms' line items (AGS), one per pass of platform-events' DeliveryOutbox, in
 * position order: {lineitem path}/scores, keeping the line item's query string after /scores. A 2xx marks the score
 * SENT; anything else is retried after backoff (a 401 first drops the cached token).
 */
@ApplicationScoped
public class AgsSender implements DeliverySender<Due> {

    public static final String SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
    public static final String SCORE_MEDIA_TYPE = "application/vnd.ims.lis.v1.score+json";

    @Inject
    AgsOutboxRepository outbox;

    @Inject
    LtiPlatformRepository platforms;

    @Inject
    PlatformTokens tokens;

    @Inject
    LtiConfig config;

    /** Sent scores stay in the table. */
    @Override
    public Settings settings() {
        return new Settings("ags", "platform", AgsOutboxRepository.TABLE, config.ags(), config.requestTimeout(), Optional.empty());
    }

    @Override
    public List<Due> due() {
        return outbox.nextDue().stream().toList();
    }

    @Override
    public HttpRequest.Builder request(List<Due> rows) throws Undeliverable, IOException, InterruptedException {
        Due score = rows.get(0);
        LtiPlatform platform = platforms.byId(score.platformId())
                .orElseThrow(() -> new Undeliverable("the platform registration is gone"));
        return HttpRequest.newBuilder(scoresUrl(score.lineitemUrl()))
                .header("Content-Type", SCORE_MEDIA_TYPE)
                .header("Authorization", "Bearer " + tokens.token(platform, SCORE_SCOPE))
                .POST(HttpRequest.BodyPublishers.ofString(score.score(), StandardCharsets.UTF_8));
    }

    @Override
    public Outcome outcome(List<Due> rows, int status) {
        if (status == 401) {
            // The platform refused the token we hold: the next attempt asks for a new one.
            platforms.byId(rows.get(0).platformId()).ifPresent(platform -> tokens.forget(platform, SCORE_SCOPE));
        }
        return DeliverySender.super.outcome(rows, status);
    }

    /** {line item path}/scores, the line item's query string kept after it (appending after "?" is a common 404). */
    static URI scoresUrl(String lineitemUrl) {
        URI lineitem = URI.create(lineitemUrl);
        String path = lineitem.getRawPath() == null ? "" : lineitem.getRawPath().replaceAll("/+$", "");
        return URI.create(lineitem.getScheme() + "://" + lineitem.getRawAuthority() + path + "/scores"
                + (lineitem.getRawQuery() == null ? "" : "?" + lineitem.getRawQuery()));
    }
}
