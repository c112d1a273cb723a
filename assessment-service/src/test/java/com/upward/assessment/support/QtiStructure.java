package com.upward.assessment.support;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The QTI 3.0 element rules an exported item must keep (the 1EdTech XSDs are too large to carry here): names and
 * namespace, the order of the item's parts, required attributes and their values, and that every reference
 * (response identifier, key, feedback outcome) points at something declared. Returns the broken rules, empty when none.
 */
public final class QtiStructure {

    public static final String ITEM_NS = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0";
    public static final String MANIFEST_NS = "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1";
    private static final String MATCH_CORRECT = "https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/match_correct.xml";
    private static final String IDENTIFIER = "[A-Za-z_][A-Za-z0-9_.-]*";
    /** The item's children in the order the schema's sequence allows (the ones an item of ours may use). */
    private static final List<String> ITEM_ORDER = List.of("qti-response-declaration", "qti-outcome-declaration",
            "qti-item-body", "qti-response-processing");
    /** Which elements each element may hold. */
    private static final Map<String, Set<String>> CHILDREN = Map.ofEntries(
            Map.entry("qti-response-declaration", Set.of("qti-correct-response")),
            Map.entry("qti-correct-response", Set.of("qti-value")),
            Map.entry("qti-outcome-declaration", Set.of("qti-default-value")),
            Map.entry("qti-default-value", Set.of("qti-value")),
            Map.entry("qti-item-body", Set.of("qti-choice-interaction", "qti-match-interaction", "p", "div")),
            Map.entry("qti-choice-interaction", Set.of("qti-prompt", "qti-simple-choice")),
            Map.entry("qti-match-interaction", Set.of("qti-prompt", "qti-simple-match-set")),
            Map.entry("qti-simple-match-set", Set.of("qti-simple-associable-choice")),
            Map.entry("qti-simple-choice", Set.of("qti-feedback-inline")),
            Map.entry("qti-simple-associable-choice", Set.of("qti-feedback-inline")),
            Map.entry("qti-prompt", Set.of()), Map.entry("qti-value", Set.of()), Map.entry("qti-feedback-inline", Set.of()),
            Map.entry("qti-response-processing", Set.of()));

