package com.upward.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Where the local stack keeps its data and which ports and heaps its parts use.
 * The run command reads it from UPWARD_* environment variables; the end-to-end tests build it directly.
 */
public record StackConfig(Path projectRoot, Path dataDir, boolean keepData, int postgresPort, int kafkaPort,
                          String kafkaHeap, List<Service> services) {

    /**
     * One of the four services: its Maven module, its own database, its port, the port of its management interface
     * (/q/health, /q/metrics) and its heap.
     */
    public record Service(String name, String database, int port, int managementPort, String heap) {
        public Path runnableJar(Path projectRoot) {
            return projectRoot.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        }

        public boolean isGateway() {
            return "gateway".equals(name);
        }
    }

    public static final String DEFAULT_HEAP = "160m";
    public static final String DEFAULT_KAFKA_HEAP = "256m";

    /** The services in start order, with their default ports; the gateway is the only public entry. */
    static List<Service> services(Function<String, Integer> port, Function<String, Integer> managementPort,
                                  Function<String, String> heap) {
        return List.of("course-service", "assessment-service", "progress-service", "gateway").stream()
                .map(name -> new Service(name, DATABASES.get(name), port.apply(name), managementPort.apply(name), heap.apply(name)))
                .toList();
    }

    private static final Map<String, String> DATABASES = Map.of(
            "gateway", "upward_gateway", "course-service", "upward_course", "assessment-service", "upward_assessment",
            "progress-service", "upward_progress");

    private static final Map<String, Integer> DEFAULT_PORTS = Map.of(
            "gateway", 8080, "course-service", 8081, "assessment-service", 8082, "progress-service", 8083);

    private static final Map<String, Integer> DEFAULT_MANAGEMENT_PORTS = Map.of(
            "gateway", 9000, "course-service", 9001, "assessment-service", 9002, "progress-service", 9003);

    public static StackConfig fromEnvironment(Path projectRoot, Map<String, String> env) {
        Function<String, String> key = service -> service.replace("-service", "").toUpperCase(Locale.ROOT);
        String sharedHeap = env.getOrDefault("UPWARD_SERVICE_HEAP", DEFAULT_HEAP);
        return new StackConfig(
                projectRoot,
                projectRoot.resolve(env.getOrDefault("UPWARD_DATA_DIR", ".data")),
                true,
                intValue(env, "UPWARD_PG_PORT", 55432),
                intValue(env, "UPWARD_KAFKA_PORT", 59092),
                env.getOrDefault("UPWARD_KAFKA_HEAP", DEFAULT_KAFKA_HEAP),
                services(service -> intValue(env, "UPWARD_" + key.apply(service) + "_PORT", DEFAULT_PORTS.get(service)),
                        service -> intValue(env, "UPWARD_" + key.apply(service) + "_MANAGEMENT_PORT",
                                DEFAULT_MANAGEMENT_PORTS.get(service)),
                        service -> env.getOrDefault("UPWARD_" + key.apply(service) + "_HEAP", sharedHeap)));
    }

    /** Free ports and a throwaway data folder: for tests that must not collide with a running stack. */
    public static StackConfig ephemeral(Path projectRoot, Path dataDir) {
        return new StackConfig(projectRoot, dataDir, false, 0, 0, DEFAULT_KAFKA_HEAP,
                services(service -> FreePorts.next(), service -> FreePorts.next(), service -> DEFAULT_HEAP));
    }

    /** The broker's jars, copied there by Maven when deploy/stack is packaged. */
    public Path kafkaClasspath() {
        return projectRoot.resolve("deploy/stack/target/lib");
    }

    public Service gateway() {
        return services.stream().filter(Service::isGateway).findFirst().orElseThrow();
    }

    private static int intValue(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, not '" + value + "'");
        }
    }
}
