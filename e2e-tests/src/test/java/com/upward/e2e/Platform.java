package com.upward.e2e;

import com.upward.stack.Stack;
import com.upward.stack.StackConfig;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Starts the whole platform once for every end-to-end test class (through the same launcher as
 * ./upward up) and stops it when the test run ends.
 */
public class Platform implements BeforeAllCallback {

    private static Stack stack;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (Platform.class) {
            if (stack == null) {
                Path projectRoot = Path.of(System.getProperty("upward.project.root", "..")).toAbsolutePath().normalize();
                Path dataDir = projectRoot.resolve("e2e-tests/target/e2e-stack");
                deleteRecursively(dataDir.resolve("kafka"));
                stack = Stack.start(StackConfig.ephemeral(projectRoot, dataDir), System.out);
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                        .put("upward-stack", (ExtensionContext.Store.CloseableResource) () -> stack.close());
            }
        }
    }

    public static Stack stack() {
        return stack;
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
