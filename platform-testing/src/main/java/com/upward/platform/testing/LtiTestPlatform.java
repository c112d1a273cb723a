package com.upward.platform.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An LTI 1.3 platform (an LMS) for tests, over real HTTP on 127.0.0.1 with its own RSA keys: its JWKS, an OIDC
 * authorization endpoint that answers a login with a form_post of a signed id_token, a token endpoint that checks
 * the tool's private_key_jwt client assertion against the tool's JWKS, line items whose /scores record every score,
 * and a paged NRPS roster (Link rel="next"). It also signs id_tokens a test shapes itself, broken ones included.
 */
public final class LtiTestPlatform implements AutoCloseable {

    public static final String CLAIM = "https://purl.imsglobal.org/spec/lti/claim/";
    public static final String CLIENT_ID = "upward-tool";
    public static final String DEPLOYMENT_ID = "deployment-1";
    public static final String SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
    public static final String ROSTER_SCOPE = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A score the platform took, with the line item path (query string included) it was posted to. */
    public record ReceivedScore(String lineitem, Map<String, Object> body) {
    }

    /** How the LMS page presents the tool, as LMSs let a course designer choose. */
    public enum Presentation {
        /** A link in the LMS page that opens the tool in its place. */
        SAME_WINDOW,
        /** A link that opens the tool in a new window (a first-party context for the tool's cookies). */
        NEW_WINDOW,
        /** The tool inside a frame of the LMS page. */
        IFRAME,
        /**
         * Inside a frame, and the login initiation offers the platform's storage (LTI Client Side postMessages,
         * {@code lti_storage_target=_parent}): the LMS page answers lti.put_data and lti.get_data for the tool's origin.
         */
        IFRAME_WITH_STORAGE
    }

    /** A launch an LMS user starts from a course page: who, into which tool link, graded into which line item. */
    private record PlannedLaunch(String toolLoginUrl, String user, String targetLinkUri, String lineitemPath,
                                 Presentation presentation) {
    }

    private final HttpServer server;
    private final List<RSAKey> keys = new CopyOnWriteArrayList<>();
    private final Map<String, Instant> accessTokens = new ConcurrentHashMap<>();
    private final List<ReceivedScore> scores = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final AtomicInteger jwksReads = new AtomicInteger();
    private final Set<String> assertionIds = ConcurrentHashMap.newKeySet();
    private final Map<String, PlannedLaunch> plannedLaunches = new ConcurrentHashMap<>();
    private final AtomicInteger scoresRefused = new AtomicInteger();
    private final List<Map<String, Object>> members = Collections.synchronizedList(new ArrayList<>());
    private volatile String toolJwksUrl;
    private volatile boolean down;
    private volatile int memberPageSize = 2;

