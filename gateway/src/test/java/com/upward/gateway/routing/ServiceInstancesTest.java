package com.upward.gateway.routing;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The choice of instance and its health bookkeeping, on a clock the test moves (the proxy test uses real servers). */
class ServiceInstancesTest {

    private static final URI A = URI.create("http://127.0.0.1:1001");
    private static final URI B = URI.create("http://127.0.0.1:1002");
    private static final URI C = URI.create("http://127.0.0.1:1003");

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final ServiceInstances instances = new ServiceInstances("course-service", List.of(A, B, C), Duration.ofSeconds(5), now::get);

    private List<URI> next(int count) {
        return IntStream.range(0, count).mapToObj(i -> instances.next().uri()).toList();
    }

    @Test
    void requestsGoToEachInstanceInTurn() {
        assertEquals(List.of(A, B, C, A, B, C), next(6));
    }

    @Test
    void anInstanceThatFailedIsLeftOutUntilItsTimeIsUp() {
        instances.all().get(1).failed(new ConnectException("refused"));
        assertFalse(instances.inService(instances.all().get(1)));
        assertEquals(List.of(A, C, C, A, C, C), next(6), "B's turns go to the next instance in service");

        now.addAndGet(Duration.ofSeconds(5).toNanos() - 1);
        assertFalse(next(3).contains(B), "still out a nanosecond before its time is up");

        now.addAndGet(1);
        assertTrue(next(3).contains(B), "then the next request in its turn probes it");
    }

    @Test
    void aConnectionPutsAnInstanceBackAtOnce() {
        ServiceInstances.Instance b = instances.all().get(1);
        b.failed(new ConnectException("refused"));
        b.connected();
        assertTrue(instances.inService(b));
        assertEquals(List.of(A, B, C), next(3));
    }

    @Test
    void whenEveryInstanceIsOutRequestsStillGoToThemInTurn() {
        instances.all().forEach(instance -> instance.failed(new ConnectException("refused")));
        assertEquals(List.of(A, B, C, A), next(4), "the breaker, not the balancer, decides to stop sending");
    }

    @Test
    void oneUrlIsOneInstance() {
        ServiceInstances single = new ServiceInstances("course-service", List.of(A), Duration.ofSeconds(5), now::get);
        single.all().get(0).failed(new ConnectException("refused"));
        assertEquals(A, single.next().uri());
        assertEquals(1, single.size());
    }
}
