// Checks a service's image tarball (SERVICE/target/jib-image.tar) from its file listing and config: the
// Quarkus fast-jar is there in its layers, the image runs as a non-root user, the entry point starts the
// fast-jar with the container JVM flags. As root it also unpacks the layers and runs the image's own
// java as that user (chroot), to show the runtime inside works (UPWARD_IMAGE_CHECK_NO_RUN=1 skips that).
// Usage: node check-image.mjs SERVICE-DIR/target/jib-image.tar [SERVICE-NAME]
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [imageTar, expectedName] = process.argv.slice(2);
if (!imageTar) {
  console.error("usage: node check-image.mjs IMAGE.tar [SERVICE-NAME]");
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), "upward-image-"));
const failures = [];
const expect = (condition, message) => condition || failures.push(message);
try {
  execFileSync("tar", ["-xf", imageTar, "-C", work]);
  const [manifest] = JSON.parse(readFileSync(join(work, "manifest.json"), "utf8"));
  const config = JSON.parse(readFileSync(join(work, manifest.Config), "utf8")).config;
  const files = new Map(); // path -> "uid/gid", the last layer that lists it wins
  for (const layer of manifest.Layers) {
    const listing = execFileSync("tar", ["--warning=no-unknown-keyword", "--numeric-owner", "-tvzf", join(work, layer)], { encoding: "utf8", maxBuffer: 256 << 20 });
    for (const line of listing.split("\n").filter(Boolean)) {
      const fields = line.split(/\s+/);
      files.set(fields.slice(5).join(" ").replace(/^\.?\//, "").replace(/\/$/, ""), fields[1]);
    }
  }

  const workdir = (config.WorkingDir ?? "").replace(/^\//, "");
  const user = config.User ?? "";
  console.log(`${manifest.RepoTags?.join(", ")}: ${manifest.Layers.length} layers, ${files.size} files, user ${user || "(none)"}, working directory /${workdir}`);
  console.log(`entry point: ${(config.Entrypoint ?? []).join(" ")}`);

  if (expectedName) expect(manifest.RepoTags?.some((tag) => tag.includes(`/${expectedName}:`)), `the image is not tagged as ${expectedName}`);
  expect(/^[1-9][0-9]*(:[0-9]+)?$/.test(user), `the image's user is "${user}", not a numeric non-root user`);
  for (const path of ["quarkus-run.jar", "quarkus/quarkus-application.dat", "lib/boot"]) {
    expect(files.has(`${workdir}/${path}`), `no ${path} in /${workdir}: not a Quarkus fast-jar`);
  }
  const appJars = [...files.keys()].filter((path) => path.startsWith(`${workdir}/app/`) && path.endsWith(".jar"));
  expect(appJars.length === 1, `expected the service's own jar in /${workdir}/app, found ${appJars.length}`);
  const libraries = [...files.keys()].filter((path) => path.startsWith(`${workdir}/lib/main/`) && path.endsWith(".jar"));
  expect(libraries.length > 50, `only ${libraries.length} libraries in /${workdir}/lib/main`);
  expect(files.get(`${workdir}/quarkus-run.jar`) === "0/0", "the application's files should belong to root (the service cannot change them)");
  const entrypoint = (config.Entrypoint ?? []).join(" ");
  expect(entrypoint.endsWith("-jar quarkus-run.jar"), "the entry point does not start quarkus-run.jar");
  expect(entrypoint.includes("-XX:MaxRAMPercentage="), "the JVM does not size its heap from the container's memory");
  expect(!entrypoint.includes("TieredStopAtLevel"), "the JVM must keep C2 (the RS256 checks need it)");
  expect((config.ExposedPorts ?? {})["8080/tcp"] !== undefined, "port 8080 is not exposed");
  expect((config.ExposedPorts ?? {})["9000/tcp"] !== undefined, "the management port 9000 (health, metrics) is not exposed");

  if (process.getuid?.() === 0 && failures.length === 0 && process.env.UPWARD_IMAGE_CHECK_NO_RUN !== "1") {
    const root = join(work, "rootfs");
    execFileSync("mkdir", ["-p", root]);
    for (const layer of manifest.Layers) execFileSync("tar", ["--warning=no-unknown-keyword", "-xzf", join(work, layer), "-C", root]);
    // As a container runtime would: a fresh /proc (the JVM finds its libraries through /proc/self/exe).
    const inImage = (...command) =>
      execFileSync("unshare", ["--mount", "--pid", "--fork", `--mount-proc=${join(root, "proc")}`, "chroot", `--userspec=${user}`, root, ...command],
        { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    const uid = inImage("id", "-u").trim();
    expect(uid !== "0", `the image's user runs as uid ${uid}`);
    try {
      const version = inImage("java", "-version");
      console.log(`java -version as uid ${uid} inside the image: ok`);
      void version;
    } catch (error) {
      failures.push(`java does not start inside the image: ${error.stderr?.trim()}`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (failures.length > 0) {
  failures.forEach((failure) => console.log(`  FAILED: ${failure}`));
  process.exit(1);
}
console.log(`${imageTar}: ok`);
