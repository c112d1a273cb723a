package com.upward.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.upward.gateway.client.SourceErrors;
import com.upward.platform.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/**
 * The learner dashboard in one call: the course outline, the learner's progress in it and the state of each
 * of its quizzes, read from the three services with the learner's own token. A service that is down leaves
 * its part marked unavailable; the rest is still answered.
 */
@ApplicationScoped
public class Dashboard {

    public record View(String courseId, List<String> unavailable, Section<JsonNode> course,
                       Section<JsonNode> progress, Section<List<JsonNode>> quizzes) {
    }

    @Inject
    DashboardSources sources;

    @Inject
    ObjectMapper mapper;

    public View of(String bearer, String courseId) {
        try {
            Section<JsonNode> outline = sources.outline(bearer, courseId);
            Section<JsonNode> progress = courseProgress(sources.progress(bearer), courseId);
            Section<List<JsonNode>> quizzes = outline.isAvailable()
                    ? quizzes(bearer, outline.data())
                    : Section.unavailable("The quizzes are listed in the course outline, which is unavailable.");
            List<String> unavailable = new ArrayList<>();
            if (!outline.isAvailable()) {
                unavailable.add("course-service");
            }
            if (!progress.isAvailable()) {
                unavailable.add("progress-service");
            }
            if (!quizzes.isAvailable() && outline.isAvailable()) {
                unavailable.add("assessment-service");
            }
            return new View(courseId, unavailable, outline, progress, quizzes);
        } catch (SourceErrors.Refused refused) {
            throw new ProblemException(refused.status(), refusalTitle(refused.status()), refused.getMessage());
        }
    }

    /** The entry of this course in the learner's progress list; null data when not started. */
    private static Section<JsonNode> courseProgress(Section<JsonNode> all, String courseId) {
        if (!all.isAvailable()) {
            return all;
        }
        for (JsonNode course : all.data()) {
            if (courseId.equals(course.path("courseId").asText())) {
                return Section.available(course);
            }
        }
        return Section.available(null);
    }

    /** Each quiz of the outline, its place in the outline (unlocked or why not) merged with its settings. */
    private Section<List<JsonNode>> quizzes(String bearer, JsonNode outline) {
        List<JsonNode> states = new ArrayList<>();
        for (JsonNode module : outline.path("modules")) {
            for (JsonNode item : module.path("quizzes")) {
                ObjectNode state = item.deepCopy();
                state.put("moduleId", module.path("id").asText());
                try {
                    Section<JsonNode> settings = sources.quiz(bearer, item.path("id").asText());
                    if (!settings.isAvailable()) {
                        return Section.unavailable(settings.detail());
                    }
                    settings.data().fields().forEachRemaining(field -> state.set(field.getKey(), field.getValue()));
                } catch (SourceErrors.Refused refused) {
                    // A quiz the assessment service does not know yet: shown from the outline alone.
                    state.putNull("passPercent");
                }
                states.add(state);
            }
        }
        return Section.available(states);
    }

    private static String refusalTitle(int status) {
        return switch (status) {
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            default -> "Request refused";
        };
    }
}
