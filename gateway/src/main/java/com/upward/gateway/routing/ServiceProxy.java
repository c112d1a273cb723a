package com.upward.gateway.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.upward.gateway.config.GatewayConfig;
import com.upward.gateway.config.LimitsConfig;
import com.upward.gateway.limits.EdgeResponses;
import com.upward.platform.web.Problem;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.net.URI;
import java.util.concurrent.TimeoutException;

/**
 * Routes API paths to the services with Vert.x's reverse proxy: method, headers (with the request id and
 * traceparent) and body pass through unchanged, and so do the services' problem+json answers. Around it:
 * a time limit per route (504), connection retries for GET and HEAD only, and a circuit breaker per
 * service (503 at once while open). The token was already checked at the edge; each service checks it again.
 */
@ApplicationScoped
public class ServiceProxy {

    private static final Logger LOG = Logger.getLogger(ServiceProxy.class);
    private static final long UNREACHABLE_RETRY_AFTER = 5;

    @Inject
    Vertx vertx;

    @Inject
    GatewayConfig config;

    @Inject
    LimitsConfig limits;

    @Inject
    CircuitBreakers breakers;

    @Inject
    MeterRegistry metrics;

    @Inject
    ObjectMapper mapper;

    void register(@Observes Router router) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true)
                .setMaxPoolSize(50));
        for (ServiceRoutes.Route route : ServiceRoutes.of(config)) {
            HttpProxy proxy = HttpProxy.reverseProxy(client)
                    .origin(context -> connect(context, route, 0))
                    .addInterceptor(new Guard(route, breakers.of(route.service())));
            router.routeWithRegex(route.pathRegex()).handler(context -> {
                if (!pageTooLarge(context)) {
                    proxy.handle(context.request());
                }
            });
        }
    }

    /** Page sizes are capped at the edge too, so no service is asked for an unbounded list. */
    private boolean pageTooLarge(RoutingContext context) {
        String size = context.request().getParam("size");
        if (size == null || !size.matches("\\d{1,9}") || Integer.parseInt(size) <= limits.maxPageSize()) {
            return false;
        }
        EdgeResponses.problem(context, Problem.of(400, "Bad request",
                "size must be between 1 and " + limits.maxPageSize() + ", not " + size + "."));
        return true;
    }

    /** Opens a request to the service; a read that cannot connect is tried again, a write never is. */
    private Future<HttpClientRequest> connect(ProxyContext context, ServiceRoutes.Route route, int attempt) {
        URI origin = route.origin();
        RequestOptions options = new RequestOptions()
                .setServer(SocketAddress.inetSocketAddress(origin.getPort(), origin.getHost()))
                .setConnectTimeout(config.connectTimeout().toMillis())
                .setIdleTimeout(route.timeout().toMillis());
        return context.client().request(options).recover(failure -> {
            if (!isIdempotentRead(context.request().getMethod()) || !(failure instanceof ConnectException)
                    || attempt >= config.routing().readRetries()) {
                return Future.failedFuture(failure);
            }
            metrics.counter("upward.gateway.proxy.retries", "service", route.service()).increment();
            Promise<HttpClientRequest> retried = Promise.promise();
            long pause = config.routing().retryBackoff().toMillis() << attempt;
            vertx.setTimer(Math.max(1, pause), id -> connect(context, route, attempt + 1).onComplete(retried));
            return retried.future();
        });
    }

    private static boolean isIdempotentRead(HttpMethod method) {
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
    }

    /** The breaker around every proxied request, and problem+json for the gateway's own refusals. */
    private final class Guard implements ProxyInterceptor {

        private final ServiceRoutes.Route route;
        private final CircuitBreaker breaker;

        Guard(ServiceRoutes.Route route, CircuitBreaker breaker) {
            this.route = route;
            this.breaker = breaker;
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            String service = route.service();
            if (!breaker.tryAcquire()) {
                return Future.succeededFuture(problem(context, 503, "Service unavailable",
                        "The " + service + " is failing, so the gateway is not sending it requests for a moment. Try again shortly.",
                        breaker.retryAfterSeconds()));
            }
            return context.sendRequest().map(response -> {
                int status = response.getStatusCode();
                if (status == 502 || status == 503 || status == 504) {
                    breaker.onFailure();
                } else {
                    breaker.onSuccess();
                }
                return response;
            }).recover(failure -> {
                breaker.onFailure();
                if (failure instanceof TimeoutException) {
                    LOG.warnf("%s took longer than %s for %s %s", service, route.timeout(),
                            context.request().getMethod(), context.request().getURI());
                    return Future.succeededFuture(problem(context, 504, "Gateway timeout",
                            "The " + service + " did not answer in time. Try again in a moment.", 0));
                }
                LOG.warnf("%s is unavailable for %s %s: %s", service,
                        context.request().getMethod(), context.request().getURI(), failure.getMessage());
                return Future.succeededFuture(problem(context, 503, "Service unavailable",
                        "The " + service + " is not answering right now. Try again in a moment.",
                        breaker.state() == CircuitBreaker.State.OPEN ? breaker.retryAfterSeconds() : UNREACHABLE_RETRY_AFTER));
            });
        }

        private ProxyResponse problem(ProxyContext context, int status, String title, String detail, long retryAfterSeconds) {
            Problem problem = Problem.of(status, title, detail).withInstance(context.request().proxiedRequest().path());
            ProxyResponse response = context.request().response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .setBody(Body.body(Buffer.buffer(json(problem))));
            if (retryAfterSeconds > 0) {
                response.putHeader("Retry-After", Long.toString(retryAfterSeconds));
            }
            return response;
        }
    }

    private String json(Problem problem) {
        try {
            return mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
