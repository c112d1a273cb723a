package com.upward.progress.rest;

import com.upward.platform.web.Slug;
import com.upward.progress.service.Cmi5Sessions;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The AU URLs of Upward's cmi5 package: an LMS sends the learner's browser here with endpoint, fetch, actor,
 * registration and activityId. No Upward token: the launch is vouched for by the LMS's one-time fetch URL, and is
 * accepted only for an LMS endpoint registered for an organisation. Answers 303 to the lesson or quiz in the portal.
 */
@Path("/api/v1/cmi5/courses/{courseId}")
@PermitAll
public class Cmi5LaunchResource {

    private static final int MAX = 2000;

    @Inject
    Cmi5Sessions sessions;

    @GET
    @Path("/lessons/{lessonId}")
    @APIResponse(responseCode = "303", description = "Launched: on to the lesson in the portal")
    public Response lesson(@PathParam("courseId") @Slug String courseId, @PathParam("lessonId") @Slug String lessonId,
                           @QueryParam("endpoint") @NotBlank @Size(max = MAX) String endpoint,
                           @QueryParam("fetch") @NotBlank @Size(max = MAX) String fetch,
                           @QueryParam("actor") @NotBlank @Size(max = MAX) String actor,
                           @QueryParam("registration") @NotBlank @Size(max = MAX) String registration,
                           @QueryParam("activityId") @NotBlank @Size(max = MAX) String activityId) {
        return launched(new Cmi5Sessions.Launch(courseId, "LESSON", lessonId, endpoint, fetch, actor, registration, activityId));
    }

    @GET
    @Path("/quizzes/{quizId}")
    @APIResponse(responseCode = "303", description = "Launched: on to the quiz in the portal")
    public Response quiz(@PathParam("courseId") @Slug String courseId, @PathParam("quizId") @Slug String quizId,
                         @QueryParam("endpoint") @NotBlank @Size(max = MAX) String endpoint,
                         @QueryParam("fetch") @NotBlank @Size(max = MAX) String fetch,
                         @QueryParam("actor") @NotBlank @Size(max = MAX) String actor,
                         @QueryParam("registration") @NotBlank @Size(max = MAX) String registration,
                         @QueryParam("activityId") @NotBlank @Size(max = MAX) String activityId) {
        return launched(new Cmi5Sessions.Launch(courseId, "QUIZ", quizId, endpoint, fetch, actor, registration, activityId));
    }

    private Response launched(Cmi5Sessions.Launch launch) {
        return Response.status(Response.Status.SEE_OTHER).header("Location", sessions.launch(launch))
                .header("Cache-Control", "no-store").build();
    }
}
