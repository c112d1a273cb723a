package com.upward.course;

import com.upward.course.service.CourseContentLoader;
import com.upward.course.service.CoursePublisher;
import com.upward.platform.testing.EventSchemas;
import com.upward.platform.testing.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class CourseContentLoaderTest {

    @Inject
    CourseContentLoader loader;

    @Inject
    EntityManager entityManager;

    @Test
    void loadingAgainChangesNothing() {
        long versions = count("SELECT count(*) FROM course_version");
        long lessons = count("SELECT count(*) FROM lesson");
        long events = count("SELECT count(*) FROM outbox_event WHERE type = 'upward.course.published'");

        assertEquals(CoursePublisher.Outcome.ALREADY_PUBLISHED, loader.load("courses/how-to-lead-upward/v1.json"));

        assertEquals(versions, count("SELECT count(*) FROM course_version"));
        assertEquals(lessons, count("SELECT count(*) FROM lesson"));
        assertEquals(events, count("SELECT count(*) FROM outbox_event WHERE type = 'upward.course.published'"));
    }

    @Test
    void publishedCourseEventCarriesTheStructureAndMatchesItsSchema() {
        List<ConsumerRecord<String, String>> published = KafkaTestClient.await("upward.course",
                record -> "how-to-lead-upward".equals(record.key()), 1, Duration.ofSeconds(10));
        assertEquals(1, published.size());
        ConsumerRecord<String, String> event = published.get(0);
        assertEquals("upward.course.published", KafkaTestClient.header(event, "ce_type"));
        EventSchemas.assertMatchesSchema("upward.course.published", event.value());
        io.restassured.path.json.JsonPath data = new io.restassured.path.json.JsonPath(event.value());
        assertEquals(15, data.getList("lessons").size());
        assertEquals("four-types-of-power", data.getString("quizzes[0].id"));
    }

    private long count(String sql) {
        return ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
