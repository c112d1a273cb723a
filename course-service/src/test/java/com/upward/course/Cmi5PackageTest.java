package com.upward.course;

import com.upward.platform.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static com.upward.platform.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cmi5 course package: cmi5.xml validated against the official CourseStructure.xsd (Apache-2.0, in test resources). */
@QuarkusTest
class Cmi5PackageTest {

    private static final String PATH = "/api/v1/admin/courses/how-to-lead-upward/cmi5";
    private static final String NS = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd";

    @Inject
    EntityManager entityManager;

    @Test
    void theSchemaIsTheRealOneItAcceptsTheSpecsExamplesAndRefusesABrokenPackage() throws Exception {
        Schema schema = schema();
        for (String example : List.of("simple-cmi5.xml", "complex-cmi5.xml")) {
            try (InputStream in = getClass().getResourceAsStream("/cmi5/" + example)) {
                schema.newValidator().validate(new StreamSource(in));
            }
        }
        String broken = new String(cmi5Xml(packageOf(TestTokens.admin("admin-a", "acme"), 1)), StandardCharsets.UTF_8)
                .replaceFirst("moveOn=\"Passed\"", "moveOn=\"Sometimes\"");
        assertThrows(SAXException.class, () -> schema.newValidator().validate(new StreamSource(new StringReader(broken))));
    }

    @Test
    void anAdminGetsAZipWhoseCmi5XmlValidatesWithOneAuPerLessonAndQuiz() throws Exception {
        Response response = given().auth().oauth2(TestTokens.admin("admin-g", "globex")).get(PATH + "?version=1");
        response.then().statusCode(200).contentType("application/zip")
                .header("Content-Disposition", "attachment; filename=\"how-to-lead-upward-v1-cmi5.zip\"");
        byte[] xml = cmi5Xml(response.asByteArray());
        schema().newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        Element course = (Element) document.getElementsByTagNameNS(NS, "course").item(0);
        assertEquals("https://upward.local/courses/how-to-lead-upward", course.getAttribute("id"));
        assertTrue(course.getTextContent().contains("How to Lead Upward"));

        Map<String, Boolean> lessons = rows("""
                SELECT l.lesson_id, l.required FROM lesson l JOIN course_version v ON v.id = l.course_version_id
                WHERE v.course_id = 'how-to-lead-upward' AND v.version = 1""");
        Map<String, Object[]> quizzes = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> found = entityManager.createNativeQuery("""
                    SELECT q.quiz_id, q.pass_percent, q.required FROM quiz_placement q JOIN course_version v ON v.id = q.course_version_id
                    WHERE v.course_id = 'how-to-lead-upward' AND v.version = 1""").getResultList();
            found.forEach(row -> quizzes.put((String) row[0], row));
        });
        assertEquals(15, lessons.size());
        assertEquals(4, quizzes.size());

        NodeList aus = document.getElementsByTagNameNS(NS, "au");
        assertEquals(lessons.size() + quizzes.size(), aus.getLength(), "one AU per lesson and per quiz");
        assertEquals(5, document.getElementsByTagNameNS(NS, "block").getLength(), "one block per module");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < aus.getLength(); i++) {
            Element au = (Element) aus.item(i);
            String id = au.getAttribute("id");
            ids.add(id);
            String url = au.getElementsByTagNameNS(NS, "url").item(0).getTextContent();
            String tail = id.substring("https://upward.local/courses/how-to-lead-upward".length());
            assertEquals("http://localhost:8080/api/v1/cmi5/courses/how-to-lead-upward" + tail, url, "launched on Upward");
            if (tail.startsWith("/lessons/")) {
                boolean required = lessons.get(tail.substring("/lessons/".length()));
                assertEquals(required ? "Completed" : "NotApplicable", au.getAttribute("moveOn"));
                assertEquals("", au.getAttribute("masteryScore"));
            } else {
                Object[] quiz = quizzes.get(tail.substring("/quizzes/".length()));
                int passPercent = ((Number) quiz[1]).intValue();
                assertEquals((Boolean) quiz[2] ? "Passed" : "NotApplicable", au.getAttribute("moveOn"));
                assertEquals(0, new BigDecimal(passPercent).movePointLeft(2).compareTo(new BigDecimal(au.getAttribute("masteryScore"))),
                        "masteryScore is the quiz's pass mark");
                assertEquals("http://adlnet.gov/expapi/activities/assessment", au.getAttribute("activityType"));
            }
        }
        assertEquals(ids.size(), new HashSet<>(ids).size(), "AU ids are unique");
        assertTrue(ids.stream().anyMatch(id -> id.endsWith("/quizzes/four-types-of-power")));
    }

    @Test
    void theAuthorGetsItTooAndOthersAreRefused() {
        given().auth().oauth2(TestTokens.author("author-c", "acme")).get(PATH).then().statusCode(200).contentType("application/zip");
        assertProblem(given().auth().oauth2(TestTokens.learner("learner-c", "acme")).get(PATH), 403);
        assertProblem(given().get(PATH), 401);
        assertProblem(given().auth().oauth2(TestTokens.admin("admin-c", "acme")).get("/api/v1/admin/courses/no-such-course/cmi5"), 404);
        assertProblem(given().auth().oauth2(TestTokens.admin("admin-c", "acme")).get(PATH + "?version=999"), 404);
        assertProblem(given().auth().oauth2(TestTokens.admin("admin-c", "acme")).get(PATH + "?version=0"), 400);
        assertProblem(given().auth().oauth2(TestTokens.admin("admin-c", "acme")).get(PATH + "?version=x"), 400);
        assertProblem(given().auth().oauth2(TestTokens.admin("admin-c", "acme")).get("/api/v1/admin/courses/Bad%20Id/cmi5"), 400);
    }

    private static byte[] packageOf(String token, int version) {
        return given().auth().oauth2(token).get(PATH + "?version=" + version).then().statusCode(200).extract().asByteArray();
    }

    /** The zip holds exactly one file, cmi5.xml, at its root. */
    private static byte[] cmi5Xml(byte[] zip) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry = in.getNextEntry();
            assertEquals("cmi5.xml", entry.getName());
            byte[] xml = in.readAllBytes();
            assertEquals(null, in.getNextEntry(), "nothing else in the package");
            return xml;
        }
    }

    private Schema schema() throws SAXException {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        return factory.newSchema(getClass().getResource("/cmi5/CourseStructure.xsd"));
    }

    private Map<String, Boolean> rows(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> found = entityManager.createNativeQuery(sql).getResultList();
            Map<String, Boolean> result = new HashMap<>();
            found.forEach(row -> result.put((String) row[0], (Boolean) row[1]));
            return result;
        });
    }
}
