package com.upward.gateway.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.upward.gateway.config.GatewayConfig;
import com.upward.gateway.config.LimitsConfig;
import com.upward.gateway.limits.EdgeResponses;
import com.upward.platform.web.Problem;
import com.upward.platform.web.HeaderAndUriLimits;
import com.upward.platform.web.RequestCorrelation;
import com.upward.platform.web.SecurityProblems;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.StreamResetException;
import io.vertx.core.http.impl.HttpServerRequestInternal;
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
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import io.smallrye.faulttolerance.api.TypedGuard;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;
import java.net.URI;
import java.util.concurrent.TimeoutException;

/**
 * Routes API paths to the services with Vert.x's reverse proxy: method, headers (with the request id and
 * traceparent) and body pass through unchanged, and so do the services' problem+json answers. Around it:
 * a time limit per route (504), a retry on a new connection when nothing was sent (any method) or when the
 * connection broke after sending (GET and HEAD only, once), and a circuit breaker per
 * service (503 at once while open). The token was already checked at the edge; each service checks it again.
 */
@ApplicationScoped
public class ServiceProxy {

    private static final Logger LOG = Logger.getLogger(ServiceProxy.class);
    private static final long UNREACHABLE_RETRY_AFTER = 5;
    /** After the access log and the request's start time (Integer.MIN_VALUE), before every filter. */
    private static final int KNOWN_TOKEN_ORDER = Integer.MIN_VALUE + 10;
    private static final String INSTANCE = "upward.instance";

    @Inject
    Vertx vertx;

    @Inject
    GatewayConfig config;

    @Inject
    LimitsConfig limits;

    @Inject
    ServiceBreakers breakers;

    @Inject
    RouteTemplates templates;

    @Inject
    MeterRegistry metrics;

    @Inject
    ObjectMapper mapper;

    @Inject
    KnownTokenPath knownTokenPath;

    void register(@Observes Router router) {
        HttpClient client = pooledClient(config.pool().maxConnections());
        // A read the service holds open until something changes takes none of the service's workers while held,
        // so it does not take a connection from the pool that caps the requests that do: fifty learners watching
        // their progress would otherwise leave every other request to that service waiting, then 503.
        HttpClient heldReads = pooledClient(config.pool().maxHeldReads());
        List<Proxied> proxied = new ArrayList<>();
        for (ServiceRoutes.Route route : ServiceRoutes.of(config)) {
            Proxies proxies = new Proxies(proxy(client, route), proxy(heldReads, route));
            proxied.add(new Proxied(Pattern.compile(route.pathRegex()), route, proxies,
                    metrics.counter("upward.gateway.proxy.known-token", "service", route.service())));
            // Everyone without a known token, after the filter chain and Quarkus' authentication.
            router.routeWithRegex(route.pathRegex()).handler(context -> forward(context, route, proxies, authenticated(context)));
        }
        // Ahead of the filter chain, for every request: a caller whose token was verified before gets the edge's
        // checks in one step. A route without a path, matched here: a path route would make Vert.x parse the query
        // before any filter could refuse a target that is not a URI.
        router.route().order(KNOWN_TOKEN_ORDER).handler(context -> {
            Proxied target = proxiedRoute(context, proxied);
            if (target == null) {
                context.next();
                return;
            }
            // Before any refusal, so a 401 or 429 is counted under the template too.
            tagMetrics(context, target.route());
            JsonWebToken token = knownTokenPath.knownToken(context);
            if (token == null) {
                context.next();
            } else if (knownTokenPath.admit(context, token)) {
                target.knownTokenRequests().increment();
                forward(context, target.route(), target.proxies(), token);
            }
        });
    }

