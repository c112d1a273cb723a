package com.upward.progress.rest;

import com.upward.platform.web.CurrentUser;
import com.upward.platform.web.Page;
import com.upward.platform.web.PageParams;
import com.upward.platform.web.Roles;
import com.upward.platform.web.Slug;
import com.upward.progress.service.Completions;
import com.upward.progress.service.Completions.Completion;
import com.upward.progress.service.Completions.Filter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

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
    CurrentUser user;

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
}
