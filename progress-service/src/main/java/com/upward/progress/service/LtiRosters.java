package com.upward.progress.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.upward.platform.web.ProblemException;
import com.upward.platform.web.errors.NotFoundException;
import com.upward.progress.config.LtiConfig;
import com.upward.progress.domain.LtiPlatform;
import com.upward.progress.persistence.LtiLaunchRepository;
import com.upward.progress.persistence.LtiPlatformRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Names and Role Provisioning: an admin reads the roster of a context launched through their platform, every page. */
@ApplicationScoped
public class LtiRosters {

    public static final String SCOPE = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";
    private static final String MEDIA_TYPE = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;[^,]*rel=\"?next\"?");
    /** A roster of more pages than this is cut, so a looping Link header cannot hold a request forever. */
    private static final int MAX_PAGES = 200;

    public record Member(String userId, String name, List<String> roles, String status) {
    }

    public record Roster(String contextId, List<Member> members) {
    }

    @Inject
    LtiPlatformRepository platforms;

    @Inject
    LtiLaunchRepository links;

    @Inject
    PlatformTokens tokens;

    @Inject
    LtiConfig config;

    @Inject
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().build();

    /** The newest context launched through the platform, or the named one. */
    public Roster roster(String orgId, UUID platformId, String contextId) {
        LtiPlatform platform = platforms.find(orgId, platformId)
                .orElseThrow(() -> new NotFoundException("Your organisation has no LTI platform " + platformId + "."));
        LtiLaunchRepository.RosterLink link = links.rosterLinks(orgId, platformId).stream()
                .filter(l -> contextId == null || contextId.equals(l.contextId())).findFirst()
                .orElseThrow(() -> new NotFoundException("No launch through this platform" + (contextId == null ? "" :
                        " from context '" + contextId + "'") + " offered a roster (Names and Role Provisioning) yet."));
        List<Member> members = new ArrayList<>();
        String next = link.membershipsUrl();
        try {
            for (int page = 0; next != null && page < MAX_PAGES; page++) {
                next = readPage(platform, next, members);
            }
        } catch (IOException e) {
            throw new ProblemException(502, "Roster unavailable", "The platform's roster could not be read: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new Roster(link.contextId(), members);
    }

    /** Adds one page's members; returns the next page's URL from Link rel="next", or null. */
    private String readPage(LtiPlatform platform, String url, List<Member> members) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(config.requestTimeout())
                .header("Accept", MEDIA_TYPE).header("Authorization", "Bearer " + tokens.token(platform, SCOPE)).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 401) {
            tokens.forget(platform, SCOPE);
        }
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " from " + url);
        }
        for (JsonNode member : json.readTree(response.body()).path("members")) {
            List<String> roles = new ArrayList<>();
            member.path("roles").forEach(role -> roles.add(role.asText()));
            members.add(new Member(member.path("user_id").asText(), member.path("name").asText(null), roles,
                    member.path("status").asText("Active")));
        }
        for (String link : response.headers().allValues("Link")) {
            Matcher matcher = NEXT.matcher(link);
            if (matcher.find()) {
                return URI.create(url).resolve(matcher.group(1)).toString();
            }
        }
        return null;
    }
}
