package com.upward.platform.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A body sent without its length (Transfer-Encoding: chunked) is read here, before a resource reads it, up to
 * quarkus.http.limits.max-body-size; one byte more is a 413 problem. Quarkus' own reader would answer such a
 * body with a bare 413 and then fail the request. {@link BodySizeLimit} refuses a body whose announced length is
 * over the limit before it is read. Resources only: the gateway streams the bodies it routes to the services,
 * which refuse them the same way.
 */
public class ChunkedBodyLimit {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    @ServerRequestFilter(preMatching = true)
    public Uni<Response> readChunkedBody(ContainerRequestContext request, RoutingContext routing) {
        HttpServerRequest http = routing.request();
        String encoding = http.getHeader(HttpHeaders.TRANSFER_ENCODING);
        if (maxBodySize.isEmpty() || http.isEnded() || encoding == null || !encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            return Uni.createFrom().nullItem();
        }
        long limit = maxBodySize.get().asLongValue();
        return Uni.createFrom().emitter(emitter -> {
            Buffer body = Buffer.buffer();
            AtomicBoolean done = new AtomicBoolean();
            http.handler(chunk -> {
                if (done.get()) {
                    return;
                }
                if (body.length() + chunk.length() > limit) {
                    // The rest is read and dropped until the connection closes after this answer.
                    done.set(true);
                    emitter.complete(tooLarge(http.path(), limit));
                    return;
                }
                body.appendBuffer(chunk);
            });
            http.endHandler(end -> {
                if (done.compareAndSet(false, true)) {
                    routing.setBody(body);
                    request.setEntityStream(new ByteArrayInputStream(body.getBytes()));
                    emitter.complete(null);
                }
            });
            http.exceptionHandler(failure -> {
                if (done.compareAndSet(false, true)) {
                    emitter.fail(failure);
                }
            });
            http.resume();
        });
    }

    private static Response tooLarge(String path, long limit) {
        return Response.fromResponse(Problem.of(413, "Payload too large",
                                "The request body is larger than this API accepts (" + limit / 1024 + " KB).")
                        .withInstance(path).toResponse())
                .header(HttpHeaders.CONNECTION.toString(), "close").build();
    }
}
