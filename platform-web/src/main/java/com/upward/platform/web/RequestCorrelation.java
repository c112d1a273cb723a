package com.upward.platform.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives every request a request id ({@code X-Request-Id}) and a W3C trace context ({@code traceparent}),
 * taken from the caller when well formed and made up otherwise. Both go into the log MDC (requestId,
 * traceId, spanId) and stay on the request headers, so a proxy hop passes them on; the request id is
 * echoed on the answer so a caller can quote it.
 */
@ApplicationScoped
public class RequestCorrelation {

    public static final String REQUEST_ID = "X-Request-Id";
    public static final String TRACEPARENT = "traceparent";
    /** Runs before CORS (300) and authentication (200), so even refusals carry the ids. */
    public static final int PRIORITY = 400;

    private static final Pattern REQUEST_ID_FORMAT = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern TRACEPARENT_FORMAT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final String ZERO_TRACE = "0".repeat(32);
    private static final String ZERO_SPAN = "0".repeat(16);

    void register(@Observes Filters filters) {
        filters.register(context -> {
            correlate(context);
            context.next();
        }, PRIORITY);
    }

    /** Sets both ids on the request and the request id on the answer; the gateway's fast path calls it directly. */
    public void correlate(RoutingContext context) {
        HttpServerRequest request = context.request();
        String requestId = request.getHeader(REQUEST_ID);
        if (requestId == null || !REQUEST_ID_FORMAT.matcher(requestId).matches()) {
            requestId = randomRequestId();
        }
        String traceId = null;
        String flags = "01";
        String incoming = request.getHeader(TRACEPARENT);
        if (incoming != null) {
            var matcher = TRACEPARENT_FORMAT.matcher(incoming.trim());
            if (matcher.matches() && !ZERO_TRACE.equals(matcher.group(1)) && !ZERO_SPAN.equals(matcher.group(2))) {
                traceId = matcher.group(1);
                flags = matcher.group(3);
            }
        }
        if (traceId == null) {
            traceId = randomHex(16);
        }
        // This hop's own span: the next hop sees it as its parent.
        String spanId = randomHex(8);
        request.headers().set(REQUEST_ID, requestId);
        request.headers().set(TRACEPARENT, "00-" + traceId + "-" + spanId + "-" + flags);
        context.response().putHeader(REQUEST_ID, requestId);
        MDC.put("requestId", requestId);
        MDC.put("traceId", traceId);
        MDC.put("spanId", spanId);
        context.addEndHandler(ignored -> {
            MDC.remove("requestId");
            MDC.remove("traceId");
            MDC.remove("spanId");
        });
    }

    /*
     * Ids only have to be unique, not secret: ThreadLocalRandom, not SecureRandom, whose every call took a lock
     * and read /dev/urandom, three times per request at the gateway.
     */
    private static String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    private static String randomRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        // A version-4 UUID, as UUID.randomUUID() makes, from the faster source.
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & ~(0xC000L << 48) | (0x8000L << 48);
        return new UUID(high, low).toString();
    }
}
