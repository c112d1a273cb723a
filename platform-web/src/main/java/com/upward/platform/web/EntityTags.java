package com.upward.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Conditional GETs: the ETag is a hash of the exact JSON sent, so it changes whenever anything in the body
 * does (including this learner's completion state), and {@code If-None-Match} with it answers 304.
 */
@ApplicationScoped
public class EntityTags {

    /** Per learner and always revalidated: a shared cache must not keep one learner's state for another. */
    private static final CacheControl PRIVATE_REVALIDATE = CacheControl.valueOf("private, no-cache");

    @Inject
    ObjectMapper mapper;

    /** A body as it will be sent, with its tag. */
    public record Tagged(byte[] json, EntityTag tag) {
    }

    public Response conditionalOk(Request request, Object body) {
        Tagged tagged = tagged(body);
        return request.evaluatePreconditions(tagged.tag()) != null ? notModified(tagged) : ok(tagged);
    }

    public Tagged tagged(Object body) {
        try {
            byte[] json = mapper.writeValueAsBytes(body);
            return new Tagged(json, new EntityTag(hash(json)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static Response ok(Tagged tagged) {
        return Response.ok(tagged.json(), MediaType.APPLICATION_JSON_TYPE).tag(tagged.tag()).cacheControl(PRIVATE_REVALIDATE).build();
    }

    public static Response notModified(Tagged tagged) {
        return Response.notModified(tagged.tag()).cacheControl(PRIVATE_REVALIDATE).build();
    }

    /** Whether an {@code If-None-Match} value names this tag (weak or strong, in a list, or {@code *}). */
    public static boolean matches(String ifNoneMatch, EntityTag tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String value = candidate.trim();
            if (value.equals("*") || value.replaceFirst("^W/", "").equals("\"" + tag.getValue() + "\"")) {
                return true;
            }
        }
        return false;
    }

    private static String hash(byte[] json) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
