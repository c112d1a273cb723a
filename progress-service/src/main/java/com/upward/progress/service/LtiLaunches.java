package com.upward.progress.service;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.upward.platform.web.ProblemException;
import com.upward.progress.config.LtiConfig;
import com.upward.progress.domain.LtiPlatform;
import com.upward.progress.domain.LtiTarget;
import com.upward.progress.persistence.LtiLaunchRepository;
import com.upward.progress.persistence.LtiPlatformRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks an LTI 1.3 launch (the platform's id_token) completely and, only when every check passes, provisions the
 * learner and records the resource link, in one transaction with the nonce, so a refused launch creates nothing.
 * Each refusal is a 401 problem whose detail starts with the name of the check that failed.
 */
@ApplicationScoped
public class LtiLaunches {

    public static final String CLAIM = "https://purl.imsglobal.org/spec/lti/claim/";
    public static final String RESOURCE_LINK_REQUEST = "LtiResourceLinkRequest";
    public static final String DEEP_LINKING_REQUEST = "LtiDeepLinkingRequest";
    private static final String AGS_ENDPOINT = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
    private static final String AGS_SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
    private static final String NRPS = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";
    private static final String DEEP_LINKING_SETTINGS = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";
    private static final String SLUG = "[a-z0-9-]{1,80}";
    private static final Pattern TARGET_PATH = Pattern.compile(
            ".*/courses/(" + SLUG + ")(?:/(lessons|quizzes)/(" + SLUG + "))?/?$");

    /** Deep linking: where the platform wants the content items back, and the data to return unchanged. */
    public record DeepLinking(String returnUrl, String data, List<String> acceptTypes) {
    }

    /** A launch that passed: who the learner is in which organisation, their roles, and what to open. */
    public record Launch(String learnerId, String orgId, String name, List<String> roles, String messageType,
                         LtiTarget target, UUID platformId, String deploymentId, DeepLinking deepLinking) {
    }

    @Inject
    LtiPlatformRepository platforms;

    @Inject
    LtiLaunchRepository launches;

    @Inject
    PlatformKeys keys;

    @Inject
    LtiConfig config;

    @Inject
    Clock clock;

    /**
     * @param idToken       the id_token the platform posted
     * @param expectedNonce the nonce the tool sent with this browser's login (from its state cookie)
     */
    @Transactional
    public Launch launch(String idToken, String expectedNonce) {
        SignedJWT jwt = parse(idToken);
        JWTClaimsSet unverified = claims(jwt);
        String issuer = unverified.getIssuer();
        if (issuer == null || issuer.isBlank()) {
            throw refused("iss", "the id_token has no issuer.");
        }
        LtiPlatform platform = platformOf(issuer, unverified);
        verifySignature(jwt, platform);
        JWTClaimsSet claims = unverified;
        Instant now = clock.instant();
        checkTimes(claims, now);
        String messageType = text(claims, CLAIM + "message_type");
        if (!RESOURCE_LINK_REQUEST.equals(messageType) && !DEEP_LINKING_REQUEST.equals(messageType)) {
            throw refused("message_type", "'" + messageType + "' is neither " + RESOURCE_LINK_REQUEST + " nor "
                    + DEEP_LINKING_REQUEST + ".");
        }
        if (!"1.3.0".equals(text(claims, CLAIM + "version"))) {
            throw refused("version", "LTI version '" + text(claims, CLAIM + "version") + "' is not 1.3.0.");
        }
        String deploymentId = text(claims, CLAIM + "deployment_id");
        if (deploymentId == null || !platform.deploymentIds().contains(deploymentId)) {
            throw refused("deployment_id", "deployment '" + deploymentId + "' is not registered for this platform.");
        }
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank()) {
            throw refused("sub", "the launch names no user (sub); anonymous launches are not accepted.");
        }
        List<String> roles = roles(claims);
        Map<String, Object> resourceLink = object(claims, CLAIM + "resource_link");
        String resourceLinkId = resourceLink == null ? null : (String) resourceLink.get("id");
        if (RESOURCE_LINK_REQUEST.equals(messageType) && (resourceLinkId == null || resourceLinkId.isBlank())) {
            throw refused("resource_link", "a resource link launch must carry resource_link.id.");
        }
        DeepLinking deepLinking = DEEP_LINKING_REQUEST.equals(messageType) ? deepLinking(claims) : null;
        String nonce = text(claims, "nonce");
        if (nonce == null || expectedNonce == null || !nonce.equals(expectedNonce)) {
            throw refused("nonce", "the id_token's nonce is not the one this browser's login sent.");
        }
        Instant keepUntil = max(claims.getExpirationTime().toInstant().plus(config.clockLeeway()),
                now.plus(config.nonceMemory()));
        if (!launches.useNonce(issuer, nonce, keepUntil)) {
            throw refused("nonce", "this nonce was used before: a launch is accepted once.");
        }
        LtiTarget target = target(claims);
        String learnerId = launches.learnerOf(issuer, subject, platform.orgId(), now);
        if (resourceLinkId != null) {
            Map<String, Object> ags = object(claims, AGS_ENDPOINT);
            String lineitem = ags == null ? null : (String) ags.get("lineitem");
            boolean canScore = ags != null && ags.get("scope") instanceof List<?> scopes && scopes.contains(AGS_SCORE_SCOPE);
            Map<String, Object> nrps = object(claims, NRPS);
            Map<String, Object> context = object(claims, CLAIM + "context");
            launches.putResourceLink(platform.id(), learnerId, resourceLinkId, subject, deploymentId,
                    context == null ? null : (String) context.get("id"), target, lineitem, canScore,
                    nrps == null ? null : (String) nrps.get("context_memberships_url"), now);
        }
        return new Launch(learnerId, platform.orgId(), name(claims), roles, messageType, target, platform.id(),
                deploymentId, deepLinking);
    }

    /** Forgets nonces whose id_tokens have expired; they could not be replayed anyway. */
    @Transactional
    public int forgetExpiredNonces() {
        return launches.forgetNoncesBefore(clock.instant());
    }

    private static SignedJWT parse(String idToken) {
        try {
            return SignedJWT.parse(idToken);
        } catch (ParseException | RuntimeException e) {
            throw refused("id_token", "not a signed JWT.");
        }
    }

    private static JWTClaimsSet claims(SignedJWT jwt) {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw refused("id_token", "its claims are not a JSON object.");
        }
    }

    /** The registration of issuer and audience; with several audiences the authorized party must name it. */
    private LtiPlatform platformOf(String issuer, JWTClaimsSet claims) {
        List<LtiPlatform> ofIssuer = platforms.ofIssuer(issuer);
        if (ofIssuer.isEmpty()) {
            throw refused("iss", "no platform with issuer '" + issuer + "' is registered.");
        }
        List<String> audiences = claims.getAudience();
        Optional<LtiPlatform> match = ofIssuer.stream().filter(p -> audiences.contains(p.clientId())).findFirst();
        if (match.isEmpty()) {
            throw refused("aud", "the audience " + audiences + " is not a client id registered for this issuer.");
        }
        Object azp = claims.getClaim("azp");
        if (audiences.size() > 1 && !match.get().clientId().equals(azp)) {
            throw refused("azp", "with several audiences the authorized party (azp) must be our client id.");
        }
        if (azp != null && !match.get().clientId().equals(azp)) {
            throw refused("azp", "the authorized party (azp) '" + azp + "' is not our client id.");
        }
        return match.get();
    }

    private void verifySignature(SignedJWT jwt, LtiPlatform platform) {
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            throw refused("alg", "the id_token must be signed with RS256, not " + jwt.getHeader().getAlgorithm() + ".");
        }
        String kid = jwt.getHeader().getKeyID();
        if (kid == null) {
            throw refused("kid", "the id_token's header names no key (kid).");
        }
        JWK key;
        try {
            key = keys.key(platform.jwksUrl(), kid).orElseThrow(() ->
                    refused("kid", "the platform's JWKS has no key '" + kid + "', even after reading it again."));
        } catch (IOException e) {
            throw new ProblemException(502, "Platform keys unavailable",
                    "jwks: the platform's JWKS at " + platform.jwksUrl() + " could not be read: " + e.getMessage());
        }
        try {
            if (!(key instanceof RSAKey rsa) || !jwt.verify(new RSASSAVerifier(rsa))) {
                throw refused("signature", "the id_token's signature does not match the platform's key '" + kid + "'.");
            }
        } catch (JOSEException e) {
            throw refused("signature", "the id_token's signature cannot be checked: " + e.getMessage());
        }
    }

    private void checkTimes(JWTClaimsSet claims, Instant now) {
        if (claims.getExpirationTime() == null) {
            throw refused("exp", "the id_token has no expiry.");
        }
        if (claims.getExpirationTime().toInstant().plus(config.clockLeeway()).isBefore(now)) {
            throw refused("exp", "the id_token expired at " + claims.getExpirationTime().toInstant() + ".");
        }
        if (claims.getIssueTime() == null) {
            throw refused("iat", "the id_token has no issue time.");
        }
        if (claims.getIssueTime().toInstant().minus(config.clockLeeway()).isAfter(now)) {
            throw refused("iat", "the id_token was issued in the future (" + claims.getIssueTime().toInstant() + ").");
        }
    }

    private static List<String> roles(JWTClaimsSet claims) {
        if (!(claims.getClaim(CLAIM + "roles") instanceof List<?> ltiRoles)) {
            throw refused("roles", "the launch carries no roles claim.");
        }
        boolean staff = ltiRoles.stream().map(String::valueOf)
                .anyMatch(role -> role.endsWith("#Instructor") || role.endsWith("#Administrator")
                        || role.equals("Instructor") || role.equals("Administrator"));
        return List.of(staff ? "admin" : "learner");
    }

    /** A custom parameter (course, lesson, quiz) wins over the target link's path (/courses/{c}[/lessons|quizzes/{id}]). */
    private LtiTarget target(JWTClaimsSet claims) {
        Map<String, Object> custom = object(claims, CLAIM + "custom");
        if (custom != null && custom.get("course") instanceof String course && course.matches(SLUG)) {
            if (custom.get("quiz") instanceof String quiz && quiz.matches(SLUG)) {
                return new LtiTarget(LtiTarget.Kind.QUIZ, course, quiz);
            }
            if (custom.get("lesson") instanceof String lesson && lesson.matches(SLUG)) {
                return new LtiTarget(LtiTarget.Kind.LESSON, course, lesson);
            }
            return new LtiTarget(LtiTarget.Kind.COURSE, course, course);
        }
        String link = text(claims, CLAIM + "target_link_uri");
        Matcher matcher = TARGET_PATH.matcher(link == null ? "" : link.replaceAll("[?#].*$", ""));
        if (matcher.matches()) {
            String course = matcher.group(1);
            if (matcher.group(2) == null) {
                return new LtiTarget(LtiTarget.Kind.COURSE, course, course);
            }
            return new LtiTarget("lessons".equals(matcher.group(2)) ? LtiTarget.Kind.LESSON : LtiTarget.Kind.QUIZ,
                    course, matcher.group(3));
        }
        return new LtiTarget(LtiTarget.Kind.COURSE, config.defaultCourse(), config.defaultCourse());
    }

    private static DeepLinking deepLinking(JWTClaimsSet claims) {
        Map<String, Object> settings = object(claims, DEEP_LINKING_SETTINGS);
        if (settings == null || !(settings.get("deep_link_return_url") instanceof String returnUrl)) {
            throw refused("deep_linking_settings", "a deep linking request must carry deep_link_return_url.");
        }
        List<String> accept = new ArrayList<>();
        if (settings.get("accept_types") instanceof List<?> types) {
            types.forEach(type -> accept.add(String.valueOf(type)));
        }
        return new DeepLinking(returnUrl, settings.get("data") instanceof String data ? data : null, accept);
    }

    private static String name(JWTClaimsSet claims) {
        Object name = claims.getClaim("name");
        if (name instanceof String n && !n.isBlank()) {
            return n;
        }
        String given = claims.getClaim("given_name") instanceof String g ? g : "";
        String family = claims.getClaim("family_name") instanceof String f ? f : "";
        String joined = (given + " " + family).strip();
        return joined.isEmpty() ? null : joined;
    }

    private static String text(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof String s ? s : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static ProblemException refused(String check, String detail) {
        return new ProblemException(401, "LTI launch refused", check + ": " + detail);
    }
}
