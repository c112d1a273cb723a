// check-image.mjs against small image tarballs made here: one laid out like a Quarkus fast-jar image run
// by user 185, and copies with one thing wrong each. (The real images are checked by build-images.sh.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const checker = join(dirname(fileURLToPath(import.meta.url)), "..", "check-image.mjs");

/** Writes an image tarball (docker-archive) with one layer holding `files` under /home/jboss. */
function image(dir, { user = "185:185", files, entrypoint, ports = ["8080/tcp", "9000/tcp"] }) {
  const tree = join(dir, "tree");
  for (const file of files) {
    mkdirSync(dirname(join(tree, "home/jboss", file)), { recursive: true });
    writeFileSync(join(tree, "home/jboss", file), "x");
  }
  execFileSync("tar", ["--owner=0", "--group=0", "-czf", join(dir, "layer.tar.gz"), "-C", tree, "home"]);
  const exposed = Object.fromEntries(ports.map((port) => [port, {}]));
  const config = { config: { User: user, WorkingDir: "/home/jboss", Entrypoint: entrypoint, ExposedPorts: exposed } };
  writeFileSync(join(dir, "config.json"), JSON.stringify(config));
  writeFileSync(join(dir, "manifest.json"), JSON.stringify([{ Config: "config.json", RepoTags: ["upward/demo:1"], Layers: ["layer.tar.gz"] }]));
  const tarball = join(dir, "image.tar");
  execFileSync("tar", ["-cf", tarball, "-C", dir, "manifest.json", "config.json", "layer.tar.gz"]);
  return tarball;
}

const fastJar = [
  "quarkus-run.jar", "quarkus/quarkus-application.dat", "lib/boot/runner.jar", "app/demo.jar",
  ...Array.from({ length: 60 }, (_, i) => `lib/main/library-${i}.jar`),
];
const entrypoint = ["java", "-XX:MaxRAMPercentage=75", "-jar", "quarkus-run.jar"];

function check(options) {
  const dir = mkdtempSync(join(tmpdir(), "upward-image-test-"));
  try {
    // These fake images have no java to start; only the listing and config are under test.
    const run = spawnSync("node", [checker, image(dir, options), "demo"], { encoding: "utf8", env: { ...process.env, UPWARD_IMAGE_CHECK_NO_RUN: "1" } });
    return { status: run.status, output: run.stdout + run.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("a fast-jar image run by user 185 passes", () => {
  const { status, output } = check({ files: fastJar, entrypoint });
  assert.equal(status, 0, output);
});

test("an image without a user (root) fails", () => {
  const { status, output } = check({ user: "", files: fastJar, entrypoint });
  assert.equal(status, 1);
  assert.match(output, /not a numeric non-root user/);
});

test("an image whose user is root by name fails", () => {
  const { status, output } = check({ user: "root", files: fastJar, entrypoint });
  assert.equal(status, 1);
  assert.match(output, /not a numeric non-root user/);
});

test("an image without quarkus-run.jar is no fast-jar", () => {
  const { status, output } = check({ files: fastJar.filter((f) => f !== "quarkus-run.jar"), entrypoint });
  assert.equal(status, 1);
  assert.match(output, /no quarkus-run.jar/);
});

test("an entry point that stops the JVM at C1 fails", () => {
  const { status, output } = check({ files: fastJar, entrypoint: ["java", "-XX:MaxRAMPercentage=75", "-XX:TieredStopAtLevel=1", "-jar", "quarkus-run.jar"] });
  assert.equal(status, 1);
  assert.match(output, /must keep C2/);
});

test("an image that does not expose the management port fails", () => {
  const { status, output } = check({ files: fastJar, entrypoint, ports: ["8080/tcp"] });
  assert.equal(status, 1);
  assert.match(output, /management port 9000/);
});
