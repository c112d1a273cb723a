package com.upward.progress.persistence;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.JDBCException;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain JDBC on the current transaction's connection, for the statements every event or progress read runs. A
 * Hibernate native query resolves its result's column types from the driver's metadata on every execution, which
 * made those statements cost several times their work in PostgreSQL; the rest of the service keeps native queries.
 */
@ApplicationScoped
public class TransactionJdbc {

    @Inject
    EntityManager entityManager;

    @Inject
    AgroalDataSource dataSource;

    /**
     * In a transaction, on its connection (the one Hibernate's statements use); outside one, on a pooled connection
     * given back at once: a request-scoped session would keep its connection until the request ends, and a held read
     * of progress waits for seconds.
     */
    public <T> T work(Work<T> work) {
        if (QuarkusTransaction.isActive()) {
            return entityManager.unwrap(Session.class).doReturningWork(work::run);
        }
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new JDBCException("A read outside a transaction failed", e);
        }
    }

    /** The rows of one query, each read by {@code reader}. */
    public <T> List<T> list(String sql, Binder binder, RowReader<T> reader) {
        return work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                binder.bind(statement);
                try (ResultSet rows = statement.executeQuery()) {
                    List<T> read = new ArrayList<>();
                    while (rows.next()) {
                        read.add(reader.read(rows));
                    }
                    return read;
                }
            }
        });
    }

    /** The number of rows one statement changed. */
    public int update(String sql, Binder binder) {
        return work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                binder.bind(statement);
                return statement.executeUpdate();
            }
        });
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(ResultSet row, int column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static LocalDate localDate(ResultSet row, int column) throws SQLException {
        return row.getObject(column, LocalDate.class);
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }
}
