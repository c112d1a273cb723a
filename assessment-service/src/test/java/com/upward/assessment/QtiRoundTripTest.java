package com.upward.assessment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.upward.assessment.support.QtiStructure;
import com.upward.platform.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static com.upward.platform.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The question bank out as a QTI 3.0 content package and back in as a draft: the same questions, keys and feedback. */
@QuarkusTest
class QtiRoundTripTest {

    private static final String EXPORT = "/api/v1/admin/question-bank/how-to-lead-upward/qti";
    private static final String AUTHOR = TestTokens.author("author-qti", "acme");

    @Inject
    EntityManager entityManager;

    @Test
    void theExportIsAQtiPackageWhoseItemsKeepTheElementRules() throws IOException {
        Response response = given().auth().oauth2(AUTHOR).get(EXPORT);
        assertEquals(200, response.statusCode());
        assertTrue(response.contentType().startsWith("application/zip"), response.contentType());
        Map<String, byte[]> files = unzip(response.asByteArray());

        assertEquals(56, files.size(), "the manifest and one item per question");
        assertEquals(List.of(), QtiStructure.manifestProblems(files.get("imsmanifest.xml"), files.keySet()));
        Map<String, List<String>> broken = new TreeMap<>();
        files.forEach((name, xml) -> {
            if (!name.equals("imsmanifest.xml")) {
                List<String> problems = QtiStructure.itemProblems(xml);
                if (!problems.isEmpty()) {
                    broken.put(name, problems);
                }
            }
        });
        assertEquals(Map.of(), broken);

        Element single = QtiStructure.parse(files.get("items/q-intro-1.xml"));
        assertEquals("q-intro-1", single.getAttribute("identifier"));
        Element interaction = (Element) single.getElementsByTagNameNS(QtiStructure.ITEM_NS, "qti-choice-interaction").item(0);
        assertEquals("1", interaction.getAttribute("max-choices"));
        Element declaration = (Element) single.getElementsByTagNameNS(QtiStructure.ITEM_NS, "qti-response-declaration").item(0);
        assertEquals("single", declaration.getAttribute("cardinality"));
        assertEquals("o-6cd9c7", declaration.getElementsByTagNameNS(QtiStructure.ITEM_NS, "qti-value").item(0).getTextContent());
        Element multiple = QtiStructure.parse(files.get("items/q-benefits-1.xml"));
        assertEquals("multiple", ((Element) multiple.getElementsByTagNameNS(QtiStructure.ITEM_NS, "qti-response-declaration").item(0))
                .getAttribute("cardinality"));
        assertEquals(3, multiple.getElementsByTagNameNS(QtiStructure.ITEM_NS, "qti-value").getLength() - 1,
                "three keys (and the SCORE default)");
        long matching = files.values().stream().filter(xml -> new String(xml, StandardCharsets.UTF_8).contains("<qti-match-interaction")).count();
        assertEquals(4, matching, "the bank's four matching questions");
    }

    @Test
    void importingTheExportGivesBackTheSameQuestionsOptionsKeysAndFeedback() throws IOException {
        byte[] zip = given().auth().oauth2(AUTHOR).get(EXPORT).then().statusCode(200).extract().asByteArray();

        Response imported = given().auth().oauth2(AUTHOR).contentType("application/zip").body(zip)
                .post(EXPORT);
        assertEquals(201, imported.statusCode(), imported.asString());
        String location = imported.header("Location");
        assertTrue(location.endsWith("/api/v1/admin/question-bank/drafts/" + imported.path("draftId")), location);
        assertEquals(55, (int) imported.path("questionCount"));

        List<Map<String, Object>> draft = given().auth().oauth2(AUTHOR).get("/api/v1/admin/question-bank/drafts/" + imported.path("draftId"))
                .then().statusCode(200).extract().jsonPath().getList("questions");
        assertEquals(bankQuestionsById(), byId(draft));
        given().auth().oauth2(AUTHOR).get("/api/v1/admin/question-bank/drafts").then().statusCode(200)
                .body("find { it.draftId == '" + imported.path("draftId") + "' }.questionCount", org.hamcrest.Matchers.equalTo(55));
    }

    @Test
    void aBrokenPackageIsRefusedWithEveryProblemByFileAndFieldAndNothingIsStored() throws IOException {
        Map<String, byte[]> files = unzip(given().auth().oauth2(AUTHOR).get(EXPORT).then().statusCode(200).extract().asByteArray());
        edit(files, "items/q-intro-1.xml", xml -> xml.replaceAll("(?s)<qti-correct-response>.*?</qti-correct-response>", ""));
        edit(files, "items/q-intro-2.xml", xml -> xml.replace("match_correct.xml", "map_response.xml"));
        edit(files, "items/q-benefits-1.xml", xml -> xml.replaceFirst("(?s)<qti-feedback-inline[^>]*>.*?</qti-feedback-inline>", ""));
        assertTrue(files.remove("items/q-benefits-3.xml") != null);
        long draftsBefore = drafts();

        Response refused = given().auth().oauth2(AUTHOR).contentType("application/zip").body(zip(files)).post(EXPORT);
        assertProblem(refused, 422);
        Map<String, String> errors = new TreeMap<>();
        refused.jsonPath().getList("errors", Map.class).forEach(e -> errors.put((String) e.get("field"), (String) e.get("message")));
        assertTrue(errors.containsKey("items/q-intro-1.xml: qti-response-declaration[@identifier='RESPONSE']/qti-correct-response"), errors.toString());
        assertTrue(errors.containsKey("items/q-intro-2.xml: qti-response-processing/@template"), errors.toString());
        assertTrue(errors.keySet().stream().anyMatch(f -> f.startsWith("items/q-benefits-1.xml: qti-simple-choice[")
                && f.endsWith("/qti-feedback-inline")), errors.toString());
        assertTrue(errors.containsKey("imsmanifest.xml: resource[@identifier='q-benefits-3']/@href"), errors.toString());
        assertEquals(draftsBefore, drafts(), "nothing half-imported");
    }

