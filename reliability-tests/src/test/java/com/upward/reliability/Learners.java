package com.upward.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/** Learners of the course, each with a token signed by the stack's local issuer, calling a service over HTTP. */
final class Learners {

    static final String COURSE = "how-to-lead-upward";
    static final String ORG = "acme";
    /** The course's lessons in their order (v1.json), which is the order a learner completes them in. */
    static final List<String> LESSONS = List.of("what-is-leading-upward", "complications-and-benefits",
            "power-and-leading-upward", "position-power-role", "position-power-penalty", "personal-power-reputation",
            "personal-power-expertise", "using-the-power-you-have", "four-tips-to-engage", "meet-aleta-norris",
            "misconceptions-and-first-steps", "power-and-responsibility", "leading-upward-in-a-career",
            "worst-and-best-outcomes", "wrap-up");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** One call's outcome: its status, its content type, its Retry-After and its body. */
    record Answer(int status, String contentType, String retryAfter, String body) {
        boolean accepted() {
            return status >= 200 && status < 300;
        }
    }

    private Learners() {
    }

    static String token(String learnerId) {
        try {
            long now = Instant.now().getEpochSecond();
            String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
            // smallrye.jwt.time-to-live (900 s) caps exp - iat; a test run is far shorter than 600 s per token.
            String claims = "{\"iss\":\"https://upward.local\",\"aud\":\"upward-api\",\"sub\":\"" + learnerId
                    + "\",\"upn\":\"" + learnerId + "\",\"name\":\"" + learnerId + "\",\"org\":\"" + ORG
                    + "\",\"groups\":[\"learner\"],\"iat\":" + now + ",\"exp\":" + (now + 600) + "}";
            String signingInput = base64(header.getBytes(StandardCharsets.UTF_8)) + "." + base64(claims.getBytes(StandardCharsets.UTF_8));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(privateKey());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64(signature.sign());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Could not sign a learner token", e);
        }
    }

    private static PrivateKey privateKey() throws IOException, GeneralSecurityException {
        String pem = Files.readString(FaultStack.keys().privateKey())
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Completes a lesson at course-service; a refused connection or a timeout is an answer with status 0. */
    static Answer completeLesson(String token, String lessonId) {
        return completeLesson(FaultStack.stack().serviceUrl("course-service"), token, lessonId);
    }

    /** Completes a lesson at {@code baseUrl}: course-service itself, or the gateway in front of its instances. */
    static Answer completeLesson(String baseUrl, String token, String lessonId) {
        String url = baseUrl + "/api/v1/courses/" + COURSE + "/lessons/" + lessonId + "/completion";
        return call(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()), token);
    }

    /** POSTs a JSON body, or nothing when {@code json} is null. */
    static Answer post(String baseUrl, String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (json == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return call(request, token);
    }

    static Answer get(String baseUrl, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        return call(request, token);
    }

    private static Answer call(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(null), response.body());
        } catch (IOException e) {
            return new Answer(0, "", null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "", null, "interrupted");
        }
    }
}
