package com.upward.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Where the local stack keeps its data, which ports and heaps its parts use, and how many instances of each backend
 * service run (UPWARD_REPLICAS).
 * The run command reads it from UPWARD_* environment variables; the end-to-end tests build it directly.
 */
public record StackConfig(Path projectRoot, Path dataDir, boolean keepData, int postgresPort, int kafkaPort,
                          String kafkaHeap, List<Service> services) {

    /**
     * One instance of one of the four services: its Maven module, its own database, its port, the port of its
     * management interface (/q/health, /q/metrics), its heap, and which instance it is (1 to the replica count).
     * The instances of a service share its database and its Kafka consumer groups.
     */
    public record Service(String name, String database, int port, int managementPort, String heap, int instance) {
        public Service(String name, String database, int port, int managementPort, String heap) {
            this(name, database, port, managementPort, heap, 1);
        }

        public Path runnableJar(Path projectRoot) {
            return projectRoot.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        }

        public boolean isGateway() {
            return "gateway".equals(name);
        }

        /** The module name for the first instance (so single-instance logs and names stay as they were), else name-N. */
        public String instanceName() {
            return instance == 1 ? name : name + "-" + instance;
        }
    }

    /** Backend instance ports past the first: the configured port plus this step per instance (8081, 8181, 8281...). */
    public static final int REPLICA_PORT_STEP = 100;
    public static final int MAX_REPLICAS = 9;

    public static final String DEFAULT_HEAP = "160m";
    public static final String DEFAULT_KAFKA_HEAP = "256m";

    /**
     * The service instances in start order: {@code replicas} of each backend service, then one gateway (it keeps no
     * state, so one is enough locally). The gateway is the only public entry.
     */
    static List<Service> services(int replicas, BiFunction<String, Integer, Integer> port,
                                  BiFunction<String, Integer, Integer> managementPort, Function<String, String> heap) {
        if (replicas < 1 || replicas > MAX_REPLICAS) {
            throw new IllegalArgumentException("UPWARD_REPLICAS must be between 1 and " + MAX_REPLICAS + ", not " + replicas);
        }
        List<Service> services = new ArrayList<>();
        for (String name : List.of("course-service", "assessment-service", "progress-service", "gateway")) {
            int instances = "gateway".equals(name) ? 1 : replicas;
            for (int instance = 1; instance <= instances; instance++) {
                services.add(new Service(name, DATABASES.get(name), port.apply(name, instance),
                        managementPort.apply(name, instance), heap.apply(name), instance));
            }
        }
        return List.copyOf(services);
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
                services(intValue(env, "UPWARD_REPLICAS", 1),
                        (service, instance) -> intValue(env, "UPWARD_" + key.apply(service) + "_PORT", DEFAULT_PORTS.get(service))
                                + REPLICA_PORT_STEP * (instance - 1),
                        (service, instance) -> intValue(env, "UPWARD_" + key.apply(service) + "_MANAGEMENT_PORT",
                                DEFAULT_MANAGEMENT_PORTS.get(service)) + REPLICA_PORT_STEP * (instance - 1),
                        service -> env.getOrDefault("UPWARD_" + key.apply(service) + "_HEAP", sharedHeap)));
    }

    /** Free ports and a throwaway data folder: for tests that must not collide with a running stack. */
    public static StackConfig ephemeral(Path projectRoot, Path dataDir) {
        return ephemeral(projectRoot, dataDir, 1);
    }

    /** The same with {@code replicas} instances of each backend service, each on free ports of its own. */
    public static StackConfig ephemeral(Path projectRoot, Path dataDir, int replicas) {
        return new StackConfig(projectRoot, dataDir, false, 0, 0, DEFAULT_KAFKA_HEAP,
                services(replicas, (service, instance) -> FreePorts.next(), (service, instance) -> FreePorts.next(),
                        service -> DEFAULT_HEAP));
    }

    /** How many instances each backend service has. */
    public int replicas() {
        return (int) services.stream().filter(service -> service.name().equals("course-service")).count();
    }

    /** The broker's jars, copied there by Maven when deploy/stack is packaged. */
    public Path kafkaClasspath() {
        return projectRoot.resolve("deploy/stack/target/lib");
    }

    public Service gateway() {
        return services.stream().filter(Service::isGateway).findFirst().orElseThrow();
    }

    /** The databases to create: one per service, whatever its instance count. */
    public List<String> databases() {
        return services.stream().map(Service::database).distinct().toList();
    }

    private static int intValue(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, not '" + value + "'");
        }
    }
}
