package com.upward.progress.rest;

import com.upward.platform.web.CurrentUser;
import com.upward.platform.web.Page;
import com.upward.platform.web.PageParams;
import com.upward.platform.web.Roles;
import com.upward.progress.domain.Webhook;
import com.upward.progress.domain.WebhookDelivery;
import com.upward.progress.rest.WebhookViews.DeliveryView;
import com.upward.progress.rest.WebhookViews.TestDelivery;
import com.upward.progress.rest.WebhookViews.WebhookRequest;
import com.upward.progress.rest.WebhookViews.WebhookView;
import com.upward.progress.service.Webhooks;
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
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Webhooks of the admin's organisation (from the token): registration, and the log of their deliveries. */
@Path("/api/v1/admin/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class WebhookResource {

    private static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private static final int MAX_PAGE_SIZE = 100;

    @Inject
    Webhooks webhooks;

    @Inject
    CurrentUser user;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Registered; the answer carries the signing secret, shown this once",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class)))
    public Response register(@Valid @NotNull WebhookRequest request) {
        Webhook webhook = webhooks.register(user.orgId(), registration(request));
        return Response.created(URI.create("/api/v1/admin/webhooks/" + webhook.id())).entity(view(webhook, true)).build();
    }

    @GET
    public List<WebhookView> list() {
        return webhooks.list(user.orgId()).stream().map(w -> view(w, false)).toList();
    }

    @GET
    @Path("/{webhookId}")
    public WebhookView get(@PathParam("webhookId") @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String webhookId) {
        return view(webhooks.find(user.orgId(), UUID.fromString(webhookId)), false);
    }

    @PUT
    @Path("/{webhookId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public WebhookView change(@PathParam("webhookId") @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String webhookId,
                              @Valid @NotNull WebhookRequest request) {
        return view(webhooks.change(user.orgId(), UUID.fromString(webhookId), registration(request)), false);
    }

    @DELETE
    @Path("/{webhookId}")
    @APIResponse(responseCode = "204", description = "Deleted, with its pending deliveries and its log")
    public Response delete(@PathParam("webhookId") @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String webhookId) {
        webhooks.delete(user.orgId(), UUID.fromString(webhookId));
        return Response.noContent().build();
    }

    /** The log, newest first: each event's delivery state, attempts, last HTTP status and error. */
    @GET
    @Path("/{webhookId}/deliveries")
    public Page<DeliveryView> deliveries(@PathParam("webhookId") @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String webhookId,
                                         @Valid @BeanParam PageParams paging) {
        return webhooks.deliveries(user.orgId(), UUID.fromString(webhookId), paging.toRequest(MAX_PAGE_SIZE))
                .map(WebhookResource::view);
    }

    /** Sends a webhook.test event to this webhook now, to check the receiver and its signature check. */
    @POST
    @Path("/{webhookId}/test")
    @APIResponse(responseCode = "202", description = "Queued; follow it in the delivery log",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TestDelivery.class)))
    public Response test(@PathParam("webhookId") @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String webhookId) {
        UUID eventId = webhooks.sendTest(user.orgId(), UUID.fromString(webhookId));
        return Response.accepted(new TestDelivery(eventId.toString())).build();
    }

    private static Webhooks.Registration registration(WebhookRequest request) {
        return new Webhooks.Registration(request.url(), request.events(), request.active(), request.description());
    }

    private static WebhookView view(Webhook webhook, boolean withSecret) {
        return new WebhookView(webhook.id().toString(), webhook.url(), webhook.events(), webhook.active(), webhook.description(),
                webhook.createdAt(), webhook.updatedAt(), withSecret ? webhook.secret() : null);
    }

    private static DeliveryView view(WebhookDelivery delivery) {
        return new DeliveryView(delivery.id(), delivery.eventId().toString(), delivery.eventType(), delivery.status(),
                delivery.attempts(), delivery.lastStatus(), delivery.lastError(), delivery.createdAt(), delivery.lastAttemptAt(),
                delivery.nextAttemptAt(), delivery.deliveredAt());
    }
}
