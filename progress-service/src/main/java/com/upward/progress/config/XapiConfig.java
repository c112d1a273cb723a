package com.upward.progress.config;

import com.upward.platform.events.DeliveryRetry;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

/**
 * xAPI delivery to each organisation's LRS; off unless enabled, and only for organisations with an LRS. Retries:
 * upward.xapi.max-attempts (10), backoff (5s), max-backoff (15m), poll-interval (5s), as every delivery outbox.
 */
@ConfigMapping(prefix = "upward.xapi")
public interface XapiConfig extends DeliveryRetry {

    /** Master switch: when false no statement is stored and the sender does not run. */
    @WithDefault("false")
    boolean enabled();

    /** Per organisation id: its LRS, e.g. upward.xapi.lrs."acme".endpoint=https://lrs.acme.example/xapi. */
    Map<String, Lrs> lrs();

    /** The homePage of actor accounts (the learner id is the account name; we have no e-mail addresses). */
    @WithDefault("https://upward.local")
    String accountHomePage();

    /** The base of activity ids: {base}/courses/{courseId}, .../lessons/{lessonId}, .../quizzes/{quizId}. */
    @WithDefault("https://upward.local")
    String activityBase();

    /** How long one POST to an LRS may take before it counts as a failed attempt. */
    @WithDefault("10s")
    Duration requestTimeout();

    /** How long a delivered statement is kept; FAILED ones stay until someone looks at them. */
    @WithDefault("7d")
    Duration sentRetention();

    /** Statements per POST (xAPI accepts an array). */
    @WithDefault("50")
    int batchSize();

    interface Lrs {
        /** The LRS's xAPI endpoint; statements go to {endpoint}/statements. */
        String endpoint();

        /** Basic-auth key. */
        String username();

        /** Basic-auth secret. */
        String password();
    }

    default boolean delivers(String orgId) {
        return enabled() && orgId != null && lrs().containsKey(orgId);
    }
}
