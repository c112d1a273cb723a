package com.upward.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.upward.gateway.config.GatewayConfig;
import com.upward.gateway.routing.ServiceRoutes;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The services' own OpenAPI documents, as each serves it at /q/openapi. Read at start; one that cannot be read
 * (the service is down or still starting) is tried again every {@code retry-interval}, and a document read is
 * read again every {@code refresh-interval}. Until a service's document arrives its paths are missing from the
 * gateway's document, and nothing else waits for it.
 */
@ApplicationScoped
public class ServiceDocuments {

    private static final Logger LOG = Logger.getLogger(ServiceDocuments.class);

    @Inject
    Vertx vertx;

    @Inject
    GatewayConfig config;

    @Inject
    ObjectMapper mapper;

    private final Map<String, JsonNode> documents = new ConcurrentHashMap<>();
    /** Counts the documents read, so a reader can tell cheaply whether anything changed since it last looked. */
    private final AtomicLong version = new AtomicLong();
    private HttpClient client;
    private volatile boolean stopped;

    void start(@Observes StartupEvent event) {
        client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis()));
        sources().forEach(this::fetch);
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
    }

    /** Changes whenever a document is read. */
    public long version() {
        return version.get();
    }

    /** The documents read so far, by service name. */
    public Map<String, JsonNode> current() {
        return Map.copyOf(documents);
    }

    private Map<String, URI> sources() {
        GatewayConfig.OpenApi openapi = config.openapi();
        return Map.of(ServiceRoutes.COURSE, openapi.course(), ServiceRoutes.ASSESSMENT, openapi.assessment(),
                ServiceRoutes.PROGRESS, openapi.progress());
    }

    private void fetch(String service, URI source) {
        if (stopped) {
            return;
        }
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(source.toString())
                .putHeader("Accept", "application/json").setIdleTimeout(config.routing().timeout().toMillis());
        client.request(options)
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200
                        ? response.body()
                        : Future.failedFuture("it answered " + response.statusCode()))
                .onSuccess(body -> {
                    try {
                        documents.put(service, mapper.readTree(body.getBytes()));
                        // Documents arrive on several event loops: an increment must not be lost, or a reader could miss one.
                        version.incrementAndGet();
                        schedule(service, source, config.openapi().refreshInterval().toMillis());
                    } catch (IOException e) {
                        LOG.warnf("The OpenAPI document of %s at %s is not JSON: %s", service, source, e.getMessage());
                        schedule(service, source, config.openapi().retryInterval().toMillis());
                    }
                })
                .onFailure(failure -> {
                    LOG.debugf("No OpenAPI document from %s at %s yet: %s", service, source, failure.getMessage());
                    schedule(service, source, config.openapi().retryInterval().toMillis());
                });
    }

    private void schedule(String service, URI source, long delayMillis) {
        if (!stopped) {
            vertx.setTimer(Math.max(1, delayMillis), id -> fetch(service, source));
        }
    }
}
