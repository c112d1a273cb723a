package com.upward.progress.rest;

import com.upward.platform.web.CurrentUser;
import com.upward.platform.web.EntityTags;
import com.upward.platform.web.Roles;
import com.upward.platform.web.Slug;
import com.upward.progress.config.ProgressConfig;
import com.upward.progress.rest.ProgressViews.CourseProgress;
import com.upward.progress.service.LearnerProfiles;
import com.upward.progress.service.ProgressQueries;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The learner's own progress: the learner comes from the token, never from the path. */
@Path("/api/v1/me/progress")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.LEARNER)
public class ProgressResource {

    private static final Pattern WAIT_PREFERENCE = Pattern.compile("(?:^|[,;\\s])wait\\s*=\\s*(\\d{1,6})(?:$|[,;\\s])");

    @Inject
    ProgressQueries queries;

    @Inject
    LearnerProfiles profiles;

    @Inject
    CurrentUser user;

    @Inject
    EntityTags entityTags;

    @Inject
    ProgressConfig config;

    @GET
    public List<CourseProgress> all() {
        profiles.remember(user.id(), user.orgId(), user.displayName());
        return ProgressMapper.views(queries.allCourses(user.id()));
    }

    /**
     * The learner's page of one course, with an ETag. With {@code If-None-Match} it is 304 while nothing changed;
     * with {@code Prefer: wait=N} as well (RFC 7240), an unchanged page is held until the learner's progress
     * changes or N seconds pass (at most upward.progress.max-wait): the portal, or an LMS, hears of a result
     * the moment it is counted without polling for it.
     */
    @GET
    @Path("/{courseId}")
    @Blocking
    @APIResponseSchema(value = CourseProgress.class, responseCode = "200")
    public Uni<Response> course(@PathParam("courseId")
                                @Slug
                                String courseId,
                                @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                                @HeaderParam("Prefer") String prefer) {
        String learnerId = user.id();
        profiles.remember(learnerId, user.orgId(), user.displayName());
        Duration wait = ifNoneMatch == null ? Duration.ZERO : waitPreference(prefer);
        // Listen before reading: a change that commits after this read is then heard, not missed.
        CompletableFuture<Void> change = wait.isZero() ? null : queries.nextChange(learnerId);
        EntityTags.Tagged current = entityTags.tagged(ProgressMapper.view(queries.course(learnerId, courseId)));
        if (!EntityTags.matches(ifNoneMatch, current.tag())) {
            if (change != null) {
                queries.stopWaiting(learnerId, change);
            }
            return Uni.createFrom().item(EntityTags.ok(current));
        }
        if (change == null) {
            return Uni.createFrom().item(EntityTags.notModified(current));
        }
        return Uni.createFrom().completionStage(change)
                .ifNoItem().after(wait).recoverWithItem((Void) null)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(ignored -> {
                    queries.stopWaiting(learnerId, change);
                    EntityTags.Tagged after = QuarkusTransaction.requiringNew().call(
                            () -> entityTags.tagged(ProgressMapper.view(queries.course(learnerId, courseId))));
                    return EntityTags.matches(ifNoneMatch, after.tag()) ? EntityTags.notModified(after) : EntityTags.ok(after);
                });
    }

    /** {@code wait=N} from a Prefer header, capped; zero when absent or unreadable (then nothing waits). */
    private Duration waitPreference(String prefer) {
        if (prefer == null) {
            return Duration.ZERO;
        }
        Matcher wait = WAIT_PREFERENCE.matcher(prefer);
        if (!wait.find()) {
            return Duration.ZERO;
        }
        Duration asked = Duration.ofSeconds(Long.parseLong(wait.group(1)));
        return asked.compareTo(config.maxWait()) > 0 ? config.maxWait() : asked;
    }
}
