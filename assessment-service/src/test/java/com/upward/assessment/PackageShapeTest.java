package com.upward.assessment;

import com.upward.platform.testing.PackageShape;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/**
 * The arrows of the README's "Inside" run one way: rest -> service -> persistence, each may use domain, and nothing
 * below rest knows the API's shapes. Read from the sources, so a wrong import fails here before a review.
 */
class PackageShapeTest {

    /** Package, and the packages of this service it must not import. */
    private static final Map<String, List<String>> NEVER = Map.of(
            "service", List.of("rest"),
            "persistence", List.of("rest", "service"),
            "domain", List.of("rest", "service", "persistence"),
            "bank", List.of("rest", "service", "persistence", "domain"));

    @Test
    void nothingBelowRestImportsWhatIsAboveIt() {
        PackageShape.assertImportsRunOneWay("com.upward.assessment", NEVER);
    }

    @Test
    void onlyPersistenceQueries() {
        PackageShape.assertOnlyPersistenceQueries("com.upward.assessment", List.of("import jakarta.persistence.EntityManager;"));
    }
}
