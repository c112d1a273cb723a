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

    /** The course the dashboard shows when the caller names none. */
    @WithDefault("how-to-lead-upward")
    String dashboardCourse();

    Routing routing();

    Breaker breaker();

    Pool pool();

    OpenApi openapi();

    /** Where the gateway reads each service's generated OpenAPI document, to merge the routed paths into its own. */
    interface OpenApi {
        /** course-service's document (JSON). */
        @WithDefault("${upward.gateway.services.course}/q/openapi?format=json")
        URI course();

        /** assessment-service's document (JSON). */
        @WithDefault("${upward.gateway.services.assessment}/q/openapi?format=json")
        URI assessment();

        /** progress-service's document (JSON). */
        @WithDefault("${upward.gateway.services.progress}/q/openapi?format=json")
        URI progress();

        /** After a failed fetch (the service is down or starting), try again this soon. */
        @WithDefault("5s")
        Duration retryInterval();

        /** A fetched document is read again this often, so a redeployed service's changes appear. */
        @WithDefault("10m")
        Duration refreshInterval();
    }

    interface Pool {
        /** How long an unused pooled connection to a service is kept: below the services' server idle timeout (30 min). */
        @WithDefault("20s")
        Duration keepAliveTimeout();

        /** A pooled connection with no traffic at all for this long is closed. */
        @WithDefault("30s")
        Duration idleTimeout();

        /** Connections to each service. */
        @WithDefault("50")
        int maxConnections();
    }

    interface Services {
        URI course();

        URI assessment();

        URI progress();
    }

    interface Routing {
        /** Time limit for a service to start answering a learner request; past it the gateway answers 504. */
        @WithDefault("10s")
        Duration timeout();

        /** Time limit on /api/v1/admin/** routes: reports and exports take longer than learner reads. */
        @WithDefault("30s")
        Duration adminTimeout();

        /** Extra connection attempts when a service cannot be reached: nothing was sent, so for every method. */
        @WithDefault("1")
        int connectRetries();

        /** Pause before the first retry, doubled for each further one. */
        @WithDefault("100ms")
        Duration retryBackoff();
    }

    interface Breaker {
        /** Consecutive failures (unreachable, timeout, 502/503/504) that open a service's breaker. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open breaker answers 503 at once before letting one probe request through. */
        @WithDefault("10s")
        Duration openFor();
    }
}
