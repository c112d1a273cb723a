package com.upward.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;

@ConfigMapping(prefix = "upward.gateway")
public interface GatewayConfig {

    Services services();

    /** How long the gateway waits to connect to a service before answering 503. */
    @WithDefault("2s")
    Duration connectTimeout();

    interface Services {
        URI course();

        URI assessment();

        URI progress();
    }
}
