package com.upward.progress.domain;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * How a webhook delivery is signed: HMAC-SHA256, keyed by the webhook's secret, over
 * {@code timestamp + "." + body}, sent as {@code Upward-Webhook-Signature: v1=<hex>} beside
 * {@code Upward-Webhook-Timestamp} (Unix seconds). Signing the timestamp lets a receiver refuse an old delivery
 * replayed later; the event id header lets it refuse one replayed inside the window.
 */
public final class WebhookSignature {

    public static final String ID_HEADER = "Upward-Webhook-Id";
    public static final String EVENT_HEADER = "Upward-Webhook-Event";
    public static final String TIMESTAMP_HEADER = "Upward-Webhook-Timestamp";
    public static final String SIGNATURE_HEADER = "Upward-Webhook-Signature";
    public static final String VERSION = "v1";
    /** What receivers are told to accept: a timestamp at most this far from their clock. */
    public static final long REPLAY_WINDOW_SECONDS = 300;

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return VERSION + "=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private WebhookSignature() {
    }
}
