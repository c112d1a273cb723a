package com.upward.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.upward.stack.FreePorts;
import com.upward.stack.PostgresNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * LtiTestPlatform checked against a third-party tool, so the platform in our tests is not only our reading of the
 * spec: ltijs 5.9.9 (a 1EdTech-certified LTI 1.3 tool library, npm) with ltijs-sequelize on a real PostgreSQL. A browser
 * is played by an HTTP client that keeps cookies: the tool's login redirects it to the platform's auth endpoint,
 * whose form_post it submits to the tool. ltijs accepts the platform's launches (and its grade passback goes through
 * the platform's token and scores endpoints) and refuses each broken one with 401.
 */
class LtijsToolTest {

    private static final String PACKAGES = "ltijs@5.9.9";
    private static final List<String> INSTALL = List.of(PACKAGES, "ltijs-sequelize@2.4.4", "pg@8", "pg-hstore@2");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HIDDEN = Pattern.compile("name=\"([a-z_]+)\" value=\"([^\"]*)\"");

    private static PostgresNode postgres;
    private static Process tool;
    private static LtiTestPlatform platform;
    private static String toolUrl;

    @BeforeAll
    static void startTheToolOnPostgres() throws Exception {
        Path home = NpmPackages.install("ltijs-5.9.9", INSTALL, "node_modules/ltijs-sequelize/package.json");
        Path work = Path.of("target", "ltijs").toAbsolutePath();
        postgres = PostgresNode.start(0, work.resolve("postgres-" + UUID.randomUUID()), false, work.resolve("postgres.log"));
        postgres.ensureDatabases(List.of("ltijs"));
        platform = new LtiTestPlatform();
        int port = FreePorts.next();
        toolUrl = "http://127.0.0.1:" + port;
        platform.trustToolJwks(toolUrl + "/keys");
        try (InputStream script = LtijsToolTest.class.getResourceAsStream("/ltijs/tool.js")) {
            Files.write(home.resolve("upward-ltijs-tool.js"), script.readAllBytes());
        }
        ProcessBuilder builder = new ProcessBuilder("node", "upward-ltijs-tool.js").directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("ltijs.log").toFile()));
        builder.environment().putAll(Map.of("PG_DATABASE", "ltijs", "PG_USER", PostgresNode.USER,
                "PG_PASSWORD", PostgresNode.PASSWORD, "PG_PORT", String.valueOf(postgres.port()),
                "LTIJS_KEY", UUID.randomUUID().toString(), "LTIJS_PORT", String.valueOf(port),
                "PLATFORM_ISSUER", platform.issuer(), "PLATFORM_CLIENT_ID", LtiTestPlatform.CLIENT_ID));
        tool = builder.start();
        awaitTheTool(work.resolve("ltijs.log"));
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (tool != null) {
            tool.destroy();
            if (!tool.waitFor(10, TimeUnit.SECONDS)) {
                tool.destroyForcibly();
            }
        }
        if (platform != null) {
            platform.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void ltijsAcceptsTheLaunchThePlatformFormPostsAndItsGradePassback() throws Exception {
        Browser browser = new Browser();
        String user = "user-" + UUID.randomUUID();
        Login login = browser.login(user, "/lineitems/ltijs/lineitem?course=1");
        // The platform's own auth endpoint checks the tool's request and answers the form_post of its id_token.
        HttpResponse<String> auth = browser.get(login.authUrl());
        assertEquals(200, auth.statusCode(), auth::body);
        Map<String, String> form = hiddenFields(auth.body());
        HttpResponse<String> launched = browser.launch(login, form.get("id_token"), form.get("state"));
        assertEquals(200, launched.statusCode(), launched::body);
        JsonNode answer = JSON.readTree(launched.body());
        assertEquals(user, answer.get("user").asText());
        assertEquals(platform.issuer(), answer.get("iss").asText());
        assertEquals(LtiTestPlatform.DEPLOYMENT_ID, answer.get("deploymentId").asText());
        assertEquals("LtiResourceLinkRequest", answer.get("messageType").asText());
        assertTrue(answer.get("score").get("sent").asBoolean(), answer::toString);
        // ltijs's client assertion passed the platform's token endpoint, and the score reached the line item.
        List<LtiTestPlatform.ReceivedScore> scores = platform.scores().stream()
                .filter(s -> user.equals(s.body().get("userId"))).toList();
        assertEquals(1, scores.size(), scores::toString);
        assertEquals("/lineitems/ltijs/lineitem?course=1", scores.get(0).lineitem());
        assertEquals(7, ((Number) scores.get(0).body().get("scoreGiven")).intValue());

        // The same id_token again, even with a fresh login's state: the nonce was used.
        Login again = browser.login(user, null);
        assertRefused(browser.launch(again, form.get("id_token"), again.state()), "a replayed nonce");
    }

    @Test
    void ltijsRefusesEachBrokenLaunch() throws Exception {
        Map<String, Consumer<Map<String, Object>>> broken = new LinkedHashMap<>();
        broken.put("wrong aud", claims -> claims.put("aud", "another-tool"));
        broken.put("wrong iss", claims -> claims.put("iss", "https://unknown-lms.example"));
        broken.put("expired", claims -> {
            claims.put("iat", Instant.now().minusSeconds(7200).getEpochSecond());
            claims.put("exp", Instant.now().minusSeconds(3600).getEpochSecond());
        });
        broken.put("no deployment_id", claims -> claims.remove(LtiTestPlatform.CLAIM + "deployment_id"));
        broken.put("wrong message_type", claims -> claims.put(LtiTestPlatform.CLAIM + "message_type", "LtiStartProctoring"));
        broken.put("wrong version", claims -> claims.put(LtiTestPlatform.CLAIM + "version", "1.1.0"));
        Browser browser = new Browser();
        for (Map.Entry<String, Consumer<Map<String, Object>>> broke : broken.entrySet()) {
            Login login = browser.login("user-" + UUID.randomUUID(), null);
            Map<String, Object> claims = new HashMap<>(platform.launchClaims(login.user(), login.nonce(), null));
            broke.getValue().accept(claims);
            assertRefused(browser.launch(login, platform.sign(claims), login.state()), broke.getKey());
        }

        Login badSignature = browser.login("user-" + UUID.randomUUID(), null);
        assertRefused(browser.launch(badSignature, platform.signWithWrongKey(
                platform.launchClaims(badSignature.user(), badSignature.nonce(), null)), badSignature.state()), "a bad signature");
        Login unknownKid = browser.login("user-" + UUID.randomUUID(), null);
        assertRefused(browser.launch(unknownKid, platform.signWithUnpublishedKey(
                platform.launchClaims(unknownKid.user(), unknownKid.nonce(), null)), unknownKid.state()), "an unknown kid");
        Login wrongState = browser.login("user-" + UUID.randomUUID(), null);
        assertRefused(browser.launch(wrongState, platform.sign(platform.launchClaims(wrongState.user(), wrongState.nonce(), null)),
                "not-the-state-of-this-login"), "a state this browser did not start");

        // The control: the same steps unbroken are accepted, so each refusal above is for what was broken.
        Login fine = browser.login("user-" + UUID.randomUUID(), null);
        HttpResponse<String> accepted = browser.launch(fine, platform.sign(platform.launchClaims(fine.user(), fine.nonce(), null)),
                fine.state());
        assertEquals(200, accepted.statusCode(), accepted::body);
    }

    private static void assertRefused(HttpResponse<String> response, String what) {
        assertEquals(401, response.statusCode(), () -> what + " was not refused: " + response.statusCode() + " " + response.body());
    }

    /** What the tool's login redirect told the platform: the state and nonce it expects back, and the user. */
    record Login(String user, String authUrl, String state, String nonce, String redirectUri) {
    }

    /** A browser: keeps the tool's cookies (its state cookie), follows nothing by itself. */
    private static final class Browser {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

        /** The platform's OIDC login initiation at the tool; lti_message_hint carries the line item path or "none". */
        Login login(String user, String lineitemPath) throws Exception {
            Map<String, String> initiation = new LinkedHashMap<>();
            initiation.put("iss", platform.issuer());
            initiation.put("login_hint", user);
            initiation.put("target_link_uri", toolUrl + "/");
            initiation.put("lti_message_hint", lineitemPath == null ? "none" : lineitemPath);
            initiation.put("client_id", LtiTestPlatform.CLIENT_ID);
            initiation.put("lti_deployment_id", LtiTestPlatform.DEPLOYMENT_ID);
            HttpResponse<String> redirect = http.send(HttpRequest.newBuilder(URI.create(toolUrl + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(encode(initiation))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(302, redirect.statusCode(), redirect::body);
            String location = redirect.headers().firstValue("Location").orElseThrow();
            assertTrue(location.startsWith(platform.url("/auth?")), location);
            Map<String, String> query = decode(URI.create(location).getRawQuery());
            return new Login(user, location, query.get("state"), query.get("nonce"), query.get("redirect_uri"));
        }

        HttpResponse<String> get(String url) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** The form_post of id_token and state to the tool, then the tool's own redirect to its app route. */
        HttpResponse<String> launch(Login login, String idToken, String state) throws Exception {
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(login.redirectUri()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(encode(Map.of("id_token", idToken, "state", state)))).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (int hops = 0; hops < 5 && posted.statusCode() / 100 == 3; hops++) {
                posted = get(URI.create(login.redirectUri()).resolve(posted.headers().firstValue("Location").orElseThrow()).toString());
            }
            return posted;
        }
    }

    private static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new HashMap<>();
        Matcher matcher = HIDDEN.matcher(html);
        while (matcher.find()) {
            fields.put(matcher.group(1), matcher.group(2).replace("&quot;", "\""));
        }
        return fields;
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static Map<String, String> decode(String raw) {
        Map<String, String> values = new HashMap<>();
        for (String pair : raw.split("&")) {
            String[] parts = pair.split("=", 2);
            values.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length < 2 ? "" : URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return values;
    }

    private static void awaitTheTool(Path log) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant until = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(until)) {
            if (!tool.isAlive()) {
                throw new IllegalStateException("ltijs exited at start: " + Files.readString(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(toolUrl + "/keys")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("ltijs did not answer within 60 s: " + Files.readString(log));
    }
}
