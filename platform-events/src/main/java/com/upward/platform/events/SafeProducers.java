package com.upward.platform.events;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.HashMap;
import java.util.Map;

/**
 * The one kind of Kafka producer the platform writes with (the outbox relay, the dead letters): idempotent,
 * acknowledged by every in-sync replica, sent at once (the callers batch already, or send one record), text keys
 * and values.
 */
final class SafeProducers {

    /** {@code more} adds settings, such as the relay's time limits. */
    static KafkaProducer<String, String> create(String bootstrapServers, String clientId, Map<String, Object> more) {
        Map<String, Object> settings = new HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                // Waiting for more records only adds latency per event.
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        settings.putAll(more);
        return new KafkaProducer<>(settings);
    }

    private SafeProducers() {
    }
}
