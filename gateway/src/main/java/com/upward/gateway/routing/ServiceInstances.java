package com.upward.gateway.routing;

import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The instances of one service and which of them take requests: each request goes to the next instance in turn
 * (round robin) among those in service. An instance whose connection was refused or timed out is left out for
 * {@code unhealthyFor}; after that the next request to reach it is its probe: a connection puts it back, another
 * failure leaves it out again. When every instance is out, requests still go to them in turn rather than nowhere:
 * the service's circuit breaker, not this, decides when to stop sending.
 * Shared by every route of the service and every event loop, so its state is atomic and takes no lock.
 */
public final class ServiceInstances {

    private static final Logger LOG = Logger.getLogger(ServiceInstances.class);

    /** One instance's base URL and until when it is left out (System.nanoTime; 0 while in service). */
    public final class Instance {
        private final URI uri;
        private final AtomicLong outUntil = new AtomicLong();

        private Instance(URI uri) {
            this.uri = uri;
        }

        public URI uri() {
            return uri;
        }

        /** A connection to it was made: it is in service (again). */
        public void connected() {
            if (outUntil.getAndSet(0) != 0) {
                LOG.infof("%s instance %s is back in service", service, uri);
            }
        }

        /** A connection to it was refused or timed out: leave it out for a while. */
        public void failed(Throwable failure) {
            if (outUntil.getAndSet(Math.max(1, clock.getAsLong() + unhealthyForNanos)) == 0) {
                LOG.warnf("%s instance %s is out of service for %d ms: %s", service, uri, unhealthyForNanos / 1_000_000,
                        failure.getMessage());
            }
        }

        boolean inService(long now) {
            long until = outUntil.get();
            return until == 0 || now - until >= 0;
        }

        @Override
        public String toString() {
            return uri.toString();
        }
    }

    private final String service;
    private final List<Instance> instances;
    private final long unhealthyForNanos;
    private final LongSupplier clock;
    private final AtomicInteger turn = new AtomicInteger();

    public ServiceInstances(String service, List<URI> urls, Duration unhealthyFor) {
        this(service, urls, unhealthyFor, System::nanoTime);
    }

    ServiceInstances(String service, List<URI> urls, Duration unhealthyFor, LongSupplier clock) {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("No instance of " + service + " is configured");
        }
        this.service = service;
        this.instances = urls.stream().map(Instance::new).toList();
        this.unhealthyForNanos = unhealthyFor.toNanos();
        this.clock = clock;
    }

    /** The instance for the next request: the next one in turn that is in service, else simply the next one in turn. */
    public Instance next() {
        int size = instances.size();
        int start = Math.floorMod(turn.getAndIncrement(), size);
        long now = clock.getAsLong();
        for (int i = 0; i < size; i++) {
            Instance candidate = instances.get((start + i) % size);
            if (candidate.inService(now)) {
                return candidate;
            }
        }
        return instances.get(start);
    }

    /** How many instances the service has, in service or not. */
    public int size() {
        return instances.size();
    }

    public List<Instance> all() {
        return instances;
    }

    /** Whether an instance takes requests now (for tests and logs). */
    public boolean inService(Instance instance) {
        return instance.inService(clock.getAsLong());
    }

    public String service() {
        return service;
    }
}