    private HttpClient pooledClient(int maxConnections) {
        return vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true)
                // Below the services' own idle timeout, so the gateway drops an idle connection before a service does.
                .setKeepAliveTimeout((int) config.pool().keepAliveTimeout().toSeconds())
                .setIdleTimeout((int) config.pool().idleTimeout().toSeconds())
                .setMaxPoolSize(maxConnections));
    }

    private HttpProxy proxy(HttpClient client, ServiceRoutes.Route route) {
        return HttpProxy.reverseProxy(client)
                .origin(context -> connect(context, route, 0))
                .addInterceptor(new Guard(route, breakers.of(route.service())));
    }

    /** A route's proxy for ordinary requests, and the one for reads the service may hold open (RFC 7240 wait). */
    private record Proxies(HttpProxy ordinary, HttpProxy heldReads) {

        HttpProxy of(HttpServerRequest request) {
            String prefer = request.getHeader("Prefer");
            boolean held = request.method() == HttpMethod.GET && request.getHeader("If-None-Match") != null
                    && prefer != null && prefer.contains("wait");
            return held ? heldReads : ordinary;
        }
    }

    /** A routed path prefix as a pattern, its route and proxies, and the count of its known-token requests. */
    private record Proxied(Pattern path, ServiceRoutes.Route route, Proxies proxies, Counter knownTokenRequests) {
    }

    /** The route of a proxied path; null for any other path, and for a target that is not a URI (the filters refuse it). */
    private static Proxied proxiedRoute(RoutingContext context, List<Proxied> proxied) {
        if (!context.request().path().startsWith("/api/") || !HeaderAndUriLimits.isUri(context.request().uri())) {
            return null;
        }
        String path = context.normalizedPath();
        for (Proxied candidate : proxied) {
            if (candidate.path().matcher(path).matches()) {
                return candidate;
            }
        }
        return null;
    }

    private void forward(RoutingContext context, ServiceRoutes.Route route, Proxies proxies, JsonWebToken token) {
        if (!route.roles().isEmpty() && (token == null || !route.admits(token.getGroups()))) {
            EdgeResponses.problem(context, SecurityProblems.forbiddenProblem(context.request().path()));
        } else if (!pageTooLarge(context)) {
            proxies.of(context.request()).handle(context.request());
        }
    }

    private static JsonWebToken authenticated(RoutingContext context) {
        return context.user() instanceof QuarkusHttpUser user && user.getSecurityIdentity().getPrincipal() instanceof JsonWebToken token
                ? token : null;
    }

    /**
     * Request metrics are tagged by the documented template, or by the route's prefix for a path no document has,
     * never by the raw path: ids in tags would grow the metrics without bound. The key is the one Quarkus REST uses.
     */
    private void tagMetrics(RoutingContext context, ServiceRoutes.Route route) {
        String template = templates.of(context.normalizedPath());
        ((HttpServerRequestInternal) context.request()).context()
                .putLocal("UrlPathTemplate", template != null ? template : route.undocumentedTemplate());
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

    /**
     * Opens a request to the service's next instance; one that cannot connect has sent nothing, so it is tried again
     * whatever its method, on another instance when there is one (the failed one is out of service for a while).
     */
    private Future<HttpClientRequest> connect(ProxyContext context, ServiceRoutes.Route route, int attempt) {
        ServiceInstances.Instance instance = route.instances().next();
        URI origin = instance.uri();
        RequestOptions options = new RequestOptions()
                .setServer(SocketAddress.inetSocketAddress(origin.getPort(), origin.getHost()))
                .setConnectTimeout(config.connectTimeout().toMillis())
                .setIdleTimeout(route.timeout().toMillis());
        // The send step marks the instance failed if the connection then breaks, so a resent read goes elsewhere.
        context.set(INSTANCE, instance);
        return context.client().request(options).map(request -> {
            instance.connected();
            // The proxy learns of a failure from the answer it awaits; without a handler Vert.x would also log it
            // as an ERROR, e.g. "Stream reset: 0" for every caller that hangs up, which is no error of ours.
            request.exceptionHandler(failure -> LOG.debugf("%s request ended early: %s", route.service(), failure.getMessage()));
            request.response().onSuccess(response -> response.exceptionHandler(
                    failure -> LOG.debugf("%s answer ended early: %s", route.service(), failure.getMessage())));
            if (context.request().proxiedRequest().response().closed()) {
                // The caller hung up while this request waited for a pooled connection: give the connection back
                // now, or it stays leased until the route's idle timeout and the callers after it wait for it.
                request.reset();
                throw new CallerGone();
            }
            return request;
        }).recover(failure -> {
            if (failure instanceof TimeoutException) {
                // No connection in time (the pool was busy or the service slow to accept): nothing was sent.
                return Future.failedFuture(new NoConnection(failure));
            }
            if (failure instanceof ConnectException) {
                instance.failed(failure);
            }
            // Every other instance gets a try before the request fails, however few retries are configured.
            int retries = Math.max(config.routing().connectRetries(), route.instances().size() - 1);
            if (!(failure instanceof ConnectException) || attempt >= retries) {
                return Future.failedFuture(failure);
            }
            metrics.counter("upward.gateway.proxy.retries", "service", route.service()).increment();
            Promise<HttpClientRequest> retried = Promise.promise();
            long pause = config.routing().retryBackoff().toMillis() << attempt;
            vertx.setTimer(Math.max(1, pause), id -> connect(context, route, attempt + 1).onComplete(retried));
            return retried.future();
        });
    }

    /**
     * The breaker around every proxied request (SmallRye Fault Tolerance, one per service), and problem+json for
     * the gateway's own refusals. Only the service's own failures count: unreachable, too slow, or a 5xx answer.
     * A caller that hangs up mid-request counts for nothing, however many do.
     */
    private final class Guard implements ProxyInterceptor {

        private final ServiceRoutes.Route route;
        private final TypedGuard<CompletionStage<ProxyResponse>> breaker;

        Guard(ServiceRoutes.Route route, TypedGuard<CompletionStage<ProxyResponse>> breaker) {
            this.route = route;
            this.breaker = breaker;
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            String service = route.service();
            HttpServerResponse caller = context.request().proxiedRequest().response();
            CompletionStage<ProxyResponse> guarded = breaker.get(() -> send(context).<ProxyResponse>transform(outcome -> {
                if (caller.closed()) {
                    return Future.failedFuture(new CallerGone());
                }
                if (outcome.failed()) {
                    return Future.failedFuture(outcome.cause());
                }
                ProxyResponse response = outcome.result();
                return response.getStatusCode() >= 500
                        ? Future.failedFuture(new ServiceAnsweredError(response))
                        : Future.succeededFuture(response);
            }).toCompletionStage());
            return Future.fromCompletionStage(guarded, vertx.getOrCreateContext()).recover(failure -> {
                if (failure instanceof ServiceAnsweredError answered) {
                    // The service's own problem+json passes through; it only counted against the breaker.
                    return Future.succeededFuture(answered.response);
                }
                if (failure instanceof CallerGone) {
                    return Future.failedFuture(failure);
                }
                if (failure instanceof CircuitBreakerOpenException) {
                    return Future.succeededFuture(problem(context, 503, "Service unavailable",
                            "The " + service + " is failing, so the gateway is not sending it requests for a moment. Try again shortly.",
                            Math.max(1, config.breaker().openFor().toSeconds())));
                }
                if (failure instanceof ConnectionBroke) {
                    LOG.warnf("%s closed the connection before answering %s %s: %s", service,
                            context.request().getMethod(), context.request().getURI(), failure.getCause().getMessage());
                    return Future.succeededFuture(problem(context, 502, "Bad gateway",
                            "The " + service + " closed the connection before answering. The request was not repeated,"
                                    + " because it may have reached the service: check before sending it again.", 0));
                }
                if (failure instanceof TimeoutException) {
                    LOG.warnf("%s took longer than %s for %s %s", service, route.timeout(),
                            context.request().getMethod(), context.request().getURI());
                    return Future.succeededFuture(problem(context, 504, "Gateway timeout",
                            "The " + service + " did not answer in time. Try again in a moment.", 0));
                }
                LOG.warnf("%s is unavailable for %s %s: %s", service,
                        context.request().getMethod(), context.request().getURI(), failure.getMessage());
                return Future.succeededFuture(problem(context, 503, "Service unavailable",
                        "The " + service + " is not answering right now. Try again in a moment.", UNREACHABLE_RETRY_AFTER));
            });
        }

        /**
         * Sends the request; when the connection broke after it was written (a pooled connection the service
         * closed at that moment, a reset) a GET or HEAD is sent once more on another connection. Any other method
         * is not: it may have reached the service, so it becomes a 502 instead of a second write.
         */
        private Future<ProxyResponse> send(ProxyContext context) {
            return context.sendRequest().recover(failure -> {
                if (context.request().proxiedRequest().response().closed()) {
                    // The caller hung up and the proxy reset the service's stream: nothing to resend, nobody to blame.
                    return Future.failedFuture(new CallerGone());
                }
                if (!brokenConnection(failure)) {
                    return Future.failedFuture(failure);
                }
                ServiceInstances.Instance instance = context.get(INSTANCE, ServiceInstances.Instance.class);
                if (instance != null) {
                    instance.failed(failure);
                }
                HttpMethod method = context.request().getMethod();
                if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
                    return Future.failedFuture(new ConnectionBroke(failure));
                }
                metrics.counter("upward.gateway.proxy.retries", "service", route.service()).increment();
                context.request().setBody(null);
                return context.sendRequest().recover(again -> Future.failedFuture(
                        brokenConnection(again) ? new ConnectionBroke(again) : again));
            });
        }

        /** The gateway already echoes the request id it passed on; the service's copy would make it appear twice. */
        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            ProxyResponse response = context.response();
            response.headers().remove(RequestCorrelation.REQUEST_ID);
            int status = response.getStatusCode();
            if (status == 204 || status == 304 || HttpMethod.HEAD.equals(context.request().getMethod())) {
                // RFC 9110: these carry no body, so no body framing either (a chunked 304 breaks strict clients).
                response.headers().remove("Transfer-Encoding");
                response.setBody(null);
            }
            return context.sendResponse();
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

    /** A caller that went away before its answer: not the service's fault. */
    static final class CallerGone extends RuntimeException {
        CallerGone() {
            super("the caller closed its connection", null, false, false);
        }
    }

    /** Connected, and the request (or part of it) written, but the connection broke before an answer came. */
    private static boolean brokenConnection(Throwable failure) {
        // A reset from the service's side (its process killed under the connection) is a broken connection too.
        return failure instanceof HttpClosedException || failure instanceof StreamResetException
                || failure instanceof IOException && !(failure instanceof ConnectException);
    }

    /** No connection to the service within the connect timeout: an unavailable service (503), not a slow answer (504). */
    static final class NoConnection extends RuntimeException {
        NoConnection(Throwable cause) {
            super("no connection to the service in time", cause, false, false);
        }
    }

    /** The connection to the service broke after the request was written, and the request was not repeated. */
    static final class ConnectionBroke extends RuntimeException {
        ConnectionBroke(Throwable cause) {
            super("the connection broke before the service answered", cause, false, false);
        }
    }

    /** A 5xx answer from the service: counted as its failure, then passed through as it is. */
    static final class ServiceAnsweredError extends RuntimeException {
        final transient ProxyResponse response;

        ServiceAnsweredError(ProxyResponse response) {
            super("the service answered " + response.getStatusCode(), null, false, false);
            this.response = response;
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
