package com.upward.assessment.rest;

import com.upward.assessment.rest.ConversationPlanViews.HeldRequest;
import com.upward.assessment.rest.ConversationPlanViews.Plan;
import com.upward.assessment.rest.ConversationPlanViews.PlanRequest;
import com.upward.assessment.service.ConversationPlans;
import com.upward.platform.web.CurrentUser;
import com.upward.platform.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.util.UUID;

/** The caller's own conversation plans: the guide, the list, one plan to write, edit, delete, and mark held. */
@Path("/api/v1/me/conversation-plans")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.LEARNER)
public class ConversationPlanResource {

    private static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    @Inject
    ConversationPlans plans;

    @Inject
    CurrentUser user;

    /** The interview's questions, the four tips, the openings and the powers, with the caller's power profile beside them. */
    @GET
    @Path("/guide")
    public ConversationPlanViews.Guide guide() {
        return ConversationPlanMapper.guide(plans.guide(user.orgId(), user.id()));
    }

    @GET
    public ConversationPlanViews.Plans list() {
        return ConversationPlanMapper.list(plans.list(user.orgId(), user.id()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public RestResponse<Plan> create(@NotNull(message = "a body with at least a title is required") @Valid PlanRequest request) {
        Plan plan = ConversationPlanMapper.view(plans.create(user.orgId(), user.id(), ConversationPlanMapper.content(request)));
        return RestResponse.ResponseBuilder.<Plan>create(RestResponse.Status.CREATED).entity(plan)
                .location(URI.create("/api/v1/me/conversation-plans/" + plan.id())).build();
    }

    @GET
    @Path("/{planId}")
    public Plan plan(@PathParam("planId") @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String planId) {
        return ConversationPlanMapper.view(plans.read(UUID.fromString(planId), user.orgId(), user.id()));
    }

    @PUT
    @Path("/{planId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Plan update(@PathParam("planId") @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String planId,
                       @NotNull(message = "a body with at least a title is required") @Valid PlanRequest request) {
        return ConversationPlanMapper.view(plans.update(UUID.fromString(planId), user.orgId(), user.id(),
                ConversationPlanMapper.content(request)));
    }

    @DELETE
    @Path("/{planId}")
    public RestResponse<Void> delete(@PathParam("planId") @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String planId) {
        plans.delete(UUID.fromString(planId), user.orgId(), user.id());
        return RestResponse.noContent();
    }

    /** The conversation took place: the plan is kept as it was, with the reflection, and counts as practice. */
    @POST
    @Path("/{planId}/held")
    @Consumes(MediaType.APPLICATION_JSON)
    public Plan held(@PathParam("planId") @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String planId,
                     @NotNull(message = "a body with a reflection is required") @Valid HeldRequest request) {
        return ConversationPlanMapper.view(plans.markHeld(UUID.fromString(planId), user.orgId(), user.id(), request.reflection()));
    }
}
