package com.upward.gateway.routing;

import com.upward.gateway.config.GatewayConfig;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Inject;

import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One SmallRye Fault Tolerance circuit breaker per service, shared by all of that service's routes. It opens
 * when the last {@code failure-threshold} requests all failed, and lets a probe through after {@code open-for}.
 */
@ApplicationScoped
public class ServiceBreakers {

    @Inject
    GatewayConfig config;

    private final Map<String, TypedGuard<CompletionStage<ProxyResponse>>> guards = new ConcurrentHashMap<>();

    TypedGuard<CompletionStage<ProxyResponse>> of(String service) {
        return guards.computeIfAbsent(service, ignored -> TypedGuard.create(new TypeLiteral<CompletionStage<ProxyResponse>>() {
                })
                .withCircuitBreaker()
                .name(name(service))
                .requestVolumeThreshold(config.breaker().failureThreshold())
                .failureRatio(1.0)
                .delay(config.breaker().openFor().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(1)
                .skipOn(ServiceProxy.CallerGone.class)
                .done()
                .withThreadOffload(false)
                .build());
    }

    public CircuitBreakerState state(String service) {
        of(service);
        return CircuitBreakerMaintenance.get().currentState(name(service));
    }

    public void reset(String service) {
        of(service);
        CircuitBreakerMaintenance.get().reset(name(service));
    }

    private static String name(String service) {
        return "gateway-proxy-" + service;
    }
}
