package com.upward.progress.rest;

import com.upward.platform.web.CurrentUser;
import com.upward.platform.web.Page;
import com.upward.platform.web.PageParams;
import com.upward.platform.web.Roles;
import com.upward.platform.web.Slug;
import com.upward.platform.web.ProblemException;
import com.upward.platform.web.errors.InvalidInputException;
import com.upward.progress.config.ProgressConfig;
import com.upward.progress.service.Completions;
import com.upward.progress.service.IntegrationEnrolments;
import com.upward.progress.service.IntegrationEnrolments.Result;
import com.upward.progress.service.Completions.Completion;
import com.upward.progress.service.Completions.Filter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * The server-to-server API of an organisation's LMS (an integration client's token, role integration).
 * The organisation comes from the token only: a client sees its own organisation's learners and nothing else.
 */
@Path("/api/v1/integration")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.INTEGRATION)
public class IntegrationResource {

    @Inject
    Completions completions;

    @Inject
    IntegrationEnrolments enrolments;

    @Inject
    ProgressConfig config;

    @Inject
    CurrentUser user;

    /** Rows are typed loosely on purpose: each is checked on its own, so one bad row is reported, not the request refused. */
    public record BulkEnrolmentRequest(@NotNull List<EnrolmentRow> enrolments) {
    }

    public record EnrolmentRow(String externalId, String learnerId, String courseId, String dueDate) {
    }

    /** Completions in completedAt, certificateId order; since is inclusive, so the certificate id is the key to dedupe on. */
    @GET
    @Path("/completions")
    public Page<Completion> completions(
            @QueryParam("since") @Rfc3339Instant String since,
            @QueryParam("courseId") @Slug String courseId,
            @Valid @BeanParam PageParams paging) {
        Filter filter = new Filter(since == null ? null : Rfc3339Instant.Validator.parse(since), courseId);
        return completions.list(user.orgId(), filter, paging);
    }

    /**
     * Enrols up to max-enrolments-per-request learners; each row's outcome in request order. 200 whatever the rows'
     * outcomes: a failed row is listed with its reason and changes nothing.
     */
    @POST
    @Path("/enrolments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Result enrol(@Valid @NotNull BulkEnrolmentRequest request) {
        int limit = config.integration().maxEnrolmentsPerRequest();
        if (request.enrolments().isEmpty()) {
            throw new InvalidInputException("enrolments is empty; send 1 to " + limit + " rows.");
        }
        if (request.enrolments().size() > limit) {
            throw new ProblemException(413, "Too many rows", "A request may carry at most " + limit + " enrolments, not "
                    + request.enrolments().size() + "; split it into several requests (each row's externalId makes resending safe).");
        }
        List<IntegrationEnrolments.Row> rows = request.enrolments().stream()
                .map(r -> r == null ? null : new IntegrationEnrolments.Row(r.externalId(), r.learnerId(), r.courseId(), r.dueDate()))
                .toList();
        return enrolments.enrol(user.orgId(), user.id(), rows);
    }
}
