package com.upward.gateway.limits;

import com.upward.platform.web.Problem;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The gateway's own refusals below the REST layer, as problem+json like every other error. */
public final class EdgeResponses {

    public static void problem(RoutingContext context, Problem problem) {
        context.response().setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(JsonObject.mapFrom(problem.withInstance(context.request().path())).encode());
    }

    private EdgeResponses() {
    }
}
