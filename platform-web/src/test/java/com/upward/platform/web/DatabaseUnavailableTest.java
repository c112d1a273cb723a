package com.upward.platform.web;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The failures the real PostgreSQL driver and Agroal pool raise when nothing listens on the database port. */
class DatabaseUnavailableTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aRefusedConnectionIsA503WithRetryAfter() throws Exception {
        SQLException refused = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + closedPort() + "/upward", "u", "p"));
        assertTrue(refused.getSQLState().startsWith("08"), refused.getSQLState());

        // Hibernate and Narayana wrap the driver's exception; the mapper looks through the wrapping.
        Response response = mappers.internal(new IllegalStateException("could not prepare statement", refused), uri("/api/v1/me/progress"));

        assertEquals(503, response.getStatus());
        assertEquals("5", response.getHeaderString("Retry-After"));
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        Problem problem = (Problem) response.getEntity();
        assertEquals(503, problem.status());
        assertEquals("/api/v1/me/progress", problem.instance());
        assertFalse(problem.detail().contains("Exception"), problem.detail());
    }

    @Test
    void aPoolThatCannotHandOutAConnectionIsA503() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/upward";
        try (AgroalDataSource pool = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(poolConfig -> poolConfig.maxSize(1).acquisitionTimeout(Duration.ofMillis(300))
                        .connectionFactoryConfiguration(factory -> factory.jdbcUrl(url))))) {
            SQLException failure = assertThrows(SQLException.class, () -> {
                try (Connection ignored = pool.getConnection()) {
                    // never reached: nothing listens
                }
            });
            assertTrue(DatabaseUnavailable.isCause(failure), failure.toString());
            assertEquals(503, mappers.internal(new IllegalStateException(failure), uri("/x")).getStatus());
        }
    }

    @Test
    void theRetryAfterIsConfigurable() {
        mappers.unavailableRetryAfter = Duration.ofSeconds(12);
        Response response = mappers.internal(new SQLException("terminating connection due to administrator command", "57P01"), uri("/x"));
        assertEquals("12", response.getHeaderString("Retry-After"));
    }

    @Test
    void otherDatabaseFailuresStayA500() {
        // A unique violation or a syntax error is our bug, not an outage: it must not tell clients to retry.
        assertFalse(DatabaseUnavailable.isCause(new IllegalStateException(new SQLException("duplicate key", "23505"))));
        assertFalse(DatabaseUnavailable.isCause(new SQLException("syntax error", "42601")));
        Response response = mappers.internal(new IllegalStateException("boom"), uri("/x"));
        assertEquals(500, response.getStatus());
        assertEquals(null, response.getHeaderString("Retry-After"));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static UriInfo uri(String path) {
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getPath")) {
                        return path;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
