package com.upward.gateway;

import com.upward.stack.FreePorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server standing in for the course and progress services, so the gateway's routing is tested
 * over real sockets; it echoes what it received. The assessment service points at a port nobody listens on.
 */
public class StandInServiceResource implements QuarkusTestResourceLifecycleManager {

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            if (request.path().endsWith("/missing")) {
                request.response().setStatusCode(404).putHeader("Content-Type", "application/problem+json")
                        .end(new JsonObject().put("type", "about:blank").put("title", "Not found").put("status", 404)
                                .put("detail", "Stand-in: nothing here.").encode());
                return;
            }
            request.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                    .put("method", request.method().name())
                    .put("path", request.path())
                    .put("query", request.query())
                    .put("authorization", request.getHeader("Authorization"))
                    .put("body", body.toString()).encode());
        }));
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String standIn = "http://127.0.0.1:" + server.actualPort();
        return Map.of(
                "upward.gateway.services.course", standIn,
                "upward.gateway.services.progress", standIn,
                "upward.gateway.services.assessment", "http://127.0.0.1:" + FreePorts.next());
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
