package com.upward.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.upward.gateway.routing.ServiceRoutes;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Merges the services' own OpenAPI documents into the gateway's: each service contributes only the paths the
 * gateway routes to it, and its components. A component whose name another document already uses for something
 * else is renamed with the service's prefix ({@code Completion} of progress-service becomes
 * {@code ProgressCompletion}), and the service's references follow; an identical one is kept once.
 */
public final class OpenApiMerge {

    private static final String REF = "$ref";
    private static final String COMPONENTS = "#/components/";

    private OpenApiMerge() {
    }

    /** The gateway's document with the routed part of each service's; {@code services} is keyed by service name. */
    public static ObjectNode merge(ObjectNode gateway, Map<String, JsonNode> services, List<ServiceRoutes.Route> routes) {
        ObjectNode merged = gateway.deepCopy();
        ObjectNode paths = merged.with("paths");
        ObjectNode components = merged.with("components");
        services.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(service -> {
            List<Pattern> routed = routes.stream().filter(route -> route.service().equals(service.getKey()))
                    .map(route -> Pattern.compile(route.pathRegex())).toList();
            JsonNode document = service.getValue();
            Map<String, String> renames = renames(components, document.path("components"), prefix(service.getKey()));
            document.path("components").fields().forEachRemaining(type -> {
                if (type.getKey().equals("securitySchemes")) {
                    // One token for every service: the gateway's scheme stands for theirs.
                    type.getValue().fields().forEachRemaining(scheme -> components.with("securitySchemes")
                            .putIfAbsent(scheme.getKey(), scheme.getValue()));
                    return;
                }
                ObjectNode target = components.with(type.getKey());
                type.getValue().fields().forEachRemaining(component -> {
                    String name = renames.getOrDefault(type.getKey() + "/" + component.getKey(), component.getKey());
                    target.putIfAbsent(name, rewriteRefs(component.getValue().deepCopy(), renames));
                });
            });
            document.path("paths").fields().forEachRemaining(path -> {
                if (routed.stream().anyMatch(route -> route.matcher(path.getKey()).matches())) {
                    paths.putIfAbsent(path.getKey(), rewriteRefs(path.getValue().deepCopy(), renames));
                }
            });
            mergeTags(merged, document.path("tags"));
        });
        return merged;
    }

    /**
     * Which of a service's components must be renamed: those whose name the merged document already uses for
     * something different, found again after each round, because renaming one can make another differ.
     */
    private static Map<String, String> renames(ObjectNode existing, JsonNode incoming, String prefix) {
        Map<String, String> renames = new HashMap<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Iterator<Map.Entry<String, JsonNode>> types = incoming.fields(); types.hasNext(); ) {
                Map.Entry<String, JsonNode> type = types.next();
                if (type.getKey().equals("securitySchemes")) {
                    continue;
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = type.getValue().fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> component = it.next();
                    String key = type.getKey() + "/" + component.getKey();
                    JsonNode present = existing.path(type.getKey()).get(component.getKey());
                    if (present != null && !renames.containsKey(key)
                            && !present.equals(rewriteRefs(component.getValue().deepCopy(), renames))) {
                        renames.put(key, prefix + component.getKey());
                        changed = true;
                    }
                }
            }
        }
        return renames;
    }

    /** Points every {@code $ref} to a renamed component at its new name. */
    private static JsonNode rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return node;
        }
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get(REF);
            if (ref != null && ref.isTextual() && ref.asText().startsWith(COMPONENTS)) {
                String key = ref.asText().substring(COMPONENTS.length());
                String renamed = renames.get(key);
                if (renamed != null) {
                    object.set(REF, TextNode.valueOf(COMPONENTS + key.substring(0, key.indexOf('/') + 1) + renamed));
                }
            }
            object.fields().forEachRemaining(field -> rewriteRefs(field.getValue(), renames));
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> rewriteRefs(element, renames));
        }
        return node;
    }

    private static void mergeTags(ObjectNode merged, JsonNode tags) {
        if (!tags.isArray() || tags.isEmpty()) {
            return;
        }
        ArrayNode target = merged.withArray("tags");
        Set<String> names = new HashSet<>();
        target.forEach(tag -> names.add(tag.path("name").asText()));
        tags.forEach(tag -> {
            if (names.add(tag.path("name").asText())) {
                target.add(tag.deepCopy());
            }
        });
    }

    /** {@code progress-service} → {@code Progress}. */
    static String prefix(String service) {
        String base = service.endsWith("-service") ? service.substring(0, service.length() - "-service".length()) : service;
        return Character.toUpperCase(base.charAt(0)) + base.substring(1);
    }
}
