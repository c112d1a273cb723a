package com.upward.progress;

import com.upward.progress.domain.CourseStructure;
import com.upward.progress.persistence.CourseVersionRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.upward.progress.TestEvents.course;
import static com.upward.progress.TestEvents.publish;
import static com.upward.progress.TestEvents.unique;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * A published course version is read from its table once and then shared by later transactions, also after
 * native updates (which empty Hibernate's second-level cache, where it was kept before and never stayed).
 */
@QuarkusTest
class CourseStructureCacheTest {

    @Inject
    EntityManager entityManager;

    @Inject
    CourseVersionRepository courses;

    @Test
    void aVersionReadOnceIsSharedByLaterTransactionsAfterNativeUpdates() {
        String courseId = unique("cached-course");
        publish(course(courseId, 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> courses.latestVersion(courseId)) != null);

        CourseStructure first = QuarkusTransaction.requiringNew().call(() -> courses.find(courseId, 1).orElseThrow());
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE learner_profile SET display_name = display_name WHERE learner_id = :none")
                .setParameter("none", unique("nobody")).executeUpdate());
        CourseStructure second = QuarkusTransaction.requiringNew().call(() -> courses.find(courseId, 1).orElseThrow());

        assertSame(first, second, "not read again");
        assertEquals("Course " + courseId + " v1", second.title);
        assertEquals("Lesson A", second.lessons.get(0).title());
    }
}
