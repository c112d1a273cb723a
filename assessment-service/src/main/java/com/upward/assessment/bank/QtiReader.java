package com.upward.assessment.bank;

import com.upward.assessment.bank.BankDocument.Item;
import com.upward.assessment.bank.BankDocument.Option;
import com.upward.assessment.bank.BankDocument.Question;
import com.upward.assessment.bank.BankDocument.QuestionType;
import com.upward.assessment.bank.Qti.Problem;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import static com.upward.assessment.bank.Qti.ITEM_NS;
import static com.upward.assessment.bank.Qti.MANIFEST_NS;

/**
 * Reads a QTI 3.0 content package back into questions, collecting every problem with the file and the element or
 * attribute it is in, so an author can mend the package in one go. Reads what {@link QtiWriter} writes, and items
 * of other tools when they keep to choice and match interactions scored by {@code match_correct}; Upward's metadata
 * on a manifest resource (type, lesson, power types) is optional except for the lesson.
 */
public final class QtiReader {

    /** Limits on an untrusted zip: entries, and bytes once inflated (each and all together). */
    static final int MAX_ENTRIES = 2_000;
    static final int MAX_ENTRY_BYTES = 1 << 20;
    static final int MAX_TOTAL_BYTES = 16 << 20;

    /** The questions read (only meaningful when there are no problems) and the problems found. */
    public record Imported(List<Question> questions, List<Problem> problems) {
    }

    /** The body is not a zip archive at all, or one too large once inflated. */
    public static class UnreadablePackage extends Exception {
        UnreadablePackage(String message) {
            super(message);
        }
    }

    public static Imported read(String courseId, byte[] zip) throws UnreadablePackage {
        Map<String, byte[]> files = unzip(zip);
        List<Problem> problems = new ArrayList<>();
        byte[] manifestBytes = files.get(Qti.MANIFEST);
        if (manifestBytes == null) {
            problems.add(new Problem(Qti.MANIFEST, "", "the package has no imsmanifest.xml at its root; a QTI content package lists its items there"));
            return new Imported(List.of(), problems);
        }
        Element manifest = parse(Qti.MANIFEST, manifestBytes, problems);
        if (manifest == null) {
            return new Imported(List.of(), problems);
        }
        if (!MANIFEST_NS.equals(manifest.getNamespaceURI()) || !"manifest".equals(manifest.getLocalName())) {
            problems.add(new Problem(Qti.MANIFEST, "manifest", "the root element must be manifest in namespace " + MANIFEST_NS));
            return new Imported(List.of(), problems);
        }
        Element resources = Qti.child(manifest, MANIFEST_NS, "resources");
        List<Element> itemResources = resources == null ? List.of() : Qti.children(resources, MANIFEST_NS, "resource").stream()
                .filter(r -> r.getAttribute("type").startsWith(Qti.ITEM_RESOURCE_TYPE)).toList();
        if (itemResources.isEmpty()) {
            problems.add(new Problem(Qti.MANIFEST, "resources/resource[@type]",
                    "the manifest lists no item (a resource of type " + Qti.ITEM_RESOURCE_TYPE + ")"));
            return new Imported(List.of(), problems);
        }
        List<Question> questions = new ArrayList<>();
        Map<String, Element> resourceOfQuestion = new HashMap<>();
        for (Element resource : itemResources) {
            String href = resource.getAttribute("href");
            String field = "resource[@identifier='" + resource.getAttribute("identifier") + "']/@href";
            String path = href.isEmpty() ? null : resolve(href);
            if (path == null || !files.containsKey(path)) {
                problems.add(new Problem(Qti.MANIFEST, field, href.isEmpty() ? "the resource names no file"
                        : "names " + href + ", which is not in the package"));
                continue;
            }
            Question question = new ItemReading(path, resource, problems).question(files.get(path));
            if (question != null) {
                questions.add(question);
                resourceOfQuestion.putIfAbsent(question.id(), resource);
            }
        }
        if (problems.isEmpty()) {
            // The bank's own rules (one key per single-choice question, unique option ids...), named by item file.
            for (String message : BankValidator.problems(new BankDocument(courseId, questions, List.of()))) {
                problems.add(located(message, resourceOfQuestion));
            }
        }
        return new Imported(questions, problems);
    }

