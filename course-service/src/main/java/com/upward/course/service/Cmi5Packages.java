package com.upward.course.service;

import com.upward.course.config.CourseConfig;
import com.upward.course.domain.CourseModule;
import com.upward.course.domain.CourseVersion;
import com.upward.course.domain.Lesson;
import com.upward.course.domain.QuizPlacement;
import com.upward.course.domain.VersionContent;
import com.upward.course.persistence.CourseVersionRepository;
import com.upward.course.persistence.VersionContents;
import com.upward.platform.web.errors.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A published course version as a cmi5 course package: a zip with cmi5.xml at its root (cmi5 CourseStructure.xsd),
 * one block per module and, inside it, one AU per lesson and per quiz, in course order. The AUs' content stays on
 * Upward: each AU's URL launches it there, so the package needs no other file.
 */
@ApplicationScoped
public class Cmi5Packages {

    public static final String NAMESPACE = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd";
    static final String LESSON_TYPE = "http://adlnet.gov/expapi/activities/lesson";
    static final String ASSESSMENT_TYPE = "http://adlnet.gov/expapi/activities/assessment";

    /** A package: its file name and bytes. */
    public record Package(String fileName, int version, byte[] zip) {
    }

    @Inject
    CourseVersionRepository versions;

    @Inject
    VersionContents contents;

    @Inject
    CourseConfig config;

    /** The package of a version, or of the newest one when version is null. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Package of(String courseId, Integer version) {
        CourseVersion course = (version == null ? versions.latest(courseId) : versions.version(courseId, version))
                .orElseThrow(() -> new NotFoundException(version == null ? "There is no course '" + courseId + "'."
                        : "Course '" + courseId + "' has no version " + version + "."));
        String xml = courseStructure(course);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry("cmi5.xml"));
            zip.write(xml.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Package(courseId + "-v" + course.version + "-cmi5.zip", course.version, bytes.toByteArray());
    }

    private String courseStructure(CourseVersion course) {
        VersionContent content = contents.of(course);
        String language = course.language == null || course.language.isBlank() ? "en" : course.language;
        String courseUrl = strip(config.cmi5().activityBase()) + "/courses/" + course.courseId;
        String launchUrl = strip(config.cmi5().launchBase()) + "/api/v1/cmi5/courses/" + course.courseId;
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("courseStructure");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeStartElement("course");
            xml.writeAttribute("id", courseUrl);
            text(xml, "title", language, course.title);
            text(xml, "description", language, course.summary + "\n\n" + course.attribution);
            xml.writeEndElement();
            for (CourseModule module : content.modules()) {
                List<Lesson> moduleLessons = content.lessonsOf(module);
                List<QuizPlacement> moduleQuizzes = content.quizzesOf(module);
                if (moduleLessons.isEmpty() && moduleQuizzes.isEmpty()) {
                    continue; // a block needs at least one AU
                }
                xml.writeStartElement("block");
                xml.writeAttribute("id", courseUrl + "/modules/" + module.moduleId);
                text(xml, "title", language, module.title);
                text(xml, "description", language, module.title);
                for (Lesson lesson : moduleLessons) {
                    au(xml, language, courseUrl + "/lessons/" + lesson.lessonId, LESSON_TYPE,
                            lesson.required ? "Completed" : "NotApplicable", null, lesson.title,
                            lesson.objectives.isEmpty() ? lesson.title : String.join("\n", lesson.objectives),
                            launchUrl + "/lessons/" + lesson.lessonId);
                }
                for (QuizPlacement quiz : moduleQuizzes) {
                    au(xml, language, courseUrl + "/quizzes/" + quiz.quizId, ASSESSMENT_TYPE,
                            quiz.required ? "Passed" : "NotApplicable", masteryScore(quiz.passPercent), quiz.title,
                            quiz.title + ": pass with " + quiz.passPercent + "% or more.", launchUrl + "/quizzes/" + quiz.quizId);
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write cmi5.xml", e);
        }
        return out.toString();
    }

    /** An AU: the LMS launches its URL, and moves the learner on when the AU's moveOn criterion is met. */
    private static void au(XMLStreamWriter xml, String language, String id, String activityType, String moveOn,
                           String masteryScore, String title, String description, String url) throws XMLStreamException {
        xml.writeStartElement("au");
        xml.writeAttribute("id", id);
        xml.writeAttribute("moveOn", moveOn);
        if (masteryScore != null) {
            xml.writeAttribute("masteryScore", masteryScore);
        }
        xml.writeAttribute("launchMethod", "AnyWindow");
        xml.writeAttribute("activityType", activityType);
        text(xml, "title", language, title);
        text(xml, "description", language, description);
        xml.writeStartElement("url");
        xml.writeCharacters(url);
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void text(XMLStreamWriter xml, String element, String language, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeStartElement("langstring");
        xml.writeAttribute("lang", language);
        xml.writeCharacters(value);
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /** The pass mark as cmi5's masteryScore, a decimal from 0 to 1. */
    static String masteryScore(int passPercent) {
        return BigDecimal.valueOf(passPercent).divide(BigDecimal.valueOf(100), 2, RoundingMode.UNNECESSARY)
                .stripTrailingZeros().toPlainString().toLowerCase(Locale.ROOT);
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
