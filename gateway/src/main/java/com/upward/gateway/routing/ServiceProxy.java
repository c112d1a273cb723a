package com.upward.gateway.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.upward.gateway.config.GatewayConfig;
import com.upward.platform.web.Problem;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.ext.web.Router;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.net.URI;

/**
 * Routes API paths to the services with Vert.x's reverse proxy: method, headers and body pass through
 * unchanged, and so do the services' problem+json answers. A service that cannot be reached gets a 503.
 * The token was already checked at the edge (HTTP permissions); each service checks it again.
 */
@ApplicationScoped
public class ServiceProxy {

    private static final Logger LOG = Logger.getLogger(ServiceProxy.class);

    @Inject
    Vertx vertx;

    @Inject
    GatewayConfig config;

    @Inject
    ObjectMapper mapper;

    void register(@Observes Router router) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true)
                .setMaxPoolSize(50));
        for (ServiceRoutes.Route route : ServiceRoutes.of(config)) {
            URI origin = route.origin();
            HttpProxy proxy = HttpProxy.reverseProxy(client)
                    .origin(origin.getPort(), origin.getHost())
                    .addInterceptor(unavailableAsProblem(route.service()));
            router.routeWithRegex(route.pathRegex()).handler(context -> proxy.handle(context.request()));
        }
    }

    private ProxyInterceptor unavailableAsProblem(String service) {
        return new ProxyInterceptor() {
            @Override
            public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
                return context.sendRequest().recover(failure -> {
                    LOG.warnf("%s is unavailable for %s: %s", service, context.request().getURI(), failure.getMessage());
                    Problem problem = Problem.of(503, "Service unavailable",
                            "The " + service + " is not answering right now. Try again in a moment.")
                            .withInstance(context.request().getURI());
                    ProxyResponse response = context.request().response()
                            .setStatusCode(503)
                            .putHeader("Content-Type", Problem.MEDIA_TYPE)
                            .putHeader("Retry-After", "5")
                            .setBody(Body.body(Buffer.buffer(json(problem))));
                    return Future.succeededFuture(response);
                });
            }
        };
    }

    private String json(Problem problem) {
        try {
            return mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