    /** A bank rule's message ("question q-1: ...") as a problem of the item's file, or of its manifest resource. */
    private static Problem located(String message, Map<String, Element> resourceOfQuestion) {
        for (Map.Entry<String, Element> question : resourceOfQuestion.entrySet()) {
            String prefix = "question " + question.getKey() + ": ";
            if (message.startsWith(prefix)) {
                String rest = message.substring(prefix.length());
                Element resource = question.getValue();
                if (rest.contains("power type")) {
                    return new Problem(Qti.MANIFEST, "resource[@identifier='" + resource.getAttribute("identifier")
                            + "']/metadata/upward:question/@power-types", rest);
                }
                String field = rest.contains("correct option") ? "qti-response-declaration/qti-correct-response"
                        : rest.startsWith("option id ") ? "qti-simple-choice/@identifier"
                        : rest.startsWith("id ") ? "qti-assessment-item/@identifier"
                        : "qti-assessment-item";
                return new Problem(resolve(resource.getAttribute("href")), field, rest);
            }
        }
        return new Problem(Qti.MANIFEST, "", message);
    }

    /** Relative to the package root, normalised; null when it leaves the package or is not a relative path. */
    private static String resolve(String href) {
        try {
            URI uri = URI.create(href).normalize();
            String path = uri.getPath();
            return uri.isAbsolute() || path == null || path.startsWith("/") || path.startsWith("..") ? null : path;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws UnreadablePackage {
        Map<String, byte[]> files = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (files.size() >= MAX_ENTRIES) {
                    throw new UnreadablePackage("The package holds more than " + MAX_ENTRIES + " files.");
                }
                if (entry.isDirectory()) {
                    continue;
                }
                byte[] content = readCapped(in, entry.getName());
                total += content.length;
                if (total > MAX_TOTAL_BYTES) {
                    throw new UnreadablePackage("The package is larger than " + (MAX_TOTAL_BYTES >> 20) + " MB once unzipped.");
                }
                files.put(entry.getName(), content);
            }
        } catch (ZipException e) {
            throw new UnreadablePackage("The body is not a readable zip archive (" + e.getMessage() + ").");
        } catch (IOException e) {
            throw new UnreadablePackage("The body is not a readable zip archive.");
        }
        if (files.isEmpty()) {
            throw new UnreadablePackage("The body is not a zip archive with files in it; send the QTI content package as application/zip.");
        }
        return files;
    }

    private static byte[] readCapped(InputStream in, String name) throws IOException, UnreadablePackage {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            if (out.size() + n > MAX_ENTRY_BYTES) {
                throw new UnreadablePackage(name + " is larger than " + (MAX_ENTRY_BYTES >> 20) + " MB once unzipped.");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    static Element parse(String file, byte[] content, List<Problem> problems) {
        try {
            Document document = Qti.parser().parse(new ByteArrayInputStream(content));
            return document.getDocumentElement();
        } catch (SAXParseException e) {
            problems.add(new Problem(file, "line " + e.getLineNumber(), "not well-formed XML: " + e.getMessage()));
        } catch (SAXException | IOException e) {
            problems.add(new Problem(file, "", "not well-formed XML: " + e.getMessage()));
        }
        return null;
    }

    /** Text without the inline feedback, whitespace runs as one space (as an author would read it). */
    static String text(Element element) {
        StringBuilder text = new StringBuilder();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(node.getNodeValue());
            } else if (node instanceof Element child && !"qti-feedback-inline".equals(child.getLocalName())) {
                text.append(' ').append(text(child)).append(' ');
            }
        }
        return text.toString().replaceAll("\\s+", " ").strip();
    }

    /** One item file, read against its manifest resource; every problem is added with this file's name. */
    private static final class ItemReading {
        private final String file;
        private final Element resource;
        private final List<Problem> problems;
        private final int problemsBefore;

        ItemReading(String file, Element resource, List<Problem> problems) {
            this.file = file;
            this.resource = resource;
            this.problems = problems;
            this.problemsBefore = problems.size();
        }

        private void problem(String field, String message) {
            problems.add(new Problem(file, field, message));
        }

        Question question(byte[] content) {
            Element item = parse(file, content, problems);
            if (item == null) {
                return null;
            }
            if (!ITEM_NS.equals(item.getNamespaceURI()) || !"qti-assessment-item".equals(item.getLocalName())) {
                problem(item.getLocalName(), "the root element must be qti-assessment-item in namespace " + ITEM_NS);
                return null;
            }
            String id = item.getAttribute("identifier");
            if (id.isBlank()) {
                problem("qti-assessment-item/@identifier", "the item has no identifier");
            }
            Element body = Qti.child(item, ITEM_NS, "qti-item-body");
            if (body == null) {
                problem("qti-item-body", "the item has no qti-item-body");
                return null;
            }
            List<Element> choices = descendants(body, "qti-choice-interaction");
            List<Element> matches = descendants(body, "qti-match-interaction");
            if (choices.size() + matches.size() != 1) {
                problem("qti-item-body", "an item needs exactly one qti-choice-interaction or qti-match-interaction, this one has "
                        + (choices.size() + matches.size()));
                return null;
            }
            Element interaction = choices.isEmpty() ? matches.get(0) : choices.get(0);
            boolean matching = !matches.isEmpty();
            Element declaration = declaration(item, interaction);
            responseProcessing(item);
            Metadata metadata = metadata();
            Element promptElement = Qti.child(interaction, ITEM_NS, "qti-prompt");
            String prompt = promptElement != null ? text(promptElement) : promptOutside(body, interaction);
            if (prompt.isEmpty()) {
                problem(interaction.getLocalName() + "/qti-prompt", "the question has no prompt");
            }
            Question question = matching ? matching(id, metadata, prompt, interaction, declaration)
                    : choice(id, metadata, prompt, interaction, declaration);
            return problems.size() == problemsBefore ? question : null;
        }

