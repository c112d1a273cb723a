package com.upward.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The whole platform on one machine: PostgreSQL, Kafka, and the four services as separate JVMs (with
 * {@code replicas} instances of each backend service, behind the one gateway).
 * The run command and the end-to-end tests both start it through here, so they cannot drift apart.
 */
public final class Stack implements AutoCloseable {

    private static final Duration SERVICE_START_TIMEOUT = Duration.ofSeconds(180);

    private final StackConfig config;
    private final PrintStream progress;
    private final List<AutoCloseable> started = new ArrayList<>();
    private PostgresNode postgres;
    private KafkaProcess kafka;
    private JwtKeys keys;
    private JwtKeys ltiToolKey;
    private String ltiToolKeyId;
    /** Each service's instance URLs, comma-separated, as the gateway takes them. */
    private final Map<String, String> serviceUrls = new HashMap<>();
    private ServiceProcess gateway;
    /** By instance name: course-service is the first instance, course-service-2 the second. */
    private final Map<String, ServiceProcess> servicesByName = new HashMap<>();
    private final Map<String, List<ServiceProcess>> instancesByService = new LinkedHashMap<>();

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

        // Before anything logs: log4j2.xml reads it when the first logger is made.
        System.setProperty("upward.log.dir", logs.toString());
        long began = System.nanoTime();
        postgres = PostgresNode.start(config.postgresPort(), config.dataDir().resolve("postgres"), config.keepData(),
                logs.resolve("postgres.log"));
        started.add(postgres);
        postgres.ensureDatabases(config.databases());
        report(++step, steps, "PostgreSQL", began, "127.0.0.1:" + postgres.port() + ", log " + relative(logs.resolve("postgres.log")));

        began = System.nanoTime();
        kafka = KafkaProcess.start(config.kafkaPort(), config.dataDir().resolve("kafka"), config.kafkaClasspath(),
                config.kafkaHeap(), logs.resolve("kafka.log"));
        started.add(kafka);
        report(++step, steps, "Kafka (KRaft)", began, kafka.bootstrapServers() + ", log " + relative(logs.resolve("kafka.log")));

        began = System.nanoTime();
        int created = kafka.ensureTopics(Topics.all());
        report(++step, steps, "Kafka topics", began, Topics.all().size() + " topics, " + created + " new");

        keys = JwtKeys.ensure(config.dataDir().resolve("keys"));
        ltiToolKey = JwtKeys.ensureLtiTool(config.dataDir().resolve("keys"));
        ltiToolKeyId = ltiToolKey.keyId("upward-lti-");
        config.services().forEach(service -> serviceUrls.merge(service.name(), "http://127.0.0.1:" + service.port(),
                (first, more) -> first + "," + more));

