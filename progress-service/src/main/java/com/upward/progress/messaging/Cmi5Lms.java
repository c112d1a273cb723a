package com.upward.progress.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.upward.progress.config.Cmi5Config;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * The two calls an AU makes to its LMS at launch, server to server: POST the fetch URL (once: the LMS answers a
 * second call with an error) for the auth token, then GET LMS.LaunchData from the LMS's xAPI state API.
 */
@ApplicationScoped
public class Cmi5Lms {

    /** The LMS did not give what a launch needs; the message says what it answered. */
    public static class LmsException extends Exception {
        public LmsException(String message) {
            super(message);
        }
    }

    @Inject
    Cmi5Config config;

    @Inject
    ObjectMapper mapper;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** The auth-token the fetch URL gives (cmi5: used as "Authorization: Basic {token}"). */
    public String fetchToken(URI fetch) throws LmsException {
        JsonNode answer = call(HttpRequest.newBuilder(fetch).POST(HttpRequest.BodyPublishers.noBody()), "fetch URL");
        if (answer.hasNonNull("error-code") || !answer.path("auth-token").isTextual()) {
            throw new LmsException("The LMS's fetch URL gave no auth token (" + answer + "); launch again from the LMS.");
        }
        return answer.get("auth-token").asText();
    }

    /** LMS.LaunchData for this launch, from the LMS's state API. */
    public JsonNode launchData(String endpoint, String token, String activityId, String actor, String registration)
            throws LmsException {
        String query = "stateId=LMS.LaunchData&activityId=" + encode(activityId) + "&agent=" + encode(actor)
                + "&registration=" + encode(registration);
        URI state = URI.create((endpoint.endsWith("/") ? endpoint : endpoint + "/") + "activities/state?" + query);
        return call(HttpRequest.newBuilder(state).GET().header("Authorization", "Basic " + token)
                .header(XapiSender.VERSION_HEADER, XapiSender.VERSION), "state API");
    }

    private JsonNode call(HttpRequest.Builder request, String what) throws LmsException {
        try {
            HttpResponse<String> response = http.send(request.timeout(config.requestTimeout()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new LmsException("The LMS's " + what + " answered HTTP " + response.statusCode() + ".");
            }
            return mapper.readTree(response.body());
        } catch (IOException e) {
            throw new LmsException("The LMS's " + what + " could not be read: " + e.getClass().getSimpleName() + ".");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LmsException("Interrupted while calling the LMS's " + what + ".");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
