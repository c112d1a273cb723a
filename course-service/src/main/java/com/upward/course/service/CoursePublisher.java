package com.upward.course.service;

import com.upward.course.content.CourseDocument;
import com.upward.course.content.CourseValidator;
import com.upward.course.domain.CourseModule;
import com.upward.course.domain.CourseVersion;
import com.upward.course.domain.Lesson;
import com.upward.course.domain.QuizPlacement;
import com.upward.course.persistence.CourseVersionRepository;
import com.upward.course.persistence.VersionContents;
import com.upward.platform.events.Outbox;
import com.upward.platform.events.contract.CoursePublished;
import com.upward.platform.web.errors.ConflictException;
import com.upward.platform.web.errors.RuleViolationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Publishes a course version: stores it, immutable, with its upward.course.published event in one transaction. */
@ApplicationScoped
public class CoursePublisher {

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    CourseVersionRepository versions;

    @Inject
    VersionContents contents;

    public enum Outcome { PUBLISHED, ALREADY_PUBLISHED }

    @Transactional
    public Outcome publish(CourseDocument course, String contentHash) {
        List<String> problems = CourseValidator.problems(course);
        if (!problems.isEmpty()) {
            throw new RuleViolationException("Invalid course", String.join("; ", problems));
        }
        versions.lockCourse(course.courseId());
        Optional<CourseVersion> existing = versions.version(course.courseId(), course.version());
        if (existing.isPresent()) {
            if (existing.get().contentHash.equals(contentHash)) {
                return Outcome.ALREADY_PUBLISHED;
            }
            throw new ConflictException("Version " + course.version() + " of " + course.courseId()
                    + " is already published with other content; a published version never changes, publish a new version.");
        }
        Instant now = clock.instant();
        CourseVersion version = new CourseVersion();
        version.courseId = course.courseId();
        version.version = course.version();
        version.title = course.title();
        version.summary = course.summary() == null ? "" : course.summary();
        version.attribution = course.attribution() == null ? "" : course.attribution();
        version.language = course.language() == null ? "en" : course.language();
        version.contentHash = contentHash;
        version.publishedAt = now;
        versions.persist(version);

        List<CoursePublished.Lesson> lessonEvents = new ArrayList<>();
        int modulePosition = 0;
        int lessonPosition = 0;
        for (CourseDocument.Module moduleDocument : course.modules()) {
            CourseModule module = new CourseModule();
            module.courseVersionId = version.id;
            module.moduleId = moduleDocument.id();
            module.position = ++modulePosition;
            module.title = moduleDocument.title();
            contents.add(module);
            for (CourseDocument.Lesson lessonDocument : moduleDocument.lessons()) {
                Lesson lesson = new Lesson();
                lesson.courseVersionId = version.id;
                lesson.lessonId = lessonDocument.id();
                lesson.moduleId = moduleDocument.id();
                lesson.position = ++lessonPosition;
                lesson.title = lessonDocument.title();
                lesson.estimatedMinutes = lessonDocument.estimatedMinutes();
                lesson.required = lessonDocument.required();
                lesson.objectives = lessonDocument.objectives();
                lesson.blocks = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().addAll(lessonDocument.blocks());
                contents.add(lesson);
                lessonEvents.add(new CoursePublished.Lesson(lesson.lessonId, lesson.moduleId, lesson.position, lesson.title, lesson.required));
            }
        }
        List<CoursePublished.Quiz> quizEvents = new ArrayList<>();
        for (CourseDocument.Quiz quizDocument : course.quizzes() == null ? List.<CourseDocument.Quiz>of() : course.quizzes()) {
            QuizPlacement quiz = new QuizPlacement();
            quiz.courseVersionId = version.id;
            quiz.quizId = quizDocument.id();
            quiz.moduleId = quizDocument.moduleId();
            quiz.title = quizDocument.title();
            quiz.passPercent = quizDocument.passPercent();
            quiz.required = quizDocument.required();
            quiz.unlockedBy = quizDocument.unlockedBy() == null ? List.of() : quizDocument.unlockedBy();
            contents.add(quiz);
            quizEvents.add(new CoursePublished.Quiz(quiz.quizId, quiz.title, quiz.passPercent, quiz.required, quiz.unlockedBy));
        }
        outbox.publish(new CoursePublished(course.courseId(), course.version(), course.title(), now, lessonEvents, quizEvents));
        return Outcome.PUBLISHED;
    }
}