        // Launch them all at once (their start-up overlaps on two cores), then wait for each in turn.
        began = System.nanoTime();
        List<ServiceProcess> processes = new ArrayList<>();
        for (StackConfig.Service service : config.services()) {
            ServiceProcess process = ServiceProcess.launch(service.instanceName(), service.runnableJar(config.projectRoot()),
                    service.port(), service.managementPort(), service.heap(), environment(service),
                    logs.resolve(service.instanceName() + ".log"));
            started.add(process);
            processes.add(process);
            servicesByName.put(service.instanceName(), process);
            instancesByService.computeIfAbsent(service.name(), name -> new ArrayList<>()).add(process);
            if (service.isGateway()) {
                gateway = process;
            }
        }
        for (ServiceProcess process : processes) {
            process.awaitReady(SERVICE_START_TIMEOUT);
            report(++step, steps, process.name(), began, process.url() + ", health and metrics "
                    + process.managementUrl() + ", log " + relative(process.logFile()));
        }
    }

    private Map<String, String> environment(StackConfig.Service service) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_PROFILE", "local");
        // The instance's name on its connections, so pg_stat_activity (and pg_locks through it) tells replicas apart.
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(service.database()) + "?ApplicationName=" + service.instanceName());
        env.put("QUARKUS_DATASOURCE_USERNAME", PostgresNode.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", PostgresNode.PASSWORD);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKey().toUri().toString());
        if (service.name().equals("progress-service")) {
            // Assignments check their learners against the organisation's directory, which the gateway serves.
            config.services().stream().filter(StackConfig.Service::isGateway).findFirst().ifPresent(gateway -> env.put(
                    "UPWARD_PROGRESS_DIRECTORY_URL", "http://127.0.0.1:" + gateway.port() + "/api/v1/admin/learners"));
        }
        if (service.isGateway()) {
            env.put("SMALLRYE_JWT_SIGN_KEY_LOCATION", keys.privateKey().toUri().toString());
            serviceUrls.forEach((name, url) -> env.put(
                    "UPWARD_GATEWAY_SERVICES_" + name.replace("-service", "").toUpperCase(Locale.ROOT), url));
            unlessSet(env, "UPWARD_GATEWAY_LTI_PUBLIC_URL", ltiPublicUrl());
        }
        if ("progress-service".equals(service.name())) {
            // Every instance signs with the one kept key: LMSs cache its JWKS, and a replica's own key would fail there.
            if (System.getenv("UPWARD_LTI_SIGNING_KEY_LOCATION") == null) {
                env.put("UPWARD_LTI_SIGNING_KEY_LOCATION", ltiToolKey.privateKey().toAbsolutePath().toString());
                unlessSet(env, "UPWARD_LTI_SIGNING_KEY_ID", ltiToolKeyId);
                // After a rotation the old public key, saved here as KID.pem, stays published until it is deleted.
                unlessSet(env, "UPWARD_LTI_RETIRED_KEYS_DIRECTORY",
                        ltiToolKey.privateKey().resolveSibling("lti-tool-retired").toAbsolutePath().toString());
            }
            unlessSet(env, "UPWARD_LTI_TOOL_URL", ltiPublicUrl());
        }
        return env;
    }

    /**
     * Where LMSs and browsers reach the LTI tool (redirect_uri, deep-linking links): the gateway's port on localhost,
     * a host name apart from the 127.0.0.1 of test platforms, so a launch is a cross-site request as in production;
     * or UPWARD_GATEWAY_LTI_PUBLIC_URL (a tunnel's https URL, to connect a real LMS).
     */
    private String ltiPublicUrl() {
        String configured = System.getenv("UPWARD_GATEWAY_LTI_PUBLIC_URL");
        return configured != null ? configured : "http://localhost:" + config.gateway().port();
    }

    /** What the launcher's own environment sets (a tunnel's URL, a rotated key) wins: services inherit it. */
    private static void unlessSet(Map<String, String> env, String name, String value) {
        if (System.getenv(name) == null) {
            env.put(name, value);
        }
    }

    /** The kid of the LTI tool's key the launcher keeps in the keys folder beside the token keys. */
    public String ltiToolKeyId() {
        return ltiToolKeyId;
    }

    private void report(int step, int steps, String part, long beganNanos, String detail) {
        double seconds = (System.nanoTime() - beganNanos) / 1e9;
        progress.printf(Locale.ROOT, "  [%d/%d] %-20s ready in %5.1f s  (%s)%n", step, steps, part, seconds, detail);
    }

    private String relative(Path path) {
        return config.projectRoot().toAbsolutePath().relativize(path.toAbsolutePath()).toString();
    }

    /**
     * Launches one more copy of a service (not the gateway) on its own empty database, with extra environment
     * such as other consumer group ids, e.g. a second progress-service that rebuilds its read model from the
     * topics. It is stopped with the stack.
     */
    public ServiceProcess launchExtra(String serviceName, String database, Map<String, String> extraEnvironment)
            throws Exception {
        StackConfig.Service template = config.services().stream()
                .filter(service -> service.name().equals(serviceName) && !service.isGateway())
                .findFirst().orElseThrow(() -> new IllegalArgumentException("No such service: " + serviceName));
        postgres.ensureDatabases(List.of(database));
        StackConfig.Service extra = new StackConfig.Service(serviceName, database, FreePorts.next(), FreePorts.next(),
                template.heap());
        Map<String, String> env = environment(extra);
        env.putAll(extraEnvironment);
        Path logFile = config.dataDir().resolve("logs").resolve(serviceName + "-" + database + ".log");
        ServiceProcess process = ServiceProcess.launch(serviceName, extra.runnableJar(config.projectRoot()), extra.port(),
                extra.managementPort(), extra.heap(), env, logFile);
        started.add(process);
        process.awaitReady(SERVICE_START_TIMEOUT);
        return process;
    }

    /** PostgreSQL, to stop, kill, pause or restart it; its data survives all four. */
    public PostgresNode postgres() {
        return postgres;
    }

    /** The Kafka broker process, to stop, kill, pause or restart it; its log survives all four. */
    public KafkaProcess kafka() {
        return kafka;
    }

    /**
     * One service instance by its name, to stop, kill, pause or restart it: the module name is its first instance,
     * {@code course-service-2} its second.
     */
    public ServiceProcess service(String name) {
        ServiceProcess service = servicesByName.get(name);
        if (service == null) {
            throw new IllegalArgumentException("No such service: " + name);
        }
        return service;
    }

    /** Every instance of a service (its module name), in instance order. */
    public List<ServiceProcess> instances(String name) {
        List<ServiceProcess> instances = instancesByService.get(name);
        if (instances == null) {
            throw new IllegalArgumentException("No such service: " + name);
        }
        return List.copyOf(instances);
    }

    public String gatewayUrl() {
        return gateway.url();
    }

    /** A service's (first instance's) own URL, for tests that check it refuses bad tokens without the gateway in front. */
    public String serviceUrl(String name) {
        return servicesByName.get(name).url();
    }

    /** A service's (or the gateway's) management interface: /q/health/* and /q/metrics. */
    public String managementUrl(String name) {
        return service(name).managementUrl();
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