        private Element declaration(Element item, Element interaction) {
            String responseId = interaction.getAttribute("response-identifier");
            String field = interaction.getLocalName() + "/@response-identifier";
            if (responseId.isBlank()) {
                problem(field, "the interaction names no response declaration");
                return null;
            }
            return Qti.children(item, ITEM_NS, "qti-response-declaration").stream()
                    .filter(d -> responseId.equals(d.getAttribute("identifier"))).findFirst()
                    .orElseGet(() -> {
                        problem(field, "no qti-response-declaration has the identifier " + responseId);
                        return null;
                    });
        }

        private void responseProcessing(Element item) {
            Element processing = Qti.child(item, ITEM_NS, "qti-response-processing");
            String template = processing == null ? "" : processing.getAttribute("template");
            if (!template.endsWith("match_correct") && !template.endsWith("match_correct.xml")) {
                problem("qti-response-processing/@template", "Upward scores items as the match_correct template does; set template=\""
                        + Qti.MATCH_CORRECT + "\"" + (template.isEmpty() ? "" : " (found " + template + ")"));
            }
        }

        private List<String> correctValues(Element declaration, String cardinality, String baseType) {
            if (declaration == null) {
                return List.of();
            }
            String at = "qti-response-declaration[@identifier='" + declaration.getAttribute("identifier") + "']";
            if (!baseType.equals(declaration.getAttribute("base-type"))) {
                problem(at + "/@base-type", "must be " + baseType + " for this interaction, is '" + declaration.getAttribute("base-type") + "'");
            }
            if (!cardinality.equals(declaration.getAttribute("cardinality"))) {
                problem(at + "/@cardinality", "must be " + cardinality + " for this interaction, is '" + declaration.getAttribute("cardinality") + "'");
            }
            Element correct = Qti.child(declaration, ITEM_NS, "qti-correct-response");
            List<String> values = correct == null ? List.of()
                    : Qti.children(correct, ITEM_NS, "qti-value").stream().map(v -> v.getTextContent().strip()).toList();
            if (values.isEmpty()) {
                problem(at + "/qti-correct-response", "the item has no key: add qti-correct-response with at least one qti-value");
            }
            return values;
        }

        private Question choice(String id, Metadata metadata, String prompt, Element interaction, Element declaration) {
            String maxChoices = interaction.getAttribute("max-choices");
            boolean single = "1".equals(maxChoices);
            QuestionType type = metadata.type != null ? metadata.type : single ? QuestionType.SINGLE_CHOICE : QuestionType.MULTIPLE_RESPONSE;
            if (type == QuestionType.MATCHING || type.singleAnswer() != single) {
                problem("qti-choice-interaction/@max-choices", "is '" + maxChoices + "', which does not fit a question of type " + type
                        + " (1 for one answer, 0 for any number)");
            }
            Set<String> keys = new LinkedHashSet<>(correctValues(declaration, single ? "single" : "multiple", "identifier"));
            List<Option> options = new ArrayList<>();
            for (Element choice : Qti.children(interaction, ITEM_NS, "qti-simple-choice")) {
                String optionId = choice.getAttribute("identifier");
                String at = "qti-simple-choice[@identifier='" + optionId + "']";
                String feedback = feedback(choice, optionId);
                if (feedback == null) {
                    problem(at + "/qti-feedback-inline", "each option needs its feedback: a qti-feedback-inline with identifier " + optionId);
                }
                options.add(new Option(optionId, text(choice), keys.contains(optionId), feedback));
            }
            Set<String> optionIds = new LinkedHashSet<>(options.stream().map(Option::id).toList());
            keys.stream().filter(k -> !optionIds.contains(k)).forEach(k ->
                    problem("qti-response-declaration/qti-correct-response/qti-value", "names " + k + ", which is no qti-simple-choice of this item"));
            return new Question(id, type, metadata.lessonId, metadata.powerTypes, prompt, options, null);
        }