    @Test
    void theBanksOwnRulesAreNamedByTheItemFile() throws IOException {
        Map<String, byte[]> files = unzip(given().auth().oauth2(AUTHOR).get(EXPORT).then().statusCode(200).extract().asByteArray());
        // Two keys on a single-choice question and an unknown power type: well-formed QTI, but against the bank's rules.
        edit(files, "items/q-benefits-2.xml", xml -> xml.replaceFirst("</qti-correct-response>", "<qti-value>o-a2a01b</qti-value></qti-correct-response>"));
        edit(files, "imsmanifest.xml", xml -> java.util.regex.Pattern.compile("(?s)<resource [^>]*identifier=\"q-benefits-2\".*?</resource>")
                .matcher(xml).replaceFirst(m -> java.util.regex.Matcher.quoteReplacement(m.group()
                        .replace("power-types=\"\"", "power-types=\"BOSS\""))));

        Response refused = given().auth().oauth2(AUTHOR).contentType("application/zip").body(zip(files)).post(EXPORT);
        assertProblem(refused, 422);
        Map<String, String> errors = new TreeMap<>();
        refused.jsonPath().getList("errors", Map.class).forEach(e -> errors.put((String) e.get("field"), (String) e.get("message")));
        assertEquals(List.of("imsmanifest.xml: resource[@identifier='q-benefits-2']/metadata/upward:question/@power-types",
                "items/q-benefits-2.xml: qti-response-declaration/qti-correct-response"), List.copyOf(errors.keySet()), refused.asString());
        assertTrue(errors.get("items/q-benefits-2.xml: qti-response-declaration/qti-correct-response")
                .contains("exactly one correct option, has 2"), refused.asString());
    }

    @Test
    void notAZipIsABadRequestAndJsonIsNotAccepted() {
        assertProblem(given().auth().oauth2(AUTHOR).contentType("application/zip").body("not a zip".getBytes()).post(EXPORT), 400);
        assertProblem(given().auth().oauth2(AUTHOR).contentType("application/json").body("{}").post(EXPORT), 415);
        assertProblem(given().auth().oauth2(AUTHOR).contentType("application/zip").post(EXPORT), 400);
    }

    @Test
    void onlyTheContentOrganisationsAuthorsHandleTheBank() throws IOException {
        byte[] zip = given().auth().oauth2(AUTHOR).get(EXPORT).then().statusCode(200).extract().asByteArray();
        String draftId = given().auth().oauth2(AUTHOR).contentType("application/zip").body(zip).post(EXPORT)
                .then().statusCode(201).extract().path("draftId");
        String foreignAuthor = TestTokens.author("author-qti", "globex");
        assertProblem(given().auth().oauth2(foreignAuthor).get("/api/v1/admin/question-bank/drafts/" + draftId), 403);
        assertProblem(given().auth().oauth2(foreignAuthor).get(EXPORT), 403);
        assertProblem(given().auth().oauth2(foreignAuthor).get("/api/v1/admin/question-bank/drafts"), 403);
        assertProblem(given().auth().oauth2(foreignAuthor).contentType("application/zip").body(zip).post(EXPORT), 403);
        assertProblem(given().auth().oauth2(TestTokens.admin("admin-1", "acme")).get(EXPORT), 403);
        assertProblem(given().auth().oauth2(TestTokens.learner("l-1", "acme")).contentType("application/zip").body(zip).post(EXPORT), 403);
        assertProblem(given().auth().oauth2(AUTHOR).get("/api/v1/admin/question-bank/drafts/00000000-0000-0000-0000-000000000000"), 404);
        assertProblem(given().auth().oauth2(AUTHOR).get("/api/v1/admin/question-bank/no-such-course/qti"), 404);
        assertProblem(given().auth().oauth2(AUTHOR).get("/api/v1/admin/question-bank/drafts/not-a-uuid"), 400);
    }

    private Map<String, Object> bankQuestionsById() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("question-bank/how-to-lead-upward.json")) {
            Map<?, ?> bank = new ObjectMapper().readValue(in, Map.class);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> questions = (List<Map<String, Object>>) bank.get("questions");
            return byId(questions);
        }
    }

    private static Map<String, Object> byId(List<Map<String, Object>> questions) {
        Map<String, Object> byId = new TreeMap<>();
        questions.forEach(q -> byId.put((String) q.get("id"), q));
        return byId;
    }

    private long drafts() {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) entityManager.createNativeQuery("SELECT count(*) FROM question_bank_draft").getSingleResult()).longValue());
    }

    private static void edit(Map<String, byte[]> files, String name, java.util.function.UnaryOperator<String> change) {
        String before = new String(files.get(name), StandardCharsets.UTF_8);
        String after = change.apply(before);
        assertTrue(!before.equals(after), "the edit of " + name + " changed it");
        files.put(name, after.getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                out.putNextEntry(new ZipEntry(file.getKey()));
                out.write(file.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
