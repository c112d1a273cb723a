package com.upward.platform.events;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A daemon thread that works through pending rows (an outbox, statements to deliver): it runs a pass at
 * once when woken after a commit, otherwise every poll interval, and backs off after a failed pass.
 */
public final class BackgroundPoller {

    /** One pass of work; returns true when more is due at once (a full batch), false to wait. */
    @FunctionalInterface
    public interface Pass {
        boolean run();
    }

    private static final Logger LOG = Logger.getLogger(BackgroundPoller.class);

    private final String name;
    private final Duration pollInterval;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final Pass pass;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    public BackgroundPoller(String name, Duration pollInterval, Duration firstBackoff, Duration maxBackoff, Pass pass) {
        this.name = name;
        this.pollInterval = pollInterval;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.pass = pass;
    }

    public void start() {
        running = true;
        worker = new Thread(this::loop, name);
        worker.setDaemon(true);
        worker.start();
    }

    /** Runs a pass now instead of at the next poll. */
    public void wake() {
        wakeUp.release();
    }

    public void stop() throws InterruptedException {
        if (worker == null) {
            return;
        }
        running = false;
        wakeUp.release();
        worker.join(TimeUnit.SECONDS.toMillis(10));
    }

    private void loop() {
        Duration backoff = firstBackoff;
        while (running) {
            try {
                boolean moreDue = pass.run();
                backoff = firstBackoff;
                if (!moreDue) {
                    wakeUp.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("%s failed, retrying in %d ms: %s", name, backoff.toMillis(), e.getMessage());
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                Duration doubled = backoff.multipliedBy(2);
                backoff = doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
            }
        }
    }
}
