package com.upward.course.rest;

import com.upward.course.service.Cmi5Packages;
import com.upward.platform.web.Roles;
import com.upward.platform.web.Slug;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The cmi5 course package of a published version, for an LMS to import: an org admin loads it into their LMS,
 * an author checks it. The catalogue is shared by every organisation, so any admin may have it.
 */
@Path("/api/v1/admin/courses/{courseId}/cmi5")
@RolesAllowed({Roles.ADMIN, Roles.AUTHOR})
public class Cmi5Resource {

    public static final String ZIP = "application/zip";

    @Inject
    Cmi5Packages packages;

    @GET
    @Produces(ZIP)
    @APIResponse(responseCode = "200", description = "A zip with cmi5.xml at its root",
            content = @Content(mediaType = ZIP, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    public Response cmi5(@PathParam("courseId") @Slug String courseId, @QueryParam("version") @Pattern(regexp = "[1-9][0-9]{0,8}", message = "must be a version number, 1 or more") String version) {
        Cmi5Packages.Package found = packages.of(courseId, version == null ? null : Integer.valueOf(version));
        return Response.ok(found.zip(), ZIP)
                .header("Content-Disposition", "attachment; filename=\"" + found.fileName() + "\"")
                .header("Cache-Control", "private, no-cache")
                .build();
    }
}
