package com.upward.platform.testing;

import com.upward.stack.KafkaNode;
import com.upward.stack.Topics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/** A real Kafka broker (KRaft) for one test run of a module, with the platform's topics created up front. */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    private static volatile KafkaNode node;

    @Override
    public Map<String, String> start() {
        try {
            node = KafkaNode.start(0, Path.of("target", "upward-test", "kafka-" + UUID.randomUUID()));
            node.ensureTopics(Topics.all());
        } catch (Exception e) {
            throw new IllegalStateException("Could not start Kafka for the tests", e);
        }
        return Map.of("kafka.bootstrap.servers", node.bootstrapServers());
    }

    public static String bootstrapServers() {
        return node.bootstrapServers();
    }

    @Override
    public void stop() {
        if (node != null) {
            node.close();
        }
    }
}
