package com.upward.platform.testing;

import com.upward.stack.PostgresNode;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A real, throwaway PostgreSQL server for one test run of a module, shared by all its test classes. */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = "upward_test";

    private static volatile PostgresNode node;

    @Override
    public Map<String, String> start() {
        try {
            node = PostgresNode.start(0, Path.of("target", "upward-test", "postgres-" + UUID.randomUUID()), false,
                    Path.of("target", "upward-test", "postgres.log"));
            node.ensureDatabases(List.of(DATABASE));
        } catch (Exception e) {
            throw new IllegalStateException("Could not start PostgreSQL for the tests", e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", node.jdbcUrl(DATABASE),
                "quarkus.datasource.username", PostgresNode.USER,
                "quarkus.datasource.password", PostgresNode.PASSWORD);
    }

    public static String jdbcUrl() {
        return node.jdbcUrl(DATABASE);
    }

    @Override
    public void stop() {
        try {
            if (node != null) {
                node.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop PostgreSQL", e);
        }
    }
}
