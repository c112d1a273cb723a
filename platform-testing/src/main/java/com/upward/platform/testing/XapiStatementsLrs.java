package com.upward.platform.testing;

import com.upward.stack.FreePorts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real LRS for the tests: Learning Locker's statements service, npm {@code xapi-statements@5.0.1}, run on Node.js
 * with its in-memory repositories. It validates statements field by field and answers 400 with the reasons.
 * Installed once into a cache directory by npm itself ({@link NpmPackages}), so a fresh clone needs only Node.js, npm
 * and the registry. It listens on all interfaces by default; a
 * small wrapper binds it to 127.0.0.1. It keeps no credentials: any basic-auth key is accepted.
 */
public final class XapiStatementsLrs implements AutoCloseable {

    public static final String PACKAGE = "xapi-statements@5.0.1";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    /** Forces every listen of the service onto loopback, then starts it. */
    private static final String LOOPBACK_WRAPPER = """
            const net = require('net');
            const listen = net.Server.prototype.listen;
            net.Server.prototype.listen = function (port, ...rest) {
              const ready = rest.find(arg => typeof arg === 'function');
              return ready ? listen.call(this, port, '127.0.0.1', ready) : listen.call(this, port, '127.0.0.1');
            };
            require('xapi-statements/dist/server');
            """;

    private final Process process;
    private final String endpoint;

    private XapiStatementsLrs(Process process, String endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** Installs the package if needed and starts the service on a free loopback port; returns once it answers. */
    public static XapiStatementsLrs start(Path logFile) {
        Path home = install();
        int port = FreePorts.next();
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Path wrapper = home.resolve("upward-loopback.js");
            Files.writeString(wrapper, LOOPBACK_WRAPPER);
            ProcessBuilder builder = new ProcessBuilder("node", wrapper.toString()).directory(home.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(java.util.Map.of(
                    "MODELS_REPO", "memory", "STORAGE_REPO", "memory", "AUTH_REPO", "test", "EVENTS_REPO", "test",
                    "EXPRESS_PORT", String.valueOf(port),
                    "EXPRESS_MORGAN_DIRECTORY", logFile.toAbsolutePath().getParent().resolve("lrs-access").toString(),
                    "WINSTON_CONSOLE_LEVEL", "warn"));
            XapiStatementsLrs lrs = new XapiStatementsLrs(builder.start(), "http://127.0.0.1:" + port + "/xAPI");
            lrs.awaitAbout();
            return lrs;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the xAPI LRS (" + PACKAGE + ")", e);
        }
    }

    /** The xAPI endpoint: statements are at {endpoint}/statements. */
    public String endpoint() {
        return endpoint;
    }

    private void awaitAbout() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant until = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The xAPI LRS exited at start with " + process.exitValue());
            }
            try {
                HttpResponse<String> about = http.send(HttpRequest.newBuilder(URI.create(endpoint + "/about")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (about.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        close();
        throw new IllegalStateException("The xAPI LRS did not answer within " + START_TIMEOUT.toSeconds() + " s");
    }

    /** npm install into the cache directory, once. */
    static Path install() {
        return NpmPackages.install(PACKAGE.replace('@', '-'), List.of(PACKAGE), "node_modules/xapi-statements/dist/server.js");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
