package com.upward.stack;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real Apache Kafka broker in KRaft mode (one node is broker and controller), run in this JVM from
 * the kafka_2.13 jars. Its log directory is formatted once and then reused. The @QuarkusTest suites use
 * it (no extra JVM to start); the stack runs the same node as a child process ({@link KafkaProcess}),
 * which a fault test can stop, kill and pause.
 */
public final class KafkaNode implements AutoCloseable {

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private KafkaNode(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    public static KafkaNode start(int port, Path logDir) throws IOException {
        Properties props = brokerProperties(port == 0 ? FreePorts.next() : port, FreePorts.next(), logDir);
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
        server.startup();
        KafkaNode node = new KafkaNode(server, props.getProperty("advertised.listeners").replace("PLAINTEXT://", ""));
        awaitReady(node.bootstrapServers(), java.time.Duration.ofSeconds(60));
        return node;
    }

    /**
     * The settings of the single local node (broker and controller in one), with its log directory formatted
     * once: a second call on the same directory reuses what is there.
     */
    static Properties brokerProperties(int brokerPort, int controllerPort, Path logDir) throws IOException {
        Files.createDirectories(logDir);
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", logDir.toAbsolutePath().toString());
        props.put("num.partitions", "3");
        props.put("auto.create.topics.enable", "false");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "6");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("log.retention.hours", "-1");
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(props, logDir);
        }
        return props;
    }

    /** Where the node's settings are written, beside its log directory (the broker process reads them). */
    static Path configFile(Path logDir) {
        return logDir.resolveSibling(logDir.getFileName() + "-server.properties");
    }

    private static void format(Properties props, Path logDir) throws IOException {
        Path config = configFile(logDir);
        writeConfig(props, config);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        String[] args = {"format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()};
        // execute, never main: main calls System.exit.
        int exit = StorageTool.execute(args, new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IOException("Formatting Kafka storage failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    static void writeConfig(Properties props, Path config) throws IOException {
        try (var out = Files.newBufferedWriter(config)) {
            props.store(out, "Upward local Kafka broker");
        }
    }

    static void awaitReady(String bootstrapServers, java.time.Duration timeout) throws IOException {
        try (Admin admin = admin(bootstrapServers)) {
            admin.describeCluster().nodes().get(timeout.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for Kafka", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("Kafka did not become ready", e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Admin admin() {
        return admin(bootstrapServers);
    }

    static Admin admin(String bootstrapServers) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Creates the topics that do not exist yet; the others are left as they are. */
    public int ensureTopics(List<Topics.Topic> topics) throws IOException {
        return ensureTopics(bootstrapServers, topics);
    }

    static int ensureTopics(String bootstrapServers, List<Topics.Topic> topics) throws IOException {
        try (Admin admin = admin(bootstrapServers)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(topic -> !existing.contains(topic.name()))
                    .map(topic -> new NewTopic(topic.name(), topic.partitions(), (short) 1))
                    .collect(Collectors.toList());
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
            return missing.size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while creating topics", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("Creating topics failed", e);
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
