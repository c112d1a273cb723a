package com.upward.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The local Kafka node ({@link KafkaNode}'s settings) as a child process of the launcher, like PostgreSQL:
 * {@code java kafka.Kafka server.properties} on the jars that Maven copied into deploy/stack/target/lib.
 * Its ports and log directory stay the same across a stop, a kill or a restart.
 */
public final class KafkaProcess extends ChildProcess {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final String bootstrapServers;
    private final Path logFile;

    private KafkaProcess(ProcessBuilder command, String bootstrapServers, Path logFile) {
        // A controlled shutdown that flushes the logs gets 30 s.
        super(command, Duration.ofSeconds(30));
        this.bootstrapServers = bootstrapServers;
        this.logFile = logFile;
    }

    /**
     * Starts the broker on {@code port} (0 picks a free one) with its log in {@code logDir} and its output in
     * {@code logFile}. {@code classpathDir} holds the kafka_2.13 jars and an SLF4J binding.
     */
    public static KafkaProcess start(int port, Path logDir, Path classpathDir, String heap, Path logFile) throws IOException {
        if (!Files.isDirectory(classpathDir)) {
            throw new IOException("Kafka is not built: " + classpathDir + " is missing (run ./mvnw package -pl deploy/stack)");
        }
        int brokerPort = port == 0 ? FreePorts.next() : port;
        Properties props = KafkaNode.brokerProperties(brokerPort, FreePorts.next(), logDir);
        Path config = KafkaNode.configFile(logDir);
        KafkaNode.writeConfig(props, config);
        Path logConfig = config.resolveSibling("kafka-log4j2.xml");
        try (InputStream in = KafkaProcess.class.getResourceAsStream("/kafka-log4j2.xml")) {
            Files.copy(in, logConfig, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.createDirectories(logFile.getParent());

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> args = new ArrayList<>(List.of(java, "-Xmx" + heap, "-Xms64m", "-XX:+UseSerialGC",
                "-Dlog4j2.configurationFile=" + logConfig.toAbsolutePath(),
                "-cp", classpathDir.toAbsolutePath() + "/*", "kafka.Kafka", config.toAbsolutePath().toString()));
        ProcessBuilder command = new ProcessBuilder(args)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        KafkaProcess kafka = new KafkaProcess(command, "127.0.0.1:" + brokerPort, logFile);
        kafka.start();
        return kafka;
    }

    @Override
    public String name() {
        return "kafka";
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Path logFile() {
        return logFile;
    }

    @Override
    void awaitStarted(Process started) throws IOException {
        try {
            KafkaNode.awaitReady(bootstrapServers, START_TIMEOUT);
        } catch (IOException e) {
            if (!started.isAlive()) {
                throw new IOException("Kafka exited with " + started.exitValue() + "; see " + logFile, e);
            }
            throw e;
        }
    }

    /** Creates the topics that do not exist yet; the others are left as they are. */
    public int ensureTopics(List<Topics.Topic> topics) throws IOException {
        return KafkaNode.ensureTopics(bootstrapServers, topics);
    }
}