    public LtiTestPlatform() {
        try {
            keys.add(newKey("platform-key-1"));
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/jwks", this::jwks);
        server.createContext("/auth", this::authorize);
        server.createContext("/token", this::token);
        server.createContext("/lineitems/", this::lineitems);
        server.createContext("/memberships", this::memberships);
        server.createContext("/course/", this::serveCoursePage);
        server.start();
    }

    public String issuer() {
        return url("");
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The registration an admin enters in Upward for this platform. */
    public Map<String, Object> registration() {
        return Map.of("issuer", issuer(), "clientId", CLIENT_ID, "deploymentIds", List.of(DEPLOYMENT_ID),
                "authLoginUrl", url("/auth"), "authTokenUrl", url("/token"), "jwksUrl", url("/jwks"));
    }

    /** Where the platform reads the tool's public keys, to check its client assertions. */
    public void trustToolJwks(String url) {
        toolJwksUrl = url;
    }

    /**
     * What a platform does with a deep-linking response: the header must name a kid of the tool's JWKS, the signature
     * must verify with it, and iss must be our client id, aud this platform. Returns the claims, or throws why not.
     */
    public Map<String, Object> acceptDeepLinkingResponse(String jwt) throws Exception {
        SignedJWT response = SignedJWT.parse(jwt);
        String kid = response.getHeader().getKeyID();
        if (kid == null) {
            throw new IllegalArgumentException("no kid in the header");
        }
        JWK key = JWKSet.load(URI.create(toolJwksUrl).toURL()).getKeyByKeyId(kid);
        if (key == null || !response.verify(new RSASSAVerifier(key.toRSAKey()))) {
            throw new IllegalArgumentException("not signed by the tool's key " + kid);
        }
        JWTClaimsSet claims = response.getJWTClaimsSet();
        if (!CLIENT_ID.equals(claims.getIssuer()) || !claims.getAudience().contains(issuer())) {
            throw new IllegalArgumentException("iss must be the client id and aud the platform");
        }
        return claims.toJSONObject();
    }

    /** While down, the token and scores endpoints answer 503. */
    public void setDown(boolean down) {
        this.down = down;
    }

    /** A new signing key with a new kid, published beside the old ones; later id_tokens use it. */
    public String rotateKey() {
        String kid = "platform-key-" + (keys.size() + 1);
        keys.add(0, newKey(kid));
        return kid;
    }

    public List<ReceivedScore> scores() {
        return List.copyOf(scores);
    }

    /** Scores posted while the platform was down (answered 503, not recorded). */
    public int scoresRefused() {
        return scoresRefused.get();
    }

    /**
     * An LMS course page that launches the tool for this user, as a browser opens it: the page's link (new window) or
     * frame starts the OIDC login initiation at the tool's login URL (a form post of iss, login_hint, target_link_uri,
     * lti_message_hint, client_id, lti_deployment_id). The launch's id_token then carries this target_link_uri and,
     * when lineitemPath is not null, an AGS endpoint claim for that line item (a path with or without a query string).
     */
    public String coursePage(String toolLoginUrl, String user, String targetLinkUri, String lineitemPath,
                             Presentation presentation) {
        String id = UUID.randomUUID().toString();
        plannedLaunches.put(id, new PlannedLaunch(toolLoginUrl, user, targetLinkUri, lineitemPath, presentation));
        return url("/course/" + id);
    }

    public int tokenRequests() {
        return tokenRequests.get();
    }

    public int jwksReads() {
        return jwksReads.get();
    }

    public void addMember(String userId, String name, String... roles) {
        members.add(Map.of("user_id", userId, "name", name, "status", "Active", "roles", List.of(roles)));
    }

    public void setMemberPageSize(int size) {
        memberPageSize = size;
    }

    /** The claims of a valid resource link launch for the user, to change before {@link #sign}. */
    public Map<String, Object> launchClaims(String subject, String nonce, String lineitemPath) {
        Map<String, Object> claims = new LinkedHashMap<>();
        Instant now = Instant.now();
        claims.put("iss", issuer());
        claims.put("aud", CLIENT_ID);
        claims.put("sub", subject);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plusSeconds(300).getEpochSecond());
        claims.put("nonce", nonce);
        claims.put("name", "LTI " + subject);
        claims.put(CLAIM + "message_type", "LtiResourceLinkRequest");
        claims.put(CLAIM + "version", "1.3.0");
        claims.put(CLAIM + "deployment_id", DEPLOYMENT_ID);
        claims.put(CLAIM + "target_link_uri", "http://localhost:8080/lti/launch");
        claims.put(CLAIM + "resource_link", Map.of("id", "link-" + (lineitemPath == null ? "none" : lineitemPath.hashCode())));
        claims.put(CLAIM + "context", Map.of("id", "context-1", "title", "Leadership 101"));
        claims.put(CLAIM + "roles", List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"));
        if (lineitemPath != null) {
            claims.put("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint", Map.of(
                    "scope", List.of("https://purl.imsglobal.org/spec/lti-ags/scope/lineitem", SCORE_SCOPE),
                    "lineitem", url(lineitemPath), "lineitems", url("/lineitems")));
        }
        claims.put("https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice", Map.of(
                "context_memberships_url", url("/memberships"), "service_versions", List.of("2.0")));
        return claims;
    }

    /** The claims, signed RS256 with the platform's current key. */
    public String sign(Map<String, Object> claims) {
        return sign(claims, keys.get(0).getKeyID(), keys.get(0));
    }

    /** Signed with a key of this kid that the platform does not publish: an unknown kid. */
    public String signWithUnpublishedKey(Map<String, Object> claims) {
        return sign(claims, "unpublished-key", newKey("unpublished-key"));
    }

    /** Signed by another key but naming the platform's kid: a bad signature. */
    public String signWithWrongKey(Map<String, Object> claims) {
        return sign(claims, keys.get(0).getKeyID(), newKey("impostor"));
    }

    private static String sign(Map<String, Object> claims, String kid, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
                    JWTClaimsSet.parse(claims));
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void jwks(HttpExchange exchange) throws IOException {
        jwksReads.incrementAndGet();
        // Some platforms publish keys without alg: do the same, so the tool must select by kid.
        List<JWK> published = new ArrayList<>();
        try {
            for (RSAKey key : keys) {
                published.add(new RSAKey.Builder(key.toRSAPublicKey()).keyID(key.getKeyID()).keyUse(KeyUse.SIGNATURE).build());
            }
        } catch (JOSEException e) {
            throw new IOException(e);
        }
        respond(exchange, 200, "application/json", JSON.writeValueAsString(new JWKSet(published).toJSONObject()));
    }

    /** The OIDC authorization endpoint: checks the tool's request and answers a form_post of the id_token. */
    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        if ("POST".equals(exchange.getRequestMethod())) {
            query.putAll(form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        }
        for (String[] expected : new String[][]{{"scope", "openid"}, {"response_type", "id_token"},
                {"response_mode", "form_post"}, {"prompt", "none"}, {"client_id", CLIENT_ID}}) {
            if (!expected[1].equals(query.get(expected[0]))) {
                respond(exchange, 400, "text/plain", "bad " + expected[0] + ": " + query.get(expected[0]));
                return;
            }
        }
        for (String required : List.of("redirect_uri", "login_hint", "state", "nonce")) {
            if (query.get(required) == null) {
                respond(exchange, 400, "text/plain", "missing " + required);
                return;
            }
        }
        // login_hint is the user; lti_message_hint names a launch planned by coursePage, or carries the line item
        // path (or "none") for tests that drive the login themselves.
        String hint = query.getOrDefault("lti_message_hint", "none");
        PlannedLaunch planned = plannedLaunches.get(hint);
        Map<String, Object> claims;
        if (planned != null) {
            if (!planned.user().equals(query.get("login_hint"))) {
                respond(exchange, 400, "text/plain", "login_hint is not the user this launch was started for");
                return;
            }
            // As LMSs do, the id_token goes only to the tool's own site (its registered redirect URIs).
            if (!query.get("redirect_uri").startsWith(origin(planned.toolLoginUrl()) + "/")) {
                respond(exchange, 400, "text/plain", "redirect_uri is not the tool's: " + query.get("redirect_uri"));
                return;
            }
            claims = launchClaims(planned.user(), query.get("nonce"), planned.lineitemPath());
            claims.put(CLAIM + "target_link_uri", planned.targetLinkUri());
            claims.put(CLAIM + "resource_link", Map.of("id", "link-" + planned.targetLinkUri().hashCode()));
        } else {
            claims = launchClaims(query.get("login_hint"), query.get("nonce"), "none".equals(hint) ? null : hint);
        }
        String idToken = sign(claims);
        String html = "<!DOCTYPE html><html lang=\"en\"><head><title>Launching</title></head><body><main><form id=\"f\" method=\"post\" action=\"" + query.get("redirect_uri")
                + "\"><input type=\"hidden\" name=\"id_token\" value=\"" + idToken + "\"><input type=\"hidden\" name=\"state\" value=\""
                + query.get("state").replace("\"", "&quot;") + "\"><button type=\"submit\">Continue</button></form>"
                + "<script>document.getElementById('f').submit()</script></main></body></html>";
        respond(exchange, 200, "text/html; charset=utf-8", html);
    }

    /** Client credentials with a private_key_jwt assertion signed by the tool's key (read from its JWKS). */
    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        tokenRequests.incrementAndGet();
        if (down) {
            respond(exchange, 503, "text/plain", "down");
            return;
        }
        String error = checkAssertion(form);
        if (error != null) {
            respond(exchange, 401, "application/json", JSON.writeValueAsString(Map.of("error", "invalid_client",
                    "error_description", error)));
            return;
        }
        String token = UUID.randomUUID().toString();
        accessTokens.put(token, Instant.now().plusSeconds(3600));
        respond(exchange, 200, "application/json", JSON.writeValueAsString(Map.of("access_token", token,
                "token_type", "Bearer", "expires_in", 3600, "scope", form.getOrDefault("scope", ""))));
    }

    private String checkAssertion(Map<String, String> form) {
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return "grant_type must be client_credentials";
        }
        if (!"urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(form.get("client_assertion_type"))) {
            return "client_assertion_type must be jwt-bearer";
        }
        if (form.get("scope") == null || !(form.get("scope").contains(SCORE_SCOPE) || form.get("scope").contains(ROSTER_SCOPE))) {
            return "neither the score nor the roster scope was asked for";
        }
        try {
            SignedJWT assertion = SignedJWT.parse(form.get("client_assertion"));
            JWKSet toolKeys = JWKSet.load(URI.create(toolJwksUrl).toURL());
            JWK key = toolKeys.getKeyByKeyId(assertion.getHeader().getKeyID());
            if (key == null || !assertion.verify(new RSASSAVerifier(key.toRSAKey()))) {
                return "the assertion is not signed by the tool's key";
            }
            JWTClaimsSet claims = assertion.getJWTClaimsSet();
            if (!CLIENT_ID.equals(claims.getIssuer()) || !CLIENT_ID.equals(claims.getSubject())) {
                return "iss and sub must be the client id";
            }
            if (!claims.getAudience().contains(url("/token"))) {
                return "aud must be the token URL";
            }
            if (claims.getExpirationTime() == null || claims.getExpirationTime().before(new Date())) {
                return "the assertion expired";
            }
            if (claims.getJWTID() == null || !assertionIds.add(claims.getJWTID())) {
                return "jti missing or used before";
            }
            return null;
        } catch (Exception e) {
            return "bad assertion: " + e.getMessage();
        }
    }

