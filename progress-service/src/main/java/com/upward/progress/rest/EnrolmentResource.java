package com.upward.progress.rest;

import com.upward.platform.web.CurrentUser;
import com.upward.platform.web.Page;
import com.upward.platform.web.PageParams;
import com.upward.platform.web.Roles;
import com.upward.platform.web.Slug;
import com.upward.platform.web.errors.InvalidInputException;
import com.upward.progress.config.ProgressConfig;
import com.upward.progress.service.Enrolments;
import com.upward.progress.service.Enrolments.Assignment;
import com.upward.progress.service.Enrolments.Enrolment;
import com.upward.progress.service.LearnerProfiles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.LocalDate;
import java.util.List;

/** Enrolments: an admin assigns learners of their own organisation, lists, changes and removes assignments; a learner enrols themself. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EnrolmentResource {

    private static final int MAX_PAGE_SIZE = 100;

    public record AssignRequest(
            @NotEmpty List<@NotNull @Pattern(regexp = Ids.LEARNER, message = Ids.LEARNER_MESSAGE) String> learnerIds,
            @NotNull @Slug String courseId,
            @NotNull LocalDate dueDate) {
    }

    public record Assigned(String courseId, LocalDate dueDate, List<String> learnerIds) {
    }

    public record SelfEnrolRequest(@NotNull @Slug String courseId) {
    }

    /** A new due date for an assignment. */
    public record DueDateChange(@NotNull LocalDate dueDate) {
    }

    @Inject
    Enrolments enrolments;

    @Inject
    LearnerProfiles profiles;

    @Inject
    CurrentUser user;

    @Inject
    ProgressConfig config;

    @Inject
    JsonWebToken token;

    @POST
    @Path("/admin/enrolments")
    @RolesAllowed(Roles.ADMIN)
    public Assigned assign(@Valid @NotNull AssignRequest request) {
        if (request.learnerIds().size() > config.enrolments().maxLearnersPerRequest()) {
            throw new InvalidInputException("learnerIds may name at most " + config.enrolments().maxLearnersPerRequest()
                    + " learners per request, not " + request.learnerIds().size() + ".");
        }
        // The admin's own token goes to the organisation's directory, which answers for the organisation in it.
        List<String> assigned = enrolments.assign(user.orgId(), user.id(), token.getRawToken(), request.learnerIds(),
                request.courseId(), request.dueDate());
        return new Assigned(request.courseId(), request.dueDate(), assigned);
    }

    @GET
    @Path("/admin/enrolments")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Your organisation's assignments, by learner name; courseId filters (admin)")
    public Page<Assignment> assignments(@QueryParam("courseId") @Slug String courseId, @Valid @BeanParam PageParams paging) {
        return enrolments.assignments(user.orgId(), courseId, paging.toRequest(MAX_PAGE_SIZE));
    }

    @PUT
    @Path("/admin/enrolments/{courseId}/{learnerId}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Change the due date of an assignment of your organisation (admin)")
    public Assignment changeDueDate(@PathParam("courseId") @Slug String courseId,
                                    @PathParam("learnerId") @Pattern(regexp = Ids.LEARNER, message = Ids.LEARNER_MESSAGE) String learnerId,
                                    @Valid @NotNull DueDateChange change) {
        return enrolments.changeDueDate(user.orgId(), user.id(), learnerId, courseId, change.dueDate());
    }

    @DELETE
    @Path("/admin/enrolments/{courseId}/{learnerId}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Remove an assignment of your organisation; what the learner did stays (admin)")
    @APIResponse(responseCode = "204", description = "Removed")
    public void remove(@PathParam("courseId") @Slug String courseId,
                       @PathParam("learnerId") @Pattern(regexp = Ids.LEARNER, message = Ids.LEARNER_MESSAGE) String learnerId) {
        enrolments.remove(user.orgId(), learnerId, courseId);
    }

    @POST
    @Path("/me/enrolments")
    @RolesAllowed(Roles.LEARNER)
    // A Response, for its two statuses: the body is the enrolment either way.
    @APIResponse(responseCode = "201", description = "Enrolled now", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Enrolment.class)))
    @APIResponse(responseCode = "200", description = "Already enrolled", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Enrolment.class)))
    public Response enrol(@Valid @NotNull SelfEnrolRequest request) {
        profiles.remember(user.id(), user.orgId(), user.displayName());
        boolean created = enrolments.enrolSelf(user.id(), user.orgId(), request.courseId());
        Enrolment enrolment = enrolments.mine(user.id(), user.orgId()).stream()
                .filter(e -> e.courseId().equals(request.courseId())).findFirst().orElseThrow();
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK).entity(enrolment).build();
    }

    @GET
    @Path("/me/enrolments")
    @RolesAllowed(Roles.LEARNER)
    public List<Enrolment> mine() {
        profiles.remember(user.id(), user.orgId(), user.displayName());
        return enrolments.mine(user.id(), user.orgId());
    }
}
