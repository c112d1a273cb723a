// Renders every overlay with kubectl kustomize and checks what it renders (checks.mjs), offline.
// Usage: node validate.mjs [overlay-dir ...]   (default: every folder under ../overlays)
import { readdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { check, externalSecretsOf, render, stackTopics } from "./checks.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = join(here, "..", "..", "..");
const overlaysDir = join(here, "..", "overlays");
const overlays = process.argv.length > 2
  ? process.argv.slice(2)
  : readdirSync(overlaysDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => join(overlaysDir, e.name));
const topics = stackTopics(join(projectRoot, "deploy/stack/src/main/java/com/upward/stack/Topics.java"));

let failed = 0;
for (const overlay of overlays) {
  const name = relative(projectRoot, overlay);
  const objects = render(overlay);
  const errors = check(objects, { externalSecrets: externalSecretsOf(overlay), topics });
  if (errors.length === 0) {
    console.log(`${name}: ${objects.length} objects, valid`);
  } else {
    failed++;
    console.log(`${name}: ${errors.length} errors`);
    errors.forEach((error) => console.log(`  ${error}`));
  }
}
process.exit(failed === 0 ? 0 : 1);
