package com.upward.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.List;

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
        /** course-service's document (JSON), from its first instance: every instance serves the same. */
        @WithDefault("${upward.first-instance.course}/q/openapi?format=json")
        URI course();

        /** assessment-service's document (JSON). */
        @WithDefault("${upward.first-instance.assessment}/q/openapi?format=json")
        URI assessment();

        /** progress-service's document (JSON). */
        @WithDefault("${upward.first-instance.progress}/q/openapi?format=json")
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

        /**
         * Connections to each service for reads it holds open until something changes (a GET with If-None-Match
         * and {@code Prefer: wait}): a held read takes no worker of the service, only a connection.
         */
        @WithDefault("1000")
        int maxHeldReads();
    }

    /**
     * Each service's instances: one base URL, or several separated by commas (no spaces). The proxy balances each
     * service's requests over its instances; see {@code ServiceInstances}.
     */
    interface Services {
        List<URI> course();

        List<URI> assessment();

        List<URI> progress();

        /** How long an instance that refused or timed out a connection is left out before it is tried again. */
        @WithDefault("5s")
        Duration unhealthyFor();
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
