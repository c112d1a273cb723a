package com.upward.progress.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.upward.platform.events.DeliveryOutbox;
import com.upward.platform.web.JsonText;
import com.upward.platform.web.Page;
import com.upward.platform.web.PageRequest;
import com.upward.platform.web.errors.ConflictException;
import com.upward.platform.web.errors.NotFoundException;
import com.upward.platform.web.errors.RuleViolationException;
import com.upward.progress.config.WebhookConfig;
import com.upward.progress.messaging.WebhookSender;
import com.upward.progress.persistence.WebhookRepository;
import com.upward.progress.domain.Webhook;
import com.upward.progress.domain.WebhookDelivery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An organisation's webhooks: registered by its admins, fed by the events of this service through the
 * webhook_delivery outbox (in the transaction of the change), posted by {@link WebhookSender}.
 */
@ApplicationScoped
public class Webhooks {

    public static final String COURSE_COMPLETED = "course.completed";
    public static final String TEST = "webhook.test";
    /** The event types a webhook may subscribe to. */
    public static final Set<String> EVENT_TYPES = Set.of(COURSE_COMPLETED);

    /** What an admin writes: the URL, the events, whether it is on, and a note. */
    public record Registration(String url, List<String> events, Boolean active, String description) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    WebhookRepository repository;

    @Inject
    WebhookConfig config;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper mapper;

    @Inject
    WebhookSender sender;

    @Inject
    DeliveryOutbox deliveryOutbox;

    /** A new webhook with a fresh secret; the answer is the only time the secret is shown. */
    @Transactional
    public Webhook register(String orgId, Registration registration) {
        check(registration);
        if (repository.count(orgId) >= config.maxPerOrganisation()) {
            throw new ConflictException("Too many webhooks", "An organisation may register at most " + config.maxPerOrganisation()
                    + " webhooks; delete one first.");
        }
        Instant now = clock.instant();
        Webhook webhook = new Webhook(UUID.randomUUID(), orgId, registration.url(), newSecret(),
                List.copyOf(registration.events()), registration.active() == null || registration.active(),
                registration.description(), now, now);
        repository.add(webhook);
        return webhook;
    }

    @Transactional
    public Webhook change(String orgId, UUID id, Registration registration) {
        check(registration);
        Webhook old = find(orgId, id);
        Webhook changed = new Webhook(id, orgId, registration.url(), old.secret(), List.copyOf(registration.events()),
                registration.active() == null ? old.active() : registration.active(), registration.description(),
                old.createdAt(), clock.instant());
        repository.update(changed);
        return changed;
    }

    @Transactional
    public void delete(String orgId, UUID id) {
        if (!repository.delete(orgId, id)) {
            throw notFound(id);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Webhook> list(String orgId) {
        return repository.ofOrganisation(orgId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Webhook find(String orgId, UUID id) {
        return repository.find(orgId, id).orElseThrow(() -> notFound(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<WebhookDelivery> deliveries(String orgId, UUID id, PageRequest page) {
        find(orgId, id);
        return Page.of(repository.deliveries(id, page.offset(), page.size()), page, repository.countDeliveries(id));
    }

    /** A webhook.test event to this one webhook (active or not subscribed alike), so an admin can check the receiver. */
    public UUID sendTest(String orgId, UUID id) {
        UUID eventId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            find(orgId, id);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("webhookId", id.toString());
            repository.enqueue(orgId, id, eventId, TEST, body(eventId, TEST, orgId, clock.instant(), data));
        });
        deliveryOutbox.wake(sender);
        return eventId;
    }

    /**
     * Enqueues an event for the organisation's subscribed webhooks, in the caller's transaction (the one that made the
     * change), keyed by the event's id so a replay of it adds nothing. The sender is woken after the commit.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String orgId, UUID eventId, String type, Instant occurredAt, Map<String, Object> data) {
        if (repository.enqueue(orgId, null, eventId, type, body(eventId, type, orgId, occurredAt, data)) > 0) {
            deliveryOutbox.wakeAfterCommit(sender);
        }
    }

    /** The data of a course.completed event: what an LMS records, with the public certificate path. */
    public static Map<String, Object> courseCompleted(String learnerId, String courseId, String courseTitle, int courseVersion,
                                                      Instant completedAt, double finalPercent, String certificateId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("learnerId", learnerId);
        data.put("courseId", courseId);
        data.put("courseTitle", courseTitle);
        data.put("courseVersion", courseVersion);
        data.put("completedAt", completedAt.toString());
        data.put("finalPercent", finalPercent);
        data.put("certificateId", certificateId);
        data.put("certificateUrl", "/api/v1/certificates/" + certificateId);
        return data;
    }

    private String body(UUID eventId, String type, String orgId, Instant occurredAt, Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", eventId.toString());
        body.put("type", type);
        body.put("occurredAt", occurredAt.toString());
        body.put("organisation", orgId);
        body.put("data", data);
        return JsonText.write(mapper, body);
    }

    private void check(Registration registration) {
        URI uri;
        try {
            uri = URI.create(registration.url());
        } catch (IllegalArgumentException e) {
            throw new RuleViolationException("Invalid webhook", "url is not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        boolean https = scheme.equals("https");
        if (!(https || scheme.equals("http")) || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new RuleViolationException("Invalid webhook", "url must be an absolute http(s) URL with a host, "
                    + "without user info or fragment.");
        }
        if (!https && config.requireHttps()) {
            throw new RuleViolationException("Invalid webhook", "url must use https: deliveries carry learners' data.");
        }
        List<String> unknown = registration.events().stream().filter(e -> !EVENT_TYPES.contains(e)).toList();
        if (!unknown.isEmpty()) {
            throw new RuleViolationException("Invalid webhook", "Unknown event type(s) " + unknown + "; known: " + EVENT_TYPES + ".");
        }
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("There is no webhook " + id + " in your organisation.");
    }

    /** 32 random bytes, URL-safe base64: the HMAC key. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
