package com.upward.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The whole platform on one machine: PostgreSQL, Kafka, and the four services as separate JVMs.
 * The run command and the end-to-end tests both start it through here, so they cannot drift apart.
 */
public final class Stack implements AutoCloseable {

    private static final Duration SERVICE_START_TIMEOUT = Duration.ofSeconds(180);

    private final StackConfig config;
    private final PrintStream progress;
    private final List<AutoCloseable> started = new ArrayList<>();
    private PostgresNode postgres;
    private KafkaNode kafka;
    private ServiceProcess gateway;
    private final Map<String, ServiceProcess> servicesByName = new HashMap<>();

    private Stack(StackConfig config, PrintStream progress) {
        this.config = config;
        this.progress = progress;
    }

    /** Starts every part in order and waits until each is healthy; on failure stops what had started. */
    public static Stack start(StackConfig config, PrintStream progress) throws Exception {
        Stack stack = new Stack(config, progress);
        try {
            stack.startAll();
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() throws Exception {
        Path logs = config.dataDir().resolve("logs");
        int steps = 3 + config.services().size();
        int step = 0;

        long began = System.nanoTime();
        postgres = PostgresNode.start(config.postgresPort(),
                config.keepData() ? config.dataDir().resolve("postgres") : null, logs.resolve("postgres.log"));
        started.add(postgres);
        postgres.ensureDatabases(config.services().stream().map(StackConfig.Service::database).toList());
        report(++step, steps, "PostgreSQL", began, "127.0.0.1:" + postgres.port() + ", log " + relative(logs.resolve("postgres.log")));

        began = System.nanoTime();
        System.setProperty("upward.log.dir", logs.toString());
        kafka = KafkaNode.start(config.kafkaPort(), config.dataDir().resolve("kafka"));
        started.add(kafka);
        report(++step, steps, "Kafka (KRaft)", began, kafka.bootstrapServers() + ", log " + relative(logs.resolve("kafka.log")));

        began = System.nanoTime();
        int created = kafka.ensureTopics(Topics.all());
        report(++step, steps, "Kafka topics", began, Topics.all().size() + " topics, " + created + " new");

        JwtKeys keys = JwtKeys.ensure(config.dataDir().resolve("keys"));
        Map<String, String> serviceUrls = new HashMap<>();
        config.services().forEach(service -> serviceUrls.put(service.name(), "http://127.0.0.1:" + service.port()));

        // Launch all four at once (their start-up overlaps on two cores), then wait for each in turn.
        began = System.nanoTime();
        List<ServiceProcess> processes = new ArrayList<>();
        for (StackConfig.Service service : config.services()) {
            ServiceProcess process = ServiceProcess.launch(service.name(), service.runnableJar(config.projectRoot()),
                    service.port(), service.heap(), environment(service, keys, serviceUrls), logs.resolve(service.name() + ".log"));
            started.add(process);
            processes.add(process);
            servicesByName.put(service.name(), process);
            if (service.isGateway()) {
                gateway = process;
            }
        }
        for (ServiceProcess process : processes) {
            process.awaitReady(SERVICE_START_TIMEOUT);
            report(++step, steps, process.name(), began, process.url() + ", log " + relative(process.logFile()));
        }
    }

    private Map<String, String> environment(StackConfig.Service service, JwtKeys keys, Map<String, String> serviceUrls) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_PROFILE", "local");
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(service.database()));
        env.put("QUARKUS_DATASOURCE_USERNAME", PostgresNode.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", PostgresNode.PASSWORD);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKey().toUri().toString());
        if (service.isGateway()) {
            env.put("SMALLRYE_JWT_SIGN_KEY_LOCATION", keys.privateKey().toUri().toString());
            serviceUrls.forEach((name, url) -> env.put(
                    "UPWARD_GATEWAY_SERVICES_" + name.replace("-service", "").toUpperCase(Locale.ROOT), url));
        }
        return env;
    }

    private void report(int step, int steps, String part, long beganNanos, String detail) {
        double seconds = (System.nanoTime() - beganNanos) / 1e9;
        progress.printf(Locale.ROOT, "  [%d/%d] %-20s ready in %5.1f s  (%s)%n", step, steps, part, seconds, detail);
    }

    private String relative(Path path) {
        return config.projectRoot().toAbsolutePath().relativize(path.toAbsolutePath()).toString();
    }

    public String gatewayUrl() {
        return gateway.url();
    }

    /** A service's own URL, for tests that check it refuses bad tokens without the gateway in front. */
    public String serviceUrl(String name) {
        return servicesByName.get(name).url();
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    /** Stops the services first (they flush their outboxes), then Kafka, then PostgreSQL. */
    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                progress.println("  could not stop cleanly: " + e.getMessage());
            }
        }
        started.clear();
    }
}
