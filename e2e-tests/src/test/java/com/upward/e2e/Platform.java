package com.upward.e2e;

import com.upward.stack.Stack;
import com.upward.stack.StackConfig;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Starts the whole platform once for every end-to-end test class (through the same launcher as
 * ./upward up) and stops it when the test run ends. The stack trusts platform-testing's test key pair.
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
                trustTheTestKeys(dataDir.resolve("keys"));
                // -Dupward.e2e.replicas=2 runs the same tests against two instances of each backend service.
                int replicas = Integer.parseInt(System.getProperty("upward.e2e.replicas", "1"));
                stack = Stack.start(StackConfig.ephemeral(projectRoot, dataDir, replicas), System.out);
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                        .put("upward-stack", (ExtensionContext.Store.CloseableResource) () -> stack.close());
            }
        }
    }

    public static Stack stack() {
        return stack;
    }

    /**
     * The launcher keeps the key pair it finds in its keys folder: give it platform-testing's test pair, so the
     * gateway signs with it and every service trusts it, and a test can sign any token with TestTokens.
     */
    private static void trustTheTestKeys(Path keys) throws IOException {
        Files.createDirectories(keys);
        for (String name : new String[] {"jwt-private.pem", "jwt-public.pem"}) {
            try (InputStream pem = Platform.class.getClassLoader().getResourceAsStream("META-INF/upward-test-keys/" + name)) {
                if (pem == null) {
                    throw new IOException("platform-testing's " + name + " is not on the class path");
                }
                Files.copy(pem, keys.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
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
