package com.upward.course;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The arrows of the README's "Inside" run one way: rest -> service -> persistence, each may use domain (and content,
 * the course file's records and their validator), and nothing below rest knows the API's shapes. Read from the
 * sources, so a wrong import fails here before a review.
 */
class PackageShapeTest {

    private static final Path SOURCES = Path.of("src/main/java/com/upward/course");

    /** Package, and the packages of this service it must not import. */
    private static final Map<String, List<String>> NEVER = Map.of(
            "rest", List.of("persistence"),
            "service", List.of("rest"),
            "persistence", List.of("rest", "service"),
            "domain", List.of("rest", "service", "persistence"),
            "content", List.of("rest", "service", "persistence", "domain", "config"),
            "config", List.of("rest", "service", "persistence", "domain", "content"));

    @Test
    void nothingBelowRestImportsWhatIsAboveIt() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (var rule : NEVER.entrySet()) {
            Path dir = SOURCES.resolve(rule.getKey());
            assertTrue(Files.isDirectory(dir), dir + " exists");
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    for (String line : Files.readAllLines(file)) {
                        for (String above : rule.getValue()) {
                            if (line.startsWith("import com.upward.course." + above + ".")) {
                                wrong.add(file.getFileName() + ": " + line);
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void onlyPersistenceQueries() throws IOException {
        List<String> wrong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                if (!file.getParent().getFileName().toString().equals("persistence")
                        && (source.contains("import jakarta.persistence.EntityManager;") || source.contains("Object[]")
                        || source.contains("PanacheEntityBase") || source.contains("createNativeQuery"))) {
                    wrong.add(SOURCES.relativize(file).toString());
                }
            }
        }
        assertEquals(List.of(), wrong, "an EntityManager, a query, an active record or a raw row outside persistence/");
    }
}
