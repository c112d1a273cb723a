package com.upward.reliability;

import com.upward.platform.events.contract.LessonCompleted;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A record that can never be applied goes to the dead-letter topic with its reason; the next one is applied. */
@ExtendWith(FaultStack.class)
class PoisonRecordIT {

    private static final String TOPIC = "upward.learning";

    @Test
    void aPoisonRecordIsDeadLetteredWithItsReasonAndTheNextRecordIsApplied() throws Exception {
        String learner = "poison-" + UUID.randomUUID().toString().substring(0, 8);
        String poisonId = learner + "-poison";
        String nextId = learner + "-next";
        // Well-formed JSON that breaks the contract: version 0 and a blank lesson can never be applied.
        String poison = "{\"learnerId\":\"" + learner + "\",\"orgId\":\"acme\",\"courseId\":\"" + Learners.COURSE
                + "\",\"courseVersion\":0,\"lessonId\":\"\",\"completedAt\":\"" + Instant.now() + "\"}";
        LessonCompleted next = new LessonCompleted(learner, "acme", Learners.COURSE, 1, "what-is-leading-upward", Instant.now());

        try (KafkaProducer<String, String> producer = Events.producer()) {
            // Same key, so the same partition: the valid record sits right behind the poison one.
            producer.send(Events.record(TOPIC, learner, poisonId, LessonCompleted.TYPE, next.eventSubject(), poison)).get();
            producer.send(Events.record(next, nextId)).get();
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(
                () -> ProgressDb.lessonsDone(ProgressDb.MAIN, learner).size() == 1);
        assertEquals(Set.of(learner + "/what-is-leading-upward"), ProgressDb.lessonsDone(ProgressDb.MAIN, learner));

        List<ConsumerRecord<String, String>> deadLetters = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Events.readAll(TOPIC + ".dlq").stream()
                        .filter(record -> learner.equals(record.key())).toList(), found -> !found.isEmpty());
        Set<String> deadLetteredIds = deadLetters.stream().map(record -> Events.header(record, "ce_id")).collect(Collectors.toSet());
        assertEquals(Set.of(poisonId), deadLetteredIds, "only the poison record is dead-lettered");
        String reason = Events.header(deadLetters.get(0), "dead-letter-reason");
        assertTrue(reason != null && reason.contains("invalid"), "the reason names what is wrong: " + reason);
        assertEquals(List.of(nextId), ProgressDb.appliedEventIds(ProgressDb.MAIN, learner), "the next record is applied once");
        System.out.printf("Fault test poison-record: 2 produced, 1 dead-lettered (%s), 1 applied, 0 lost, 0 doubled%n", reason);
    }
}
