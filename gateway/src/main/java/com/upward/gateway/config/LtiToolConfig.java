package com.upward.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The public side of Upward as an LTI 1.3 tool: where platforms reach it, and the browser's login state. */
@ConfigMapping(prefix = "upward.gateway.lti")
public interface LtiToolConfig {

    /** The gateway's public base URL: the redirect_uri sent to platforms is {public-url}/lti/launch. */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    /**
     * Whether the state cookie is Secure. A launch is a cross-site form POST, so the cookie must be SameSite=None,
     * which browsers accept only when Secure (http://localhost counts as secure in Chromium).
     */
    @WithDefault("true")
    boolean secureCookie();

    /** How long a login may take until its launch arrives (the state cookie's lifetime). */
    @WithDefault("10m")
    Duration loginTimeout();

    /** How long the portal has to take up the session a launch created (a one-time code). */
    @WithDefault("2m")
    Duration sessionPickupTimeout();
}