    /** POST {lineitem}/scores: the bearer token must be one we issued; records the score. */
    private void lineitems(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getRawPath();
        if (down) {
            scoresRefused.incrementAndGet();
            respond(exchange, 503, "text/plain", "down");
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod()) || !path.endsWith("/scores")) {
            respond(exchange, 404, "text/plain", "no such line item resource: " + path);
            return;
        }
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ") || !accessTokens.containsKey(auth.substring(7))) {
            respond(exchange, 401, "text/plain", "no valid access token");
            return;
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.startsWith("application/vnd.ims.lis.v1.score+json")) {
            respond(exchange, 415, "text/plain", "content type must be application/vnd.ims.lis.v1.score+json");
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> score = JSON.readValue(body, Map.class);
        for (String field : List.of("userId", "scoreGiven", "scoreMaximum", "timestamp", "activityProgress", "gradingProgress")) {
            if (score.get(field) == null) {
                respond(exchange, 400, "text/plain", "missing " + field);
                return;
            }
        }
        String query = exchange.getRequestURI().getRawQuery();
        String lineitem = path.substring(0, path.length() - "/scores".length()) + (query == null ? "" : "?" + query);
        scores.add(new ReceivedScore(lineitem, score));
        respond(exchange, 200, "application/json", "{}");
    }

    /**
     * /course/{id}: the LMS page holding the tool's link or frame; /course/{id}/initiate: the auto-submitted login
     * initiation, in the new window or inside the frame.
     */
    private void serveCoursePage(HttpExchange exchange) throws IOException {
        String[] parts = exchange.getRequestURI().getPath().split("/");
        PlannedLaunch launch = parts.length > 2 ? plannedLaunches.get(parts[2]) : null;
        if (launch == null) {
            respond(exchange, 404, "text/plain", "no such course page");
            return;
        }
        String id = parts[2];
        if (parts.length > 3 && "initiate".equals(parts[3])) {
            StringBuilder fields = new StringBuilder();
            Map<String, String> initiation = new LinkedHashMap<>();
            initiation.put("iss", issuer());
            initiation.put("login_hint", launch.user());
            initiation.put("target_link_uri", launch.targetLinkUri());
            initiation.put("lti_message_hint", id);
            initiation.put("client_id", CLIENT_ID);
            initiation.put("lti_deployment_id", DEPLOYMENT_ID);
            if (launch.presentation() == Presentation.IFRAME_WITH_STORAGE) {
                initiation.put("lti_storage_target", "_parent");
            }
            initiation.forEach((name, value) -> fields.append("<input type=\"hidden\" name=\"").append(name)
                    .append("\" value=\"").append(escape(value)).append("\">"));
            respond(exchange, 200, "text/html; charset=utf-8", "<!DOCTYPE html><html lang=\"en\"><head><title>Opening "
                    + "the tool</title></head><body><main><form id=\"f\" method=\"post\" action=\""
                    + escape(launch.toolLoginUrl()) + "\">" + fields + "<button type=\"submit\">Open</button></form>"
                    + "<script>document.getElementById('f').submit()</script></main></body></html>");
            return;
        }
        String initiate = "/course/" + id + "/initiate";
        String tool = switch (launch.presentation()) {
            case SAME_WINDOW -> "<p><a id=\"launch\" href=\"" + initiate + "\">Open Upward</a></p>";
            case NEW_WINDOW -> "<p><a id=\"launch\" href=\"" + initiate + "\" target=\"_blank\">Open Upward in a new window</a></p>";
            case IFRAME, IFRAME_WITH_STORAGE -> "<iframe id=\"tool\" title=\"Upward\" src=\"" + initiate
                    + "\" style=\"width:100%;height:640px;border:0\"></iframe>";
        };
        String storage = launch.presentation() != Presentation.IFRAME_WITH_STORAGE ? "" : "<script>" + storageScript(
                origin(launch.toolLoginUrl())) + "</script>";
        respond(exchange, 200, "text/html; charset=utf-8", "<!DOCTYPE html><html lang=\"en\"><head><title>Leadership 101"
                + "</title></head><body><main><h1>Leadership 101</h1>" + tool + "</main>" + storage + "</body></html>");
    }

    /**
     * The platform's side of LTI Client Side postMessages: lti.capabilities, lti.put_data and lti.get_data, answered to
     * the tool's frame, for the tool's origin only; the values live in this page (per browser, per launch).
     */
    private static String storageScript(String toolOrigin) {
        return """
                const toolOrigin = '%s';
                const stored = new Map();
                window.storedByPlatform = stored;
                window.addEventListener('message', event => {
                  const message = event.data;
                  if (event.origin !== toolOrigin || !message || typeof message.subject !== 'string') return;
                  const answer = { subject: message.subject + '.response', message_id: message.message_id };
                  if (message.subject === 'lti.capabilities') {
                    answer.supported_messages = [{ subject: 'lti.put_data' }, { subject: 'lti.get_data' }];
                  } else if (message.subject === 'lti.put_data') {
                    stored.set(message.key, message.value);
                    Object.assign(answer, { key: message.key, value: message.value });
                  } else if (message.subject === 'lti.get_data') {
                    Object.assign(answer, { key: message.key, value: stored.get(message.key) });
                  } else {
                    answer.error = { code: 'unsupported_subject', message: 'not supported: ' + message.subject };
                  }
                  event.source.postMessage(answer, event.origin);
                });
                """.formatted(toolOrigin.replace("'", ""));
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** NRPS: pages of members, each page but the last with Link: <next>; rel="next". */
    private void memberships(HttpExchange exchange) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ") || !accessTokens.containsKey(auth.substring(7))) {
            respond(exchange, 401, "text/plain", "no valid access token");
            return;
        }
        int page = Integer.parseInt(form(exchange.getRequestURI().getRawQuery()).getOrDefault("page", "0"));
        List<Map<String, Object>> all = List.copyOf(members);
        int from = Math.min(all.size(), page * memberPageSize);
        int to = Math.min(all.size(), from + memberPageSize);
        if (to < all.size()) {
            exchange.getResponseHeaders().add("Link", "<" + url("/memberships?page=" + (page + 1)) + ">; rel=\"next\"");
        }
        respond(exchange, 200, "application/vnd.ims.lti-nrps.v2.membershipcontainer+json", JSON.writeValueAsString(Map.of(
                "id", url("/memberships"), "context", Map.of("id", "context-1"), "members", all.subList(from, to))));
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            values.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static RSAKey newKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
