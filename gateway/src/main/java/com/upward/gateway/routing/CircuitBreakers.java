package com.upward.gateway.routing;

import com.upward.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One circuit breaker per service, shared by all of that service's routes. */
@ApplicationScoped
public class CircuitBreakers {

    @Inject
    GatewayConfig config;

    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

    public CircuitBreaker of(String service) {
        return breakers.computeIfAbsent(service, ignored -> new CircuitBreaker(
                config.breaker().failureThreshold(), config.breaker().openFor(), System::nanoTime));
    }
}
