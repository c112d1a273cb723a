package com.upward.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real npm peers of the tests (an LRS, an LTI tool), installed by npm itself from the registry into a cache
 * directory ({@code upward.test.npm-cache}, default {@code ~/.cache/upward/npm}), once: a fresh clone needs only
 * Node.js, npm and the registry.
 */
final class NpmPackages {

    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);

    private NpmPackages() {
    }

    /**
     * The directory {@code name} under the cache, with the packages installed unless {@code installed} (a path in it)
     * exists already; a file lock keeps modules built side by side from racing.
     */
    static Path install(String name, List<String> packages, String installed) {
        Path home = Path.of(System.getProperty("upward.test.npm-cache",
                Path.of(System.getProperty("user.home"), ".cache", "upward", "npm").toString()), name);
        try {
            Files.createDirectories(home);
            try (FileChannel channel = FileChannel.open(home.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (Files.exists(home.resolve(installed))) {
                    return home;
                }
                if (!Files.exists(home.resolve("package.json"))) {
                    Files.writeString(home.resolve("package.json"), "{\"name\":\"upward-test-" + name.replaceAll("[^a-z0-9-]", "-")
                            + "\",\"private\":true}\n");
                }
                List<String> command = new ArrayList<>(List.of("npm", "install", "--no-audit", "--no-fund", "--loglevel=error"));
                command.addAll(packages);
                Process npm = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("npm-install.log").toFile())).start();
                if (!npm.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || npm.exitValue() != 0) {
                    npm.destroyForcibly();
                    throw new IllegalStateException("npm install " + String.join(" ", packages) + " failed; see "
                            + home.resolve("npm-install.log"));
                }
                return home;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not install " + packages + " into " + home, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
