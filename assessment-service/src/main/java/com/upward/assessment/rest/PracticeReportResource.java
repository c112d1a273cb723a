package com.upward.assessment.rest;

import com.upward.assessment.service.PracticeService;
import com.upward.assessment.service.PracticeService.DueCard;
import com.upward.platform.web.CurrentUser;
import com.upward.platform.web.Page;
import com.upward.platform.web.PageParams;
import com.upward.platform.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Practice reminders of the caller's organisation (from the token, never the request): what is due per learner for an
 * LMS or mail system (role integration), and the admin's report of who has practice overdue and the conversations held.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class PracticeReportResource {

    static final int MAX_PAGE_SIZE = 100;

    @Inject
    PracticeService practice;

    @Inject
    CurrentUser user;

    /** Practice sets due now, one row per learner and power type, the oldest due first; {@code overdue} past the grace. */
    @GET
    @Path("/integration/practice-due")
    @RolesAllowed(Roles.INTEGRATION)
    public Page<DueCard> due(@Valid @BeanParam PageParams paging) {
        return practice.dueInOrg(user.orgId(), paging.toRequest(MAX_PAGE_SIZE));
    }

    @GET
    @Path("/admin/practice-report")
    @RolesAllowed(Roles.ADMIN)
    public PracticeService.Report report(@Valid @BeanParam PageParams paging) {
        return practice.report(user.orgId(), paging.toRequest(MAX_PAGE_SIZE));
    }
}
