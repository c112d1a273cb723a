package com.upward.assessment.rest;

import com.upward.assessment.rest.AttemptViews.AnswersRequest;
import com.upward.assessment.rest.PracticeViews.PracticeSet;
import com.upward.assessment.rest.PracticeViews.StartRequest;
import com.upward.assessment.service.PracticeService;
import com.upward.platform.web.CurrentUser;
import com.upward.platform.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.util.UUID;

/** The caller's spaced practice: what is due, and practice sets to start, read, save and submit. */
@Path("/api/v1/me/practice")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.LEARNER)
public class PracticeResource {

    private static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    @Inject
    PracticeService practice;

    @Inject
    CurrentUser user;

    @GET
    public PracticeViews.Practice cards() {
        return PracticeMapper.practice(practice.cards(user.orgId(), user.id()));
    }

    /** 201 with a new set on a due card, or 200 with the set already open on it (a reload resumes it). */
    @POST
    @Path("/sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    public RestResponse<PracticeSet> start(@NotNull(message = "a body with courseId and powerType is required") @Valid StartRequest request) {
        var started = practice.start(user.orgId(), user.id(), request.courseId(), request.powerType());
        PracticeSet set = PracticeMapper.set(started.set());
        return RestResponse.ResponseBuilder.<PracticeSet>create(started.created() ? RestResponse.Status.CREATED : RestResponse.Status.OK)
                .entity(set).location(URI.create("/api/v1/me/practice/sessions/" + set.id())).build();
    }

    @GET
    @Path("/sessions/{sessionId}")
    public PracticeSet set(@PathParam("sessionId") @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String sessionId) {
        return PracticeMapper.set(practice.read(UUID.fromString(sessionId), user.orgId(), user.id()));
    }

    @POST
    @Path("/sessions/{sessionId}/submission")
    @Consumes(MediaType.APPLICATION_JSON)
    public PracticeSet submit(@PathParam("sessionId") @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String sessionId,
                              @NotNull(message = "a body with answers is required") @Valid AnswersRequest request) {
        return PracticeMapper.set(practice.submit(UUID.fromString(sessionId), user.orgId(), user.id(),
                AttemptMapper.given(request.answers())));
    }
}
