package com.upward.stack;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One packaged Quarkus service run as its own JVM, logging to a file, healthy once /q/health/ready on its management
 * interface says so. It can be stopped, killed, paused and started again with the same command line, ports and
 * environment.
 */
public final class ServiceProcess extends ChildProcess {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final int managementPort;
    private final Path logFile;

    private ServiceProcess(String name, int port, int managementPort, Path logFile, ProcessBuilder command) throws IOException {
        // SIGTERM is a graceful Quarkus shutdown; after 15 s it is killed.
        super(command, Duration.ofSeconds(15));
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.logFile = logFile;
        spawn();
    }

    /**
     * Starts the service with its API on {@code port} and its management interface (/q/health, /q/metrics) on
     * {@code managementPort}, both bound to 127.0.0.1.
     */
    public static ServiceProcess launch(String name, Path runnableJar, int port, int managementPort, String heap,
                                        Map<String, String> environment, Path logFile) throws IOException {
        if (!Files.isRegularFile(runnableJar)) {
            throw new IOException(name + " is not built: " + runnableJar + " is missing (run ./mvnw package)");
        }
        Files.createDirectories(logFile.getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-XX:+UseSerialGC"));
        command.addAll(jitOptions());
        // Quarkus' own check of the request target answers an empty 400; platform-web refuses it as problem+json.
        command.addAll(List.of("-Dvertx.disableURIValidation=true", "-Dupward.service=" + name, "-jar", runnableJar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        builder.environment().put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
        return new ServiceProcess(name, port, managementPort, logFile, builder);
    }

    /**
     * C1 only by default: the stack was ready in about 15 s against 20 s with C2, which is what `./upward up` and the tests
     * want. Benchmarks set UPWARD_SERVICE_JIT_OPTS to an empty value for the full tiered JIT (C2), which the
     * gateway's RSA token checks need to run at full speed.
     */
    static List<String> jitOptions() {
        String options = System.getenv().getOrDefault("UPWARD_SERVICE_JIT_OPTS", "-XX:TieredStopAtLevel=1");
        return options.isBlank() ? List.of() : List.of(options.trim().split("\\s+"));
    }

    @Override
    public String name() {
        return name;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The management interface: /q/health/* and /q/metrics, which the API's port does not serve. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public Path logFile() {
        return logFile;
    }

    /** Waits until the service reports ready, or fails with the end of its log. */
    public void awaitReady(Duration timeout) throws IOException, InterruptedException {
        Process process = process();
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited with " + process.exitValue() + ". Its log ends:\n" + logTail());
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (ConnectException | java.net.http.HttpTimeoutException notYet) {
                // Still starting.
            }
            Thread.sleep(250);
        }
        throw new IOException(name + " was not ready within " + timeout.toSeconds() + " s. Its log ends:\n" + logTail());
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    void awaitStarted(Process started) throws IOException {
        try {
            awaitReady(START_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while " + name + " started", e);
        }
    }
}
