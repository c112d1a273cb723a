package com.upward.gateway.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.upward.gateway.openapi.ServiceDocuments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.Map;

/**
 * The documented path template of a proxied path ({@code /api/v1/attempts/{attemptId}/submission}), from the
 * services' own OpenAPI documents, so request metrics are tagged by template and never by a path with its ids.
 * Matching walks a tree of path segments, a literal segment before a parameter: a few map look-ups per request.
 */
@ApplicationScoped
public class RouteTemplates {

    @Inject
    ServiceDocuments documents;

    private volatile Tree tree = new Tree(-1, new Node());

    private record Tree(long version, Node root) {
    }

    private static final class Node {
        final Map<String, Node> literals = new HashMap<>();
        Node parameter;
        String template;
    }

    /** The template the path matches, or null when no document (yet) has it. */
    public String of(String path) {
        Node node = current().root();
        int start = 1;
        while (node != null && start <= path.length()) {
            int end = path.indexOf('/', start);
            end = end < 0 ? path.length() : end;
            String segment = path.substring(start, end);
            Node literal = node.literals.get(segment);
            node = literal != null ? literal : segment.isEmpty() ? null : node.parameter;
            start = end + 1;
        }
        return node == null ? null : node.template;
    }

    private Tree current() {
        Tree known = tree;
        long version = documents.version();
        if (known.version() != version) {
            known = new Tree(version, build(documents.current()));
            tree = known;
        }
        return known;
    }

    private static Node build(Map<String, JsonNode> byService) {
        Node root = new Node();
        byService.values().forEach(document -> document.path("paths").fieldNames().forEachRemaining(template -> {
            Node node = root;
            for (String segment : template.substring(1).split("/", -1)) {
                if (segment.startsWith("{") && segment.endsWith("}")) {
                    node.parameter = node.parameter == null ? new Node() : node.parameter;
                    node = node.parameter;
                } else {
                    node = node.literals.computeIfAbsent(segment, ignored -> new Node());
                }
            }
            node.template = template;
        }));
        return root;
    }
}