    public static Element parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
            return document.getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }

    public static List<String> itemProblems(byte[] xml) {
        List<String> problems = new ArrayList<>();
        Element item = parse(xml);
        if (!ITEM_NS.equals(item.getNamespaceURI()) || !"qti-assessment-item".equals(item.getLocalName())) {
            problems.add("root is not qti-assessment-item in " + ITEM_NS);
            return problems;
        }
        require(item, problems, "identifier", "title", "time-dependent");
        if (!item.getAttribute("identifier").matches(IDENTIFIER)) {
            problems.add("item identifier is not an identifier: " + item.getAttribute("identifier"));
        }
        oneOf(item, "time-dependent", Set.of("true", "false"), problems);
        oneOf(item, "adaptive", Set.of("true", "false"), problems);
        walk(item, problems);

        int last = -1;
        for (Element child : children(item)) {
            int position = ITEM_ORDER.indexOf(child.getLocalName());
            if (position < 0) {
                problems.add("qti-assessment-item may not hold " + child.getLocalName());
            } else if (position < last) {
                problems.add(child.getLocalName() + " is out of the schema's order");
            }
            last = Math.max(last, position);
        }
        Map<String, Element> responses = new java.util.HashMap<>();
        Set<String> outcomes = new HashSet<>();
        for (Element declaration : children(item)) {
            switch (declaration.getLocalName()) {
                case "qti-response-declaration" -> {
                    require(declaration, problems, "identifier", "cardinality", "base-type");
                    oneOf(declaration, "cardinality", Set.of("single", "multiple", "ordered", "record"), problems);
                    responses.put(declaration.getAttribute("identifier"), declaration);
                }
                case "qti-outcome-declaration" -> {
                    require(declaration, problems, "identifier", "cardinality");
                    outcomes.add(declaration.getAttribute("identifier"));
                    if ("SCORE".equals(declaration.getAttribute("identifier"))
                            && (!"float".equals(declaration.getAttribute("base-type")) || !"single".equals(declaration.getAttribute("cardinality")))) {
                        problems.add("SCORE must be a single float");
                    }
                }
                default -> { }
            }
        }
        if (!outcomes.contains("SCORE")) {
            problems.add("no qti-outcome-declaration SCORE");
        }
        List<Element> bodies = children(item).stream().filter(e -> e.getLocalName().equals("qti-item-body")).toList();
        if (bodies.size() != 1) {
            problems.add("needs one qti-item-body, has " + bodies.size());
            return problems;
        }
        List<Element> interactions = children(bodies.get(0)).stream()
                .filter(e -> e.getLocalName().endsWith("-interaction")).toList();
        if (interactions.size() != 1) {
            problems.add("needs one interaction, has " + interactions.size());
            return problems;
        }
        Element interaction = interactions.get(0);
        Element response = responses.get(interaction.getAttribute("response-identifier"));
        if (response == null) {
            problems.add("response-identifier " + interaction.getAttribute("response-identifier") + " is not declared");
            return problems;
        }
        List<String> key = new ArrayList<>();
        Element correct = child(response, "qti-correct-response");
        if (correct == null || children(correct).isEmpty()) {
            problems.add("no qti-correct-response value");
        } else {
            children(correct).forEach(v -> key.add(v.getTextContent().strip()));
        }
        if ("single".equals(response.getAttribute("cardinality")) && key.size() != 1) {
            problems.add("single cardinality with " + key.size() + " correct values");
        }
        if (interaction.getLocalName().equals("qti-choice-interaction")) {
            choice(interaction, response, key, problems);
        } else if (interaction.getLocalName().equals("qti-match-interaction")) {
            match(interaction, response, key, problems);
        } else {
            problems.add("unexpected interaction " + interaction.getLocalName());
        }
        for (Element feedback : descendants(item, "qti-feedback-inline")) {
            require(feedback, problems, "outcome-identifier", "identifier");
            oneOf(feedback, "show-hide", Set.of("show", "hide"), problems);
            if (!outcomes.contains(feedback.getAttribute("outcome-identifier"))) {
                problems.add("feedback refers to undeclared outcome " + feedback.getAttribute("outcome-identifier"));
            }
            if (feedback.getTextContent().isBlank()) {
                problems.add("empty feedback " + feedback.getAttribute("identifier"));
            }
        }
        Element processing = child(item, "qti-response-processing");
        if (processing == null || !MATCH_CORRECT.equals(processing.getAttribute("template"))) {
            problems.add("qti-response-processing must use the match_correct template");
        }
        return problems;
    }

    private static void choice(Element interaction, Element response, List<String> key, List<String> problems) {
        require(interaction, problems, "max-choices");
        String maxChoices = interaction.getAttribute("max-choices");
        if (!maxChoices.matches("\\d+")) {
            problems.add("max-choices is not a non-negative integer");
        }
        if (!"identifier".equals(response.getAttribute("base-type"))) {
            problems.add("a choice response has base-type identifier");
        }
        if ("1".equals(maxChoices) != "single".equals(response.getAttribute("cardinality"))) {
            problems.add("max-choices " + maxChoices + " does not fit cardinality " + response.getAttribute("cardinality"));
        }
        Set<String> ids = new HashSet<>();
        List<Element> choices = children(interaction).stream().filter(e -> e.getLocalName().equals("qti-simple-choice")).toList();
        if (choices.size() < 2) {
            problems.add("fewer than two choices");
        }
        for (Element choice : choices) {
            require(choice, problems, "identifier");
            if (!ids.add(choice.getAttribute("identifier")) || !choice.getAttribute("identifier").matches(IDENTIFIER)) {
                problems.add("choice identifier repeated or invalid: " + choice.getAttribute("identifier"));
            }
        }
        key.stream().filter(k -> !ids.contains(k)).forEach(k -> problems.add("correct value " + k + " is no choice"));
        if (!children(interaction).get(0).getLocalName().equals("qti-prompt")) {
            problems.add("qti-prompt must come first");
        }
    }

    private static void match(Element interaction, Element response, List<String> key, List<String> problems) {
        require(interaction, problems, "max-associations");
        if (!"directedPair".equals(response.getAttribute("base-type")) || !"multiple".equals(response.getAttribute("cardinality"))) {
            problems.add("a match response is multiple directedPair");
        }
        List<Element> sets = children(interaction).stream().filter(e -> e.getLocalName().equals("qti-simple-match-set")).toList();
        if (sets.size() != 2) {
            problems.add("a match interaction has two qti-simple-match-set, this has " + sets.size());
            return;
        }
        List<Set<String>> ids = new ArrayList<>();
        for (Element set : sets) {
            Set<String> setIds = new HashSet<>();
            for (Element choice : children(set)) {
                require(choice, problems, "identifier", "match-max");
                if (!choice.getAttribute("match-max").matches("\\d+")) {
                    problems.add("match-max is not a non-negative integer");
                }
                setIds.add(choice.getAttribute("identifier"));
            }
            ids.add(setIds);
        }
        for (String pair : key) {
            String[] ends = pair.split(" ");
            if (ends.length != 2 || !ids.get(0).contains(ends[0]) || !ids.get(1).contains(ends[1])) {
                problems.add("directed pair '" + pair + "' does not run from the first set to the second");
            }
        }
    }

    /** Every element in the item namespace, named and placed as CHILDREN allows. */
    private static void walk(Element element, List<String> problems) {
        for (Element child : children(element)) {
            if (!ITEM_NS.equals(child.getNamespaceURI())) {
                problems.add(child.getNodeName() + " is not in the QTI namespace");
            }
            Set<String> allowed = CHILDREN.get(element.getLocalName());
            if (allowed != null && !allowed.contains(child.getLocalName())) {
                problems.add(element.getLocalName() + " may not hold " + child.getLocalName());
            }
            walk(child, problems);
        }
    }

    public static List<String> manifestProblems(byte[] xml, Set<String> files) {
        List<String> problems = new ArrayList<>();
        Element manifest = parse(xml);
        if (!MANIFEST_NS.equals(manifest.getNamespaceURI()) || !"manifest".equals(manifest.getLocalName())) {
            problems.add("root is not manifest in " + MANIFEST_NS);
            return problems;
        }
        require(manifest, problems, "identifier");
        Element resources = child(manifest, "resources");
        if (resources == null) {
            problems.add("no resources");
            return problems;
        }
        Set<String> listed = new HashSet<>();
        for (Element resource : children(resources)) {
            require(resource, problems, "identifier", "type", "href");
            if (!"imsqti_item_xmlv3p0".equals(resource.getAttribute("type"))) {
                problems.add("resource type " + resource.getAttribute("type"));
            }
            Element file = child(resource, "file");
            if (file == null || !file.getAttribute("href").equals(resource.getAttribute("href"))) {
                problems.add("resource " + resource.getAttribute("identifier") + " does not list its file");
            }
            if (!files.contains(resource.getAttribute("href"))) {
                problems.add("resource " + resource.getAttribute("identifier") + " names a file not in the package");
            }
            listed.add(resource.getAttribute("href"));
        }
        files.stream().filter(f -> !f.equals("imsmanifest.xml") && !listed.contains(f))
                .forEach(f -> problems.add(f + " is in the package but not in the manifest"));
        return problems;
    }

    private static void require(Element element, List<String> problems, String... attributes) {
        for (String attribute : attributes) {
            if (!element.hasAttribute(attribute)) {
                problems.add(element.getLocalName() + " lacks @" + attribute);
            }
        }
    }

    private static void oneOf(Element element, String attribute, Set<String> values, List<String> problems) {
        if (element.hasAttribute(attribute) && !values.contains(element.getAttribute(attribute))) {
            problems.add(element.getLocalName() + "/@" + attribute + " is " + element.getAttribute(attribute));
        }
    }

    public static List<Element> children(Element parent) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                found.add(element);
            }
        }
        return found;
    }

    private static Element child(Element parent, String localName) {
        return children(parent).stream().filter(e -> e.getLocalName().equals(localName)).findFirst().orElse(null);
    }

    private static List<Element> descendants(Element root, String localName) {
        List<Element> found = new ArrayList<>();
        var nodes = root.getElementsByTagNameNS(ITEM_NS, localName);
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    private QtiStructure() {
    }
}
