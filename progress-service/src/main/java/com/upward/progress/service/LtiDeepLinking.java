package com.upward.progress.service;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.upward.platform.web.ProblemException;
import com.upward.progress.domain.LtiPlatform;
import com.upward.progress.domain.LtiTarget;
import com.upward.progress.persistence.LtiPlatformRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Deep linking: after an LtiDeepLinkingRequest the instructor picks content, and the platform gets back a signed
 * LtiDeepLinkingResponse (RS256, the tool key's kid in the header) with one LtiResourceLink item per pick. Between
 * the launch and the pick, the request's settings travel as a short-lived token signed by the tool key, so nothing
 * is stored and nobody can forge a response for a platform they were not launched from.
 */
@ApplicationScoped
public class LtiDeepLinking {

    private static final String DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";
    private static final String CONTEXT_AUDIENCE = "upward-deep-linking";

    /** The response for the platform, and where to post it (form field JWT). */
    public record Response(String returnUrl, String jwt) {
    }

    @Inject
    ToolKeys keys;

    @Inject
    LtiPlatformRepository platforms;

    @Inject
    Clock clock;

    /** The deep-linking request's settings, sealed for the pick (valid 15 minutes). */
    public String context(UUID platformId, String deploymentId, LtiLaunches.DeepLinking settings) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().audience(CONTEXT_AUDIENCE)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(900)))
                .claim("platformId", platformId.toString()).claim("deploymentId", deploymentId)
                .claim("returnUrl", settings.returnUrl());
        if (settings.data() != null) {
            claims.claim("data", settings.data());
        }
        return keys.sign(claims.build());
    }

    public Response respond(String context, List<LtiTarget> picks, String toolUrl) {
        JWTClaimsSet sealed = open(context);
        LtiPlatform platform;
        try {
            platform = platforms.byId(UUID.fromString(sealed.getStringClaim("platformId")))
                    .orElseThrow(() -> ProblemException.notFound("The platform of this deep-linking request is no longer registered."));
            List<Map<String, Object>> items = picks.stream().map(pick -> item(pick, toolUrl)).toList();
            Instant now = clock.instant();
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .issuer(platform.clientId()).audience(platform.issuer())
                    .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                    .claim("nonce", UUID.randomUUID().toString())
                    .claim(LtiLaunches.CLAIM + "message_type", "LtiDeepLinkingResponse")
                    .claim(LtiLaunches.CLAIM + "version", "1.3.0")
                    .claim(LtiLaunches.CLAIM + "deployment_id", sealed.getStringClaim("deploymentId"))
                    .claim(DL + "content_items", items);
            if (sealed.getStringClaim("data") != null) {
                claims.claim(DL + "data", sealed.getStringClaim("data"));
            }
            return new Response(sealed.getStringClaim("returnUrl"), keys.sign(claims.build()));
        } catch (ParseException e) {
            throw ProblemException.badRequest("The deep-linking context is malformed.");
        }
    }

    private JWTClaimsSet open(String context) {
        try {
            SignedJWT jwt = SignedJWT.parse(context);
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!keys.verify(jwt) || !claims.getAudience().contains(CONTEXT_AUDIENCE)
                    || claims.getExpirationTime() == null || claims.getExpirationTime().toInstant().isBefore(clock.instant())) {
                throw new ProblemException(401, "Deep linking refused", "The deep-linking request is not ours or has expired; start it again from your LMS.");
            }
            return claims;
        } catch (ParseException e) {
            throw new ProblemException(401, "Deep linking refused", "The deep-linking context is not a signed token.");
        }
    }

    private static Map<String, Object> item(LtiTarget pick, String toolUrl) {
        String path = switch (pick.kind()) {
            case COURSE -> "/lti/courses/" + pick.courseId();
            case LESSON -> "/lti/courses/" + pick.courseId() + "/lessons/" + pick.targetId();
            case QUIZ -> "/lti/courses/" + pick.courseId() + "/quizzes/" + pick.targetId();
        };
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", "ltiResourceLink");
        item.put("title", pick.kind() == LtiTarget.Kind.COURSE ? "Course " + pick.courseId()
                : pick.kind().name().charAt(0) + pick.kind().name().substring(1).toLowerCase() + " " + pick.targetId());
        item.put("url", toolUrl + path);
        Map<String, String> custom = new LinkedHashMap<>();
        custom.put("course", pick.courseId());
        if (pick.kind() != LtiTarget.Kind.COURSE) {
            custom.put(pick.kind() == LtiTarget.Kind.LESSON ? "lesson" : "quiz", pick.targetId());
        }
        item.put("custom", custom);
        if (pick.kind() == LtiTarget.Kind.QUIZ) {
            // A quiz link asks the platform for a line item, so its scores have somewhere to go.
            item.put("lineItem", Map.of("scoreMaximum", 100, "label", item.get("title")));
        }
        return item;
    }
}
