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
import java.util.concurrent.TimeUnit;

/**
 * The local Kafka node ({@link KafkaNode}'s settings) as a child process of the launcher, like PostgreSQL:
 * {@code java kafka.Kafka server.properties} on the jars that Maven copied into deploy/stack/target/lib.
 * Its ports and log directory stay the same across a stop, a kill or a restart.
 */
public final class KafkaProcess implements StackPart, AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final ProcessBuilder command;
    private final String bootstrapServers;
    private final Path logFile;
    private Process process;

    private KafkaProcess(ProcessBuilder command, String bootstrapServers, Path logFile) {
        this.command = command;
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
    public synchronized void start() throws IOException {
        if (process != null && process.isAlive()) {
            return;
        }
        process = command.start();
        try {
            KafkaNode.awaitReady(bootstrapServers, START_TIMEOUT);
        } catch (IOException e) {
            if (!process.isAlive()) {
                throw new IOException("Kafka exited with " + process.exitValue() + "; see " + logFile, e);
            }
            throw e;
        }
    }

    /** SIGTERM: a controlled shutdown that flushes the logs. */
    @Override
    public synchronized void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        // A paused process would hold the SIGTERM until resumed.
        Signals.continueIfStopped(process.toHandle());
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            Signals.awaitExit(process.toHandle(), 15);
        }
    }

    @Override
    public synchronized void pause() {
        Signals.send("STOP", running().pid());
    }

    @Override
    public synchronized void resume() {
        Signals.send("CONT", running().pid());
    }

    @Override
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    private Process running() {
        if (!isRunning()) {
            throw new IllegalStateException("Kafka is not running");
        }
        return process;
    }

    /** Creates the topics that do not exist yet; the others are left as they are. */
    public int ensureTopics(List<Topics.Topic> topics) throws IOException {
        return KafkaNode.ensureTopics(bootstrapServers, topics);
    }

    @Override
    public void close() {
        stop();
    }
}
