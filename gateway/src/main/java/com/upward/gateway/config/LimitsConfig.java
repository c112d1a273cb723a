package com.upward.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Limits at the edge: request rates, page sizes and the security headers. */
@ConfigMapping(prefix = "upward.gateway.limits")
public interface LimitsConfig {

    /** Requests per token subject (a learner, an admin, an integration client). */
    @WithDefault("300")
    int perUserRequests();

    @WithDefault("1m")
    Duration perUserWindow();

    /** Requests per client address, signed in or not; generous, as an office may share one address. */
    @WithDefault("600")
    int perIpRequests();

    @WithDefault("1m")
    Duration perIpWindow();

    /** Sign-in attempts per client address: strict, to slow down password guessing. */
    @WithDefault("10")
    int signInRequests();

    @WithDefault("1m")
    Duration signInWindow();

    /** The largest ?size= a list request may ask for; larger is refused before it reaches a service. */
    @WithDefault("100")
    int maxPageSize();

    /** Strict-Transport-Security max-age, sent on requests that arrived over HTTPS. */
    @WithDefault("365d")
    Duration hstsMaxAge();
}
