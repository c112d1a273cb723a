package com.upward.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one shape of every service (rest -> service -> persistence, each may use domain), checked from the sources,
 * so a wrong import fails a service's PackageShapeTest before a review. Each service names its own packages.
 */
public final class PackageShape {

    private PackageShape() {
    }

    /**
     * No file of a package imports one of the packages it must not know.
     *
     * @param service the service's root package, e.g. {@code com.upward.course}
     * @param never   a package of the service, and the packages of the service it must not import
     */
    public static void assertImportsRunOneWay(String service, Map<String, List<String>> never) {
        Path sources = sources(service);
        List<String> wrong = new ArrayList<>();
        never.forEach((pkg, above) -> {
            Path dir = sources.resolve(pkg);
            assertTrue(Files.isDirectory(dir), dir + " exists");
            for (Path file : javaFiles(dir, false)) {
                for (String line : lines(file)) {
                    for (String forbidden : above) {
                        if (line.startsWith("import " + service + "." + forbidden + ".")) {
                            wrong.add(file.getFileName() + ": " + line);
                        }
                    }
                }
            }
        });
        assertEquals(List.of(), wrong);
    }

    /** None of the markers (an EntityManager import, a native query, a raw row...) appears outside persistence/. */
    public static void assertOnlyPersistenceQueries(String service, List<String> markers) {
        Path sources = sources(service);
        List<String> wrong = new ArrayList<>();
        for (Path file : javaFiles(sources, true)) {
            if (file.getParent().getFileName().toString().equals("persistence")) {
                continue;
            }
            String source = String.join("\n", lines(file));
            markers.stream().filter(source::contains).findFirst()
                    .ifPresent(marker -> wrong.add(sources.relativize(file) + ": " + marker));
        }
        assertEquals(List.of(), wrong, "queries belong in persistence/");
    }

    private static Path sources(String service) {
        return Path.of("src/main/java", service.split("\\."));
    }

    private static List<Path> javaFiles(Path dir, boolean recursive) {
        try (Stream<Path> files = recursive ? Files.walk(dir) : Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
