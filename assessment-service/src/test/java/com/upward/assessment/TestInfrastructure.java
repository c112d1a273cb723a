package com.upward.assessment;

import com.upward.platform.testing.KafkaResource;
import com.upward.platform.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;

/** One real PostgreSQL and one real Kafka broker for the whole module's test run, started side by side. */
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false, parallel = true)
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false, parallel = true)
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
