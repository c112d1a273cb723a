package com.upward.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** {@code up}: start the platform and keep it running until Ctrl-C or {@code stop}. {@code stop}: stop it. */
public final class StackMain {

    private static final String DEMO_SIGN_INS = String.join("\n",
            "    learner1@acme  learner2@acme  learner3@acme  admin@acme  author@acme",
            "    learner1@globex  admin@globex",
            "    password: upward-demo");

    public static void main(String[] args) throws Exception {
        Path projectRoot = Path.of(System.getProperty("upward.project.root", ".")).toAbsolutePath().normalize();
        StackConfig config = StackConfig.fromEnvironment(projectRoot, System.getenv());
        Path pidFile = config.dataDir().resolve("stack.pid");
        String command = args.length == 0 ? "up" : args[0];
        switch (command) {
            case "up" -> up(config, pidFile);
            case "stop" -> stop(pidFile);
            case "redrive" -> redrive(config, args);
            default -> {
                System.err.println("usage: StackMain up|stop|redrive TOPIC.dlq");
                System.exit(2);
            }
        }
    }

    /** Sends a dead-letter topic's records back to their topic; KAFKA_BOOTSTRAP_SERVERS for a broker elsewhere. */
    private static void redrive(StackConfig config, String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: ./upward redrive TOPIC.dlq   (for example upward.assessment.dlq)");
            System.exit(2);
        }
        String brokers = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + config.kafkaPort());
        int sent = new DeadLetterRedrive(brokers).redrive(args[1]);
        System.out.println("Re-drove " + sent + " records from " + args[1]);
    }

    private static void up(StackConfig config, Path pidFile) throws Exception {
        Optional<ProcessHandle> running = runningStack(pidFile);
        if (running.isPresent()) {
            System.err.println("The stack is already running (pid " + running.get().pid() + "); stop it with ./upward stop");
            System.exit(1);
        }
        System.out.println("Starting Upward (data in " + projectRelative(config, config.dataDir()) + ")");
        Stack stack;
        try {
            stack = Stack.start(config, System.out);
        } catch (Exception e) {
            System.err.println("Start-up failed: " + e.getMessage());
            System.exit(1);
            return;
        }
        Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Upward...");
            stack.close();
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException ignored) {
                // A stale pid file is detected on the next start.
            }
            System.out.println("Stopped.");
            stopped.countDown();
        }, "upward-stop"));
        System.out.println();
        System.out.println("Upward is running.");
        System.out.println("  Portal:   " + stack.gatewayUrl().replace("127.0.0.1", "localhost") + "/");
        System.out.println("  API docs: " + stack.gatewayUrl().replace("127.0.0.1", "localhost") + "/q/swagger-ui");
        System.out.println("  Metrics:  " + stack.managementUrl("gateway") + "/q/metrics (the management port, not public)");
        if (config.replicas() > 1) {
            // The gateway balances each service's requests over these; each can be reached (and broken) on its own.
            System.out.println("  Replicas: " + config.replicas() + " instances of each backend service (UPWARD_REPLICAS):");
            for (String service : List.of("course-service", "assessment-service", "progress-service")) {
                System.out.println("    " + String.format("%-19s", service) + stack.instances(service).stream()
                        .map(instance -> instance.url() + " (" + instance.managementUrl() + ")")
                        .collect(Collectors.joining("  ")));
            }
        }
        System.out.println("  Demo sign-ins:");
        System.out.println(DEMO_SIGN_INS);
        System.out.println("Press Ctrl-C to stop (or run ./upward stop in another terminal).");
        stopped.await();
    }

    private static void stop(Path pidFile) throws InterruptedException {
        Optional<ProcessHandle> running = runningStack(pidFile);
        if (running.isEmpty()) {
            System.out.println("Upward is not running.");
            return;
        }
        ProcessHandle stack = running.get();
        System.out.println("Stopping Upward (pid " + stack.pid() + ")...");
        stack.destroy();
        try {
            stack.onExit().get(Duration.ofSeconds(90).toSeconds(), TimeUnit.SECONDS);
            System.out.println("Stopped.");
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            System.err.println("The stack did not stop within 90 s; killing it.");
            stack.descendants().forEach(ProcessHandle::destroyForcibly);
            stack.destroyForcibly();
        }
    }

    private static Optional<ProcessHandle> runningStack(Path pidFile) {
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(handle -> handle.info().command().map(c -> c.contains("java")).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String projectRelative(StackConfig config, Path path) {
        return config.projectRoot().relativize(path.toAbsolutePath().normalize()).toString();
    }

    private StackMain() {
    }
}
