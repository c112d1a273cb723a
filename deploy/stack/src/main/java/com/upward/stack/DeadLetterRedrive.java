package com.upward.stack;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Sends dead-lettered records back to the topic they came from (./upward redrive TOPIC.dlq), unchanged
 * but for the dead-letter headers, once whatever made them fail is fixed. Each record is re-driven once:
 * the command's consumer group remembers how far it got. A record that is still poison goes back to the
 * dead-letter topic; one that was applied already changes nothing (the consumer's inbox).
 */
public final class DeadLetterRedrive {

    private final String bootstrapServers;

    public DeadLetterRedrive(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Re-drives every record not re-driven before; returns how many it sent back. */
    public int redrive(String deadLetterTopic) throws Exception {
        if (!deadLetterTopic.endsWith(".dlq")) {
            throw new IllegalArgumentException(deadLetterTopic + " is not a dead-letter topic (TOPIC.dlq)");
        }
        String defaultTarget = deadLetterTopic.substring(0, deadLetterTopic.length() - ".dlq".length());
        int sent = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "upward-redrive." + deadLetterTopic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                     ProducerConfig.ACKS_CONFIG, "all",
                     ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                     ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                     ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic).stream()
                    .map(partition -> new TopicPartition(deadLetterTopic, partition.partition())).toList();
            consumer.assign(partitions);
            // Only what was dead-lettered before this run: a record that is still poison comes back meanwhile,
            // and chasing it would never end.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                List<Future<RecordMetadata>> acknowledgements = new ArrayList<>();
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < end.get(partition)) {
                        acknowledgements.add(producer.send(backToOrigin(record, defaultTarget)));
                        done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                    }
                }
                for (Future<RecordMetadata> acknowledgement : acknowledgements) {
                    acknowledgement.get(30, TimeUnit.SECONDS);
                }
                // Only once the broker has them back: a crash in between re-drives them again, which is harmless.
                if (!done.isEmpty()) {
                    consumer.commitSync(done);
                }
                sent += acknowledgements.size();
            }
        }
        return sent;
    }

    private static ProducerRecord<String, String> backToOrigin(ConsumerRecord<String, String> record, String defaultTarget) {
        RecordHeaders headers = new RecordHeaders();
        String target = defaultTarget;
        for (Header header : record.headers()) {
            if (header.key().equals("dead-letter-topic") && header.value() != null) {
                target = new String(header.value(), StandardCharsets.UTF_8);
            } else if (!header.key().startsWith("dead-letter-")) {
                headers.add(header);
            }
        }
        return new ProducerRecord<>(target, null, record.key(), record.value(), headers);
    }
}
