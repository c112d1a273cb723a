// The checks pass on both overlays as committed, and fail on each kind of mistake they exist to catch.
import { test } from "node:test";
import assert from "node:assert/strict";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { check, externalSecretsOf, render, stackTopics } from "../checks.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const overlays = join(here, "..", "..", "overlays");
const topics = stackTopics(join(here, "../../../../deploy/stack/src/main/java/com/upward/stack/Topics.java"));
const options = (overlay) => ({ externalSecrets: externalSecretsOf(join(overlays, overlay)), topics });
const rendered = { dev: render(join(overlays, "dev")), production: render(join(overlays, "production")) };

/** A deep copy of an overlay's objects with one change made to the named object. */
function changed(overlay, kind, name, change) {
  const objects = structuredClone(rendered[overlay]);
  const target = objects.find((o) => o.kind === kind && o.metadata.name === name);
  assert.ok(target, `${kind} ${name} is rendered`);
  change(target);
  return objects;
}

const container = (deployment) => deployment.spec.template.spec.containers[0];

test("the stack's eight topics are read from Topics.java", () => {
  assert.equal(topics.length, 8);
  assert.deepEqual(topics.find(([name]) => name === "upward.learning"), ["upward.learning", 6]);
  assert.deepEqual(topics.find(([name]) => name === "upward.course.dlq"), ["upward.course.dlq", 1]);
});

for (const overlay of ["dev", "production"]) {
  test(`${overlay} renders four Deployments, Strimzi and CloudNativePG objects, all valid`, () => {
    const kinds = rendered[overlay].map((o) => o.kind);
    assert.equal(kinds.filter((k) => k === "Deployment").length, 4);
    for (const kind of ["Kafka", "KafkaNodePool", "KafkaTopic", "Cluster", "Database", "Ingress", "HorizontalPodAutoscaler"]) {
      assert.ok(kinds.includes(kind), `${overlay} renders a ${kind}`);
    }
    assert.deepEqual(check(rendered[overlay], options(overlay)), []);
  });
}

test("production keeps three copies of each partition and needs two in sync", () => {
  for (const topic of rendered.production.filter((o) => o.kind === "KafkaTopic")) {
    assert.equal(topic.spec.replicas, 3);
    assert.equal(topic.spec.config["min.insync.replicas"], 2);
  }
  const cluster = rendered.production.find((o) => o.kind === "Cluster");
  assert.equal(cluster.spec.instances, 3);
  assert.ok(cluster.spec.backup.barmanObjectStore.destinationPath);
});

test("production holds no Secret: the cluster provides them", () => {
  assert.deepEqual(rendered.production.filter((o) => o.kind === "Secret"), []);
});

test("a Deployment without a readiness probe fails", () => {
  const objects = changed("production", "Deployment", "progress-service", (d) => delete container(d).readinessProbe);
  assert.deepEqual(check(objects, options("production")), ["Deployment progress-service container progress-service: no readinessProbe"]);
});

test("a probe on the wrong health path fails", () => {
  const objects = changed("dev", "Deployment", "gateway", (d) => (container(d).livenessProbe.httpGet.path = "/q/health/ready"));
  assert.deepEqual(check(objects, options("dev")), ["Deployment gateway container gateway: livenessProbe must ask /q/health/live"]);
});

test("a probe on the public port fails: health answers only on the management port", () => {
  const objects = changed("dev", "Deployment", "course-service", (d) => (container(d).readinessProbe.httpGet.port = "http"));
  assert.deepEqual(check(objects, options("dev")), [
    "Deployment course-service container course-service: readinessProbe must ask the management port",
  ]);
});

test("a container without its management port fails", () => {
  const objects = changed("production", "Deployment", "gateway", (d) => {
    container(d).ports = container(d).ports.filter((port) => port.name !== "management");
  });
  assert.deepEqual(check(objects, options("production")), [
    "Deployment gateway container gateway: no port named management (health and metrics answer only there)",
  ]);
});

test("a Service exposing the management port fails", () => {
  const objects = changed("production", "Service", "gateway", (s) =>
    s.spec.ports.push({ name: "metrics", port: 9000, targetPort: "management" }));
  assert.deepEqual(check(objects, options("production")), [
    "Service gateway: exposes the management port (metrics and health stay off the network)",
  ]);
});

test("a Deployment without a memory limit fails", () => {
  const objects = changed("production", "Deployment", "gateway", (d) => delete container(d).resources.limits.memory);
  assert.deepEqual(check(objects, options("production")), ["Deployment gateway container gateway: no memory limit"]);
});

test("a Deployment without any resources fails on each request and limit", () => {
  const objects = changed("dev", "Deployment", "course-service", (d) => delete container(d).resources);
  assert.equal(check(objects, options("dev")).length, 4);
});

test("a pod allowed to run as root fails", () => {
  const objects = changed("dev", "Deployment", "assessment-service", (d) => delete d.spec.template.spec.securityContext.runAsNonRoot);
  assert.deepEqual(check(objects, options("dev")), ["Deployment assessment-service: the pod does not require a non-root user"]);
});

test("a resource quantity the schema refuses fails", () => {
  const objects = changed("dev", "Deployment", "gateway", (d) => (container(d).resources.limits.memory = "lots"));
  const errors = check(objects, options("dev"));
  assert.ok(errors.some((e) => e.startsWith("Deployment gateway: ") && e.includes("limits/memory")), errors.join("\n"));
});

test("a Strimzi topic with a partition count of the wrong type fails its CRD schema", () => {
  const objects = changed("production", "KafkaTopic", "upward-learning", (t) => (t.spec.partitions = "6"));
  const errors = check(objects, options("production"));
  assert.ok(errors.includes("KafkaTopic upward-learning: data/spec/partitions must be integer"), errors.join("\n"));
});

test("a topic with other partitions than the services expect fails", () => {
  const objects = changed("production", "KafkaTopic", "upward-assessment", (t) => (t.spec.partitions = 12));
  assert.deepEqual(check(objects, options("production")), ["KafkaTopic upward.assessment: 12 partitions, the services expect 6"]);
});

test("min.insync.replicas equal to the replicas fails", () => {
  const objects = changed("production", "KafkaTopic", "upward-progress", (t) => (t.spec.config["min.insync.replicas"] = 3));
  assert.deepEqual(check(objects, options("production")), [
    "KafkaTopic upward.progress: min.insync.replicas 3 leaves no broker to lose of 3",
  ]);
});

test("a CloudNativePG cluster field of the wrong type fails its CRD schema", () => {
  const objects = changed("production", "Cluster", "upward-postgres", (c) => (c.spec.instances = "three"));
  const errors = check(objects, options("production"));
  assert.ok(errors.some((e) => e.startsWith("Cluster upward-postgres: ") && e.includes("instances")), errors.join("\n"));
});

test("a database password Secret nobody provides fails", () => {
  const errors = check(rendered.production, { externalSecrets: [], topics });
  assert.ok(errors.includes(
    "Deployment course-service container course-service: Secret course-db-credentials (for QUARKUS_DATASOURCE_USERNAME) is neither rendered nor provided by the cluster",
  ), errors.join("\n"));
});

test("a kind no package has a schema for fails", () => {
  const objects = [...structuredClone(rendered.dev), { apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w" } }];
  assert.deepEqual(check(objects, options("dev")), ["Widget w: no schema for example.com/v1 Widget"]);
});
