package com.upward.progress.persistence;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells waiting readers that a learner's progress changed, through PostgreSQL's LISTEN/NOTIFY: the notice is
 * sent in the transaction that changed the read model ({@link LearnerCourseRows#write}), so it arrives only once that transaction committed,
 * and it reaches every instance of the service, whichever one applied the event.
 */
@ApplicationScoped
public class ProgressNotices {

    private static final Logger LOG = Logger.getLogger(ProgressNotices.class);
    /** Sent by {@link LearnerCourseRows#write} with every refresh of a learner's read model. */
    static final String CHANNEL = "upward_progress_changed";
    private static final int POLL_MILLIS = 500;
    private static final long RECONNECT_MILLIS = 1_000;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private final Map<String, Set<CompletableFuture<Void>>> waiting = new ConcurrentHashMap<>();
    private volatile boolean running;
    private Thread listener;

    /** Completes at the learner's next change; {@link #forget} it when no longer waiting. */
    public CompletableFuture<Void> next(String learnerId) {
        CompletableFuture<Void> change = new CompletableFuture<>();
        // Added inside compute, so a wake removing this learner's set at the same moment cannot strand it.
        waiting.compute(learnerId, (ignored, changes) -> {
            Set<CompletableFuture<Void>> set = changes != null ? changes : ConcurrentHashMap.newKeySet();
            set.add(change);
            return set;
        });
        return change;
    }

    public void forget(String learnerId, CompletableFuture<Void> change) {
        waiting.computeIfPresent(learnerId, (ignored, changes) -> {
            changes.remove(change);
            return changes.isEmpty() ? null : changes;
        });
    }

    void start(@Observes StartupEvent ignored) {
        running = true;
        listener = new Thread(this::listen, "progress-notices");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent ignored) {
        running = false;
        listener.interrupt();
    }

    /** One connection of its own (a pooled one would be held for ever), reopened after a database outage. */
    private void listen() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(jdbcUrl, username.orElse(null), password.orElse(null))) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                // Whatever changed while nobody listened: every waiter reads again.
                wakeEveryone();
                PGConnection notices = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = notices.getNotifications(POLL_MILLIS);
                    if (received != null) {
                        for (PGNotification notice : received) {
                            wake(notice.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warnf("Listening for progress changes failed, again in %d ms: %s", RECONNECT_MILLIS, e.getMessage());
                    pause();
                }
            }
        }
    }

    private void wake(String learnerId) {
        Set<CompletableFuture<Void>> changes = waiting.remove(learnerId);
        if (changes != null) {
            changes.forEach(change -> change.complete(null));
        }
    }

    private void wakeEveryone() {
        for (String learnerId : Set.copyOf(waiting.keySet())) {
            wake(learnerId);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RECONNECT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
