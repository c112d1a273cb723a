package com.upward.assessment.rest;

import com.upward.assessment.rest.QuestionBankViews.DraftBank;
import com.upward.assessment.rest.QuestionBankViews.DraftSummary;
import com.upward.assessment.service.QtiTransfer;
import com.upward.platform.web.CurrentUser;
import com.upward.platform.web.Roles;
import com.upward.platform.web.Slug;
import com.upward.platform.web.errors.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * The question bank for authors, as a QTI 3.0 content package: exported, and imported back into a draft bank of the
 * author's organisation (from the token).
 */
@Path("/api/v1/admin/question-bank")
@RolesAllowed(Roles.AUTHOR)
public class QuestionBankResource {

    public static final String ZIP = "application/zip";

    @Inject
    QtiTransfer transfer;

    @Inject
    CurrentUser user;

    @GET
    @Path("/{courseId}/qti")
    @Produces(ZIP)
    @APIResponse(responseCode = "200", description = "The QTI 3.0 content package (imsmanifest.xml and one item per question)",
            content = @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response export(@PathParam("courseId") @Slug String courseId) {
        return Response.ok(transfer.export(user.orgId(), courseId), ZIP)
                .header("Content-Disposition", "attachment; filename=\"" + courseId + "-qti.zip\"").build();
    }

    @POST
    @Path("/{courseId}/qti")
    @Consumes(ZIP)
    @Produces(MediaType.APPLICATION_JSON)
    @RequestBody(content = @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "201", description = "Imported as a new draft bank",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DraftBank.class)))
    public Response importPackage(@PathParam("courseId") @Slug String courseId, byte[] zip) {
        if (zip == null || zip.length == 0) {
            throw new InvalidInputException("Send the QTI content package (a zip) as the body.");
        }
        DraftBank draft = QuestionBankMapper.view(transfer.importDraft(user.orgId(), user.id(), courseId, zip));
        return Response.created(URI.create("/api/v1/admin/question-bank/drafts/" + draft.draftId())).entity(draft).build();
    }

    /** The organisation's newest draft banks (at most 100), without their questions. */
    @GET
    @Path("/drafts")
    @Produces(MediaType.APPLICATION_JSON)
    public List<DraftSummary> drafts() {
        return transfer.drafts(user.orgId()).stream().map(QuestionBankMapper::summary).toList();
    }

    @GET
    @Path("/drafts/{draftId}")
    @Produces(MediaType.APPLICATION_JSON)
    public DraftBank draft(@PathParam("draftId") @Pattern(regexp = AttemptResource.UUID_PATTERN, message = "must be a UUID") String draftId) {
        return QuestionBankMapper.view(transfer.draft(user.orgId(), UUID.fromString(draftId)));
    }
}
