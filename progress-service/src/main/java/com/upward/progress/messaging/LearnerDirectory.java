package com.upward.progress.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.upward.progress.config.ProgressConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The learners of an organisation, asked of the one who holds the identities: the gateway's directory
 * ({@code GET /api/v1/admin/learners}). The call carries the admin's own bearer token, so the gateway checks it and
 * answers for the organisation in it; this service never names an organisation to it.
 */
@ApplicationScoped
public class LearnerDirectory {

    /** The directory did not answer usefully; the message says what happened. */
    public static class DirectoryUnavailable extends Exception {
        public DirectoryUnavailable(String message) {
            super(message);
        }
    }

    private static final Logger LOG = Logger.getLogger(LearnerDirectory.class);

    @Inject
    ProgressConfig config;

    @Inject
    ObjectMapper mapper;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** Whether a directory is configured at all (not with an external identity provider). */
    public boolean configured() {
        return config.directory().url().isPresent();
    }

    /**
     * The learners of the token's organisation, id to display name; empty when no directory is configured.
     * A refusal of the token (4xx) is an empty directory: this service accepted the token, so the caller learns only
     * that the ids are not known learners.
     */
    public Optional<Map<String, String>> learners(String bearerToken) throws DirectoryUnavailable {
        Optional<URI> url = config.directory().url();
        if (url.isEmpty()) {
            return Optional.empty();
        }
        HttpRequest request = HttpRequest.newBuilder(url.get()).GET().timeout(config.directory().timeout())
                .header("Authorization", "Bearer " + bearerToken).header("Accept", "application/json").build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status == 429 || status >= 500) {
                throw new DirectoryUnavailable("The learner directory answered HTTP " + status + ".");
            }
            Map<String, String> learners = new LinkedHashMap<>();
            if (status != 200) {
                return Optional.of(learners);
            }
            for (JsonNode learner : mapper.readTree(response.body()).path("items")) {
                if (learner.path("id").isTextual()) {
                    learners.put(learner.get("id").asText(), learner.path("name").asText(learner.get("id").asText()));
                }
            }
            return Optional.of(learners);
        } catch (IOException e) {
            // The caller's problem names no class: the reason is logged here.
            LOG.warnf("The learner directory at %s could not be read: %s", url.get(), e.toString());
            throw new DirectoryUnavailable("The learner directory could not be reached.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DirectoryUnavailable("Interrupted while reading the learner directory.");
        }
    }
}
