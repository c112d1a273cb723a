package com.upward.stack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** UPWARD_REPLICAS: how many instances of each backend service, on which ports, sharing which databases. */
class StackConfigTest {

    private static final Path ROOT = Path.of("/tmp/upward");

    @Test
    void oneInstanceOfEachServiceByDefault() {
        StackConfig config = StackConfig.fromEnvironment(ROOT, Map.of());
        assertEquals(1, config.replicas());
        assertEquals(List.of("course-service", "assessment-service", "progress-service", "gateway"),
                config.services().stream().map(StackConfig.Service::instanceName).toList());
    }

    @Test
    void replicasOfTheBackendServicesOnPortsAHundredApartWithOneGateway() {
        StackConfig config = StackConfig.fromEnvironment(ROOT, Map.of("UPWARD_REPLICAS", "2", "UPWARD_PROGRESS_PORT", "7083"));
        assertEquals(2, config.replicas());
        assertEquals(List.of("course-service:8081:9001", "course-service-2:8181:9101", "assessment-service:8082:9002",
                        "assessment-service-2:8182:9102", "progress-service:7083:9003", "progress-service-2:7183:9103",
                        "gateway:8080:9000"),
                config.services().stream().map(s -> s.instanceName() + ":" + s.port() + ":" + s.managementPort()).toList());
        assertEquals(List.of("upward_course", "upward_assessment", "upward_progress", "upward_gateway"), config.databases(),
                "the instances of a service share its database");
    }

    @Test
    void testsAskForAnyNumberOfInstances() {
        StackConfig config = StackConfig.ephemeral(ROOT, ROOT.resolve("data"), 3);
        assertEquals(3, config.replicas());
        assertEquals(List.of("course-service", "course-service-2", "course-service-3", "assessment-service",
                        "assessment-service-2", "assessment-service-3", "progress-service", "progress-service-2",
                        "progress-service-3", "gateway"),
                config.services().stream().map(StackConfig.Service::instanceName).toList());
    }

    @Test
    void aReplicaCountOutOfRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> StackConfig.fromEnvironment(ROOT, Map.of("UPWARD_REPLICAS", "0")));
        assertThrows(IllegalArgumentException.class, () -> StackConfig.fromEnvironment(ROOT, Map.of("UPWARD_REPLICAS", "10")));
        assertThrows(IllegalArgumentException.class, () -> StackConfig.fromEnvironment(ROOT, Map.of("UPWARD_REPLICAS", "two")));
    }
}
