package com.upward.reliability;

import com.upward.stack.JwtKeys;
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
 * Starts the packaged platform once for every fault test class (through the same launcher as ./upward up)
 * and stops it when the run ends. Each test leaves every part running again when it finishes.
 * A class that needs several instances of each backend service uses {@link Replicated}: the stack is then
 * replaced by one with that many (the classes run in name order, see the POM, so this happens once).
 */
public class FaultStack implements BeforeAllCallback {

    private static Stack stack;
    private static Path dataDir;
    private static int replicas;

    /** Two instances of each backend service behind the one gateway. */
    public static class Replicated extends FaultStack {
        @Override
        protected int replicas() {
            return 2;
        }
    }

    protected int replicas() {
        return 1;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (FaultStack.class) {
            int wanted = replicas();
            if (stack != null && replicas != wanted) {
                // Two stacks side by side would double the JVMs on a small machine: the old one goes first.
                stack.close();
                stack = null;
            }
            if (stack == null) {
                Path projectRoot = Path.of(System.getProperty("upward.project.root", "..")).toAbsolutePath().normalize();
                dataDir = projectRoot.resolve("reliability-tests/target/fault-stack" + (wanted == 1 ? "" : "-" + wanted + "-replicas"));
                deleteRecursively(dataDir.resolve("kafka"));
                stack = Stack.start(StackConfig.ephemeral(projectRoot, dataDir, wanted), System.out);
                replicas = wanted;
                // The root store closes an AutoCloseable value when the whole run ends.
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put("upward-fault-stack", stack);
            }
        }
    }

    public static Stack stack() {
        return stack;
    }

    /** The stack's own token keys: the tests sign learner tokens as the gateway's local issuer does. */
    public static JwtKeys keys() throws IOException {
        return JwtKeys.ensure(dataDir.resolve("keys"));
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
