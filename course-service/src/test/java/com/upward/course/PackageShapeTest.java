package com.upward.course;

import com.upward.platform.testing.PackageShape;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/**
 * The arrows of the README's "Inside" run one way: rest -> service -> persistence, each may use domain (and content,
 * the course file's records and their validator), and nothing below rest knows the API's shapes. Read from the
 * sources, so a wrong import fails here before a review.
 */
class PackageShapeTest {

    /** Package, and the packages of this service it must not import. */
    private static final Map<String, List<String>> NEVER = Map.of(
            "rest", List.of("persistence"),
            "service", List.of("rest"),
            "persistence", List.of("rest", "service"),
            "domain", List.of("rest", "service", "persistence"),
            "content", List.of("rest", "service", "persistence", "domain", "config"),
            "config", List.of("rest", "service", "persistence", "domain", "content"));

    @Test
    void nothingBelowRestImportsWhatIsAboveIt() {
        PackageShape.assertImportsRunOneWay("com.upward.course", NEVER);
    }

    @Test
    void onlyPersistenceQueries() {
        PackageShape.assertOnlyPersistenceQueries("com.upward.course", List.of("import jakarta.persistence.EntityManager;", "Object[]", "PanacheEntityBase", "createNativeQuery"));
    }
}
