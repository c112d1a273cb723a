package com.upward.platform.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deletes published outbox rows, old inbox ids and the delivered rows of every {@link DeliverySender} that keeps them
 * for a while, a small batch per transaction (rows picked by ctid), so no statement holds locks for long and the relay
 * and consumers keep running beside it.
 */
@ApplicationScoped
public class RetentionPruner {

    private static final Logger LOG = Logger.getLogger(RetentionPruner.class);

    @Inject
    EntityManager entityManager;

    @Inject
    EventsConfig config;

    @Inject
    DeliveryOutbox deliveries;

    private BackgroundPoller poller;

    void start(@Observes StartupEvent event) {
        if (!config.retention().enabled()) {
            return;
        }
        poller = new BackgroundPoller("retention-pruner", config.retention().interval(), Duration.ofSeconds(30),
                Duration.ofMinutes(10), () -> {
                    pruneAll();
                    return false;
                });
        poller.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (poller != null) {
            poller.stop();
        }
    }

    /** Prunes every table now; returns how many rows went from each. */
    public Map<String, Long> pruneAll() {
        List<RetentionRule> rules = new ArrayList<>();
        rules.add(new RetentionRule("outbox_event", "published_at < :cutoff", config.retention().outbox()));
        rules.add(new RetentionRule("inbox_event", "received_at < :cutoff", config.retention().inbox()));
        rules.addAll(deliveries.retentionRules());
        Map<String, Long> deleted = new LinkedHashMap<>();
        for (RetentionRule rule : rules) {
            long count = prune(rule);
            deleted.put(rule.table(), count);
            if (count > 0) {
                LOG.infof("Pruned %d rows from %s older than %s", count, rule.table(), rule.keepFor());
            }
        }
        return deleted;
    }

    private long prune(RetentionRule rule) {
        // One cutoff for the whole pass: rows that expire meanwhile wait for the next one.
        Instant cutoff = Instant.now().minus(rule.keepFor());
        String sql = "DELETE FROM " + rule.table() + " WHERE ctid IN (SELECT ctid FROM " + rule.table()
                + " WHERE " + rule.expiredWhere() + " LIMIT :batch)";
        long total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(sql)
                    .setParameter("cutoff", cutoff).setParameter("batch", config.retention().batchSize())
                    .executeUpdate());
            total += deleted;
        } while (deleted == config.retention().batchSize());
        return total;
    }
}
