package com.upward.assessment.bank;

import com.upward.assessment.bank.BankDocument.Item;
import com.upward.assessment.bank.BankDocument.Option;
import com.upward.assessment.bank.BankDocument.Question;
import com.upward.assessment.bank.BankDocument.QuestionType;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static com.upward.assessment.bank.Qti.ITEM_NS;

/**
 * Writes questions as a QTI 3.0 content package: one {@code qti-assessment-item} per question under {@code items/},
 * listed by {@code imsmanifest.xml}. Choice questions become a {@code qti-choice-interaction}, matching questions a
 * {@code qti-match-interaction} (items in the first set, options in the second); the key is the
 * {@code qti-correct-response}, scored by the {@code match_correct} template; the feedback of each option (or
 * matching item) is a {@code qti-feedback-inline} keyed by its id.
 */
public final class QtiWriter {

    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";

    public static byte[] write(String courseId, List<Question> questions) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, Qti.MANIFEST, Qti.serialize(manifest(courseId, questions)));
            for (Question question : questions) {
                put(zip, href(question), Qti.serialize(item(question)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static String href(Question question) {
        return "items/" + question.id() + ".xml";
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    static Document manifest(String courseId, List<Question> questions) {
        Document doc = Qti.newDocument();
        Element manifest = doc.createElementNS(Qti.MANIFEST_NS, "manifest");
        manifest.setAttributeNS(XMLNS, "xmlns:xsi", XSI);
        manifest.setAttributeNS(XMLNS, "xmlns:upward", Qti.UPWARD_NS);
        manifest.setAttributeNS(XSI, "xsi:schemaLocation", Qti.MANIFEST_NS + " " + Qti.MANIFEST_SCHEMA);
        manifest.setAttribute("identifier", "upward-question-bank-" + courseId);
        doc.appendChild(manifest);
        Element metadata = add(manifest, Qti.MANIFEST_NS, "metadata");
        add(metadata, Qti.MANIFEST_NS, "schema").setTextContent("QTI Package");
        add(metadata, Qti.MANIFEST_NS, "schemaversion").setTextContent("3.0.0");
        add(manifest, Qti.MANIFEST_NS, "organizations");
        Element resources = add(manifest, Qti.MANIFEST_NS, "resources");
        for (Question question : questions) {
            Element resource = add(resources, Qti.MANIFEST_NS, "resource");
            resource.setAttribute("identifier", question.id());
            resource.setAttribute("type", Qti.ITEM_RESOURCE_TYPE);
            resource.setAttribute("href", href(question));
            Element upward = add(add(resource, Qti.MANIFEST_NS, "metadata"), Qti.UPWARD_NS, "upward:question");
            upward.setAttribute("type", question.type().name());
            upward.setAttribute("lesson-id", question.lessonId());
            upward.setAttribute("power-types", String.join(" ", question.powerTypes()));
            add(resource, Qti.MANIFEST_NS, "file").setAttribute("href", href(question));
        }
        return doc;
    }

    static Document item(Question question) {
        Document doc = Qti.newDocument();
        Element item = doc.createElementNS(ITEM_NS, "qti-assessment-item");
        item.setAttributeNS(XMLNS, "xmlns:xsi", XSI);
        item.setAttributeNS(XSI, "xsi:schemaLocation", ITEM_NS + " " + Qti.ITEM_SCHEMA);
        item.setAttribute("identifier", question.id());
        item.setAttribute("title", title(question.prompt()));
        item.setAttribute("adaptive", "false");
        item.setAttribute("time-dependent", "false");
        item.setAttributeNS("http://www.w3.org/XML/1998/namespace", "xml:lang", "en");
        doc.appendChild(item);

        boolean matching = question.type() == QuestionType.MATCHING;
        Element response = add(item, ITEM_NS, "qti-response-declaration");
        response.setAttribute("identifier", Qti.RESPONSE);
        response.setAttribute("cardinality", matching || question.type() == QuestionType.MULTIPLE_RESPONSE ? "multiple" : "single");
        response.setAttribute("base-type", matching ? "directedPair" : "identifier");
        Element correct = add(response, ITEM_NS, "qti-correct-response");
        if (matching) {
            question.items().forEach(i -> add(correct, ITEM_NS, "qti-value").setTextContent(i.id() + " " + i.correctOptionId()));
        } else {
            question.correctOptionIds().forEach(id -> add(correct, ITEM_NS, "qti-value").setTextContent(id));
        }

        Element score = add(item, ITEM_NS, "qti-outcome-declaration");
        score.setAttribute("identifier", Qti.SCORE);
        score.setAttribute("cardinality", "single");
        score.setAttribute("base-type", "float");
        add(add(score, ITEM_NS, "qti-default-value"), ITEM_NS, "qti-value").setTextContent("0");
        Element feedback = add(item, ITEM_NS, "qti-outcome-declaration");
        feedback.setAttribute("identifier", Qti.FEEDBACK);
        feedback.setAttribute("cardinality", "multiple");
        feedback.setAttribute("base-type", "identifier");

        Element body = add(item, ITEM_NS, "qti-item-body");
        if (matching) {
            matchInteraction(body, question);
        } else {
            choiceInteraction(body, question);
        }
        add(item, ITEM_NS, "qti-response-processing").setAttribute("template", Qti.MATCH_CORRECT);
        return doc;
    }

    private static void choiceInteraction(Element body, Question question) {
        Element interaction = add(body, ITEM_NS, "qti-choice-interaction");
        interaction.setAttribute("response-identifier", Qti.RESPONSE);
        interaction.setAttribute("shuffle", question.type() == QuestionType.TRUE_FALSE ? "false" : "true");
        // 0 is "no limit": a multiple-response question may have any number of right options.
        interaction.setAttribute("max-choices", question.type().singleAnswer() ? "1" : "0");
        add(interaction, ITEM_NS, "qti-prompt").setTextContent(question.prompt());
        for (Option option : question.options()) {
            Element choice = add(interaction, ITEM_NS, "qti-simple-choice");
            choice.setAttribute("identifier", option.id());
            choice.appendChild(choice.getOwnerDocument().createTextNode(option.text()));
            feedbackInline(choice, option.id(), option.feedback());
        }
    }

    private static void matchInteraction(Element body, Question question) {
        Element interaction = add(body, ITEM_NS, "qti-match-interaction");
        interaction.setAttribute("response-identifier", Qti.RESPONSE);
        interaction.setAttribute("shuffle", "true");
        interaction.setAttribute("max-associations", String.valueOf(question.items().size()));
        add(interaction, ITEM_NS, "qti-prompt").setTextContent(question.prompt());
        Element items = add(interaction, ITEM_NS, "qti-simple-match-set");
        for (Item item : question.items()) {
            Element choice = associable(items, item.id(), item.text(), 1);
            feedbackInline(choice, item.id(), item.feedback());
        }
        Element options = add(interaction, ITEM_NS, "qti-simple-match-set");
        for (Option option : question.options()) {
            // An option may be the right one for several items.
            associable(options, option.id(), option.text(), question.items().size());
        }
    }

    private static Element associable(Element set, String id, String text, int matchMax) {
        Element choice = add(set, ITEM_NS, "qti-simple-associable-choice");
        choice.setAttribute("identifier", id);
        choice.setAttribute("match-max", String.valueOf(matchMax));
        choice.appendChild(choice.getOwnerDocument().createTextNode(text));
        return choice;
    }

    private static void feedbackInline(Element parent, String identifier, String text) {
        if (text == null) {
            return;
        }
        Element feedback = add(parent, ITEM_NS, "qti-feedback-inline");
        feedback.setAttribute("outcome-identifier", Qti.FEEDBACK);
        feedback.setAttribute("identifier", identifier);
        feedback.setAttribute("show-hide", "show");
        feedback.setTextContent(text);
    }

    /** An item's title is what an author sees in a list of items: the prompt, shortened. */
    private static String title(String prompt) {
        return prompt.length() <= 80 ? prompt : prompt.substring(0, 79).strip() + "…";
    }

    private static Element add(Element parent, String namespace, String name) {
        Element child = parent.getOwnerDocument().createElementNS(namespace, name);
        parent.appendChild(child);
        return child;
    }

    private QtiWriter() {
    }
}