        private Question matching(String id, Metadata metadata, String prompt, Element interaction, Element declaration) {
            if (metadata.type != null && metadata.type != QuestionType.MATCHING) {
                problem("qti-match-interaction", "a match interaction makes a MATCHING question, but the manifest says " + metadata.type);
            }
            List<Element> sets = Qti.children(interaction, ITEM_NS, "qti-simple-match-set");
            if (sets.size() != 2) {
                problem("qti-match-interaction/qti-simple-match-set", "a match interaction needs two sets (items, then options), has " + sets.size());
                return null;
            }
            Map<String, String> key = new HashMap<>();
            for (String pair : correctValues(declaration, "multiple", "directedPair")) {
                String[] ends = pair.split("\\s+");
                if (ends.length != 2) {
                    problem("qti-correct-response/qti-value", "'" + pair + "' is not a directed pair 'itemId optionId'");
                } else if (key.put(ends[0], ends[1]) != null) {
                    problem("qti-correct-response/qti-value", "item " + ends[0] + " has more than one right option");
                }
            }
            List<Item> items = new ArrayList<>();
            for (Element choice : Qti.children(sets.get(0), ITEM_NS, "qti-simple-associable-choice")) {
                String itemId = choice.getAttribute("identifier");
                String at = "qti-simple-match-set[1]/qti-simple-associable-choice[@identifier='" + itemId + "']";
                if (!key.containsKey(itemId)) {
                    problem(at, "the item has no right option in qti-correct-response");
                }
                String feedback = feedback(choice, itemId);
                if (feedback == null) {
                    problem(at + "/qti-feedback-inline", "each matching item needs its feedback: a qti-feedback-inline with identifier " + itemId);
                }
                items.add(new Item(itemId, text(choice), key.get(itemId), feedback));
            }
            List<Option> options = Qti.children(sets.get(1), ITEM_NS, "qti-simple-associable-choice").stream()
                    .map(c -> new Option(c.getAttribute("identifier"), text(c), null, null)).toList();
            return new Question(id, QuestionType.MATCHING, metadata.lessonId, metadata.powerTypes, prompt, options, items);
        }

        private static String feedback(Element choice, String identifier) {
            return Qti.children(choice, ITEM_NS, "qti-feedback-inline").stream()
                    .filter(f -> identifier.equals(f.getAttribute("identifier")))
                    .map(QtiReader::text).filter(t -> !t.isEmpty()).findFirst().orElse(null);
        }

        private static String promptOutside(Element body, Element interaction) {
            StringBuilder text = new StringBuilder();
            for (Node node = body.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element element && !element.isSameNode(interaction) && !contains(element, interaction)) {
                    text.append(' ').append(text(element));
                }
            }
            return text.toString().strip();
        }

        private static boolean contains(Element ancestor, Element element) {
            for (Node node = element.getParentNode(); node != null; node = node.getParentNode()) {
                if (node.isSameNode(ancestor)) {
                    return true;
                }
            }
            return false;
        }

        private static List<Element> descendants(Element root, String localName) {
            List<Element> found = new ArrayList<>();
            var nodes = root.getElementsByTagNameNS(ITEM_NS, localName);
            for (int i = 0; i < nodes.getLength(); i++) {
                found.add((Element) nodes.item(i));
            }
            return found;
        }

        private record Metadata(QuestionType type, String lessonId, List<String> powerTypes) {
        }

        /** Upward's metadata on the manifest resource; without it the type follows the interaction and no lesson is known. */
        private Metadata metadata() {
            String at = "resource[@identifier='" + resource.getAttribute("identifier") + "']/metadata/upward:question";
            Element metadata = Qti.child(resource, MANIFEST_NS, "metadata");
            Element upward = metadata == null ? null : Qti.child(metadata, Qti.UPWARD_NS, "question");
            if (upward == null) {
                problems.add(new Problem(Qti.MANIFEST, at + "/@lesson-id", "Upward needs the lesson each question belongs to: add <upward:question lesson-id=\"…\" xmlns:upward=\""
                        + Qti.UPWARD_NS + "\"/> to the resource's metadata for " + file));
                return new Metadata(null, null, List.of());
            }
            QuestionType type = null;
            String typeName = upward.getAttribute("type");
            if (!typeName.isEmpty()) {
                try {
                    type = QuestionType.valueOf(typeName);
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(Qti.MANIFEST, at + "/@type", "unknown question type '" + typeName + "'; one of "
                            + Arrays.toString(QuestionType.values())));
                }
            }
            String lessonId = upward.getAttribute("lesson-id");
            if (lessonId.isBlank()) {
                problems.add(new Problem(Qti.MANIFEST, at + "/@lesson-id", "the lesson of " + file + " is missing"));
            }
            String powerTypes = upward.getAttribute("power-types").strip();
            return new Metadata(type, lessonId.isBlank() ? null : lessonId,
                    powerTypes.isEmpty() ? List.of() : List.of(powerTypes.split("\\s+")));
        }
    }

    private QtiReader() {
    }
}
