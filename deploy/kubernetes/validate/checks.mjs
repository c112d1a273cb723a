// Offline checks of the rendered manifests: each object against the schema of its kind (Kubernetes,
// Strimzi, CloudNativePG), then the rules this project holds every Deployment to.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import * as kubernetes from "kubernetes-models";
import * as strimzi from "@kubernetes-models/strimzi-kafka-operator";
import * as cloudnativePg from "@kubernetes-models/cloudnative-pg";

/** Renders an overlay as kubectl does, offline, and parses every object it prints. */
export function render(overlayDir) {
  const rendered = execFileSync("kubectl", ["kustomize", overlayDir], { encoding: "utf8", maxBuffer: 64 << 20 });
  return parseYaml(rendered);
}

export function parseYaml(text) {
  return parseAllDocuments(text)
    .map((document) => {
      if (document.errors.length > 0) {
        throw new Error(`unreadable YAML: ${document.errors[0].message}`);
      }
      return document.toJS();
    })
    .filter((object) => object != null);
}

/** Model classes by "apiVersion/kind", found by walking what the three packages export. */
const models = new Map();
function collectModels(namespace, seen = new Set()) {
  for (const value of Object.values(namespace)) {
    if (value == null || seen.has(value)) continue;
    seen.add(value);
    if (typeof value === "function" && typeof value.apiVersion === "string" && typeof value.kind === "string") {
      models.set(`${value.apiVersion}/${value.kind}`, value);
    } else if (typeof value === "object") {
      collectModels(value, seen);
    }
  }
}
collectModels(kubernetes);
collectModels(strimzi);
collectModels(cloudnativePg);

export function describe(object) {
  return `${object.kind ?? "?"} ${object.metadata?.name ?? "?"}`;
}

/** Schema errors: a kind no package knows is an error too, so nothing passes unchecked. */
export function schemaErrors(objects) {
  const errors = [];
  for (const object of objects) {
    const model = models.get(`${object.apiVersion}/${object.kind}`);
    if (!model) {
      errors.push(`${describe(object)}: no schema for ${object.apiVersion} ${object.kind}`);
      continue;
    }
    try {
      new model(withUnwrappedSecretData(object)).validate();
    } catch (error) {
      errors.push(`${describe(object)}: ${error.message}`);
    }
  }
  return errors;
}

// kustomize wraps long base64 values over lines; the API server's decoder skips the line breaks.
function withUnwrappedSecretData(object) {
  if (object.kind !== "Secret" || !object.data) return object;
  const data = Object.fromEntries(Object.entries(object.data).map(([key, value]) => [key, String(value).replace(/\s+/g, "")]));
  return { ...object, data };
}

const probes = {
  startupProbe: "/q/health/started",
  readinessProbe: "/q/health/ready",
  livenessProbe: "/q/health/live",
};

// Quarkus' management interface: /q/health and /q/metrics answer only on this port, never on the API's.
const MANAGEMENT = "management";

function find(objects, kind, name) {
  return objects.find((object) => object.kind === kind && object.metadata?.name === name);
}

function matches(selector, labels) {
  return Object.entries(selector ?? {}).every(([key, value]) => labels?.[key] === value);
}

/**
 * The project's rules for a rendered overlay. externalSecrets: the Secrets the cluster provides (never in
 * git). topics: the [name, partitions] pairs the services use, which the KafkaTopics must declare.
 */
export function policyErrors(objects, { externalSecrets = [], topics = [] } = {}) {
  const errors = [];
  const deployments = objects.filter((object) => object.kind === "Deployment");
  if (deployments.length === 0) errors.push("no Deployment rendered");

  for (const deployment of deployments) {
    const where = describe(deployment);
    const pod = deployment.spec?.template?.spec ?? {};
    const podLabels = deployment.spec?.template?.metadata?.labels;
    if (pod.securityContext?.runAsNonRoot !== true) errors.push(`${where}: the pod does not require a non-root user`);
    for (const container of pod.containers ?? []) {
      const at = `${where} container ${container.name}`;
      for (const [probe, path] of Object.entries(probes)) {
        const check = container[probe];
        if (!check) errors.push(`${at}: no ${probe}`);
        else if (check.httpGet?.path !== path) errors.push(`${at}: ${probe} must ask ${path}`);
        else if (check.httpGet?.port !== MANAGEMENT) errors.push(`${at}: ${probe} must ask the ${MANAGEMENT} port`);
      }
      if (!(container.ports ?? []).some((port) => port.name === MANAGEMENT)) {
        errors.push(`${at}: no port named ${MANAGEMENT} (health and metrics answer only there)`);
      }
      for (const resource of ["cpu", "memory"]) {
        if (!container.resources?.requests?.[resource]) errors.push(`${at}: no ${resource} request`);
        if (!container.resources?.limits?.[resource]) errors.push(`${at}: no ${resource} limit`);
      }
      if (container.securityContext?.allowPrivilegeEscalation !== false) {
        errors.push(`${at}: privilege escalation is not turned off`);
      }
      for (const source of container.envFrom ?? []) {
        const name = source.configMapRef?.name;
        if (name && !source.configMapRef.optional && !find(objects, "ConfigMap", name)) {
          errors.push(`${at}: ConfigMap ${name} is not rendered`);
        }
      }
      for (const variable of container.env ?? []) {
        const ref = variable.valueFrom?.secretKeyRef;
        if (ref && !ref.optional && !find(objects, "Secret", ref.name) && !externalSecrets.includes(ref.name)) {
          errors.push(`${at}: Secret ${ref.name} (for ${variable.name}) is neither rendered nor provided by the cluster`);
        }
      }
    }
    const name = deployment.metadata.name;
    const autoscaler = objects.find((o) => o.kind === "HorizontalPodAutoscaler" && o.spec?.scaleTargetRef?.name === name);
    if (!autoscaler) errors.push(`${where}: no HorizontalPodAutoscaler`);
    else if (!(autoscaler.spec.minReplicas >= 1 && autoscaler.spec.maxReplicas >= autoscaler.spec.minReplicas)) {
      errors.push(`${where}: its autoscaler needs 1 <= minReplicas <= maxReplicas`);
    }
    if (!objects.some((o) => o.kind === "PodDisruptionBudget" && matches(o.spec?.selector?.matchLabels, podLabels))) {
      errors.push(`${where}: no PodDisruptionBudget`);
    }
    if (!objects.some((o) => o.kind === "Service" && o.spec?.selector && matches(o.spec.selector, podLabels))) {
      errors.push(`${where}: no Service`);
    }
  }

  for (const service of objects.filter((object) => object.kind === "Service" && object.spec?.selector)) {
    const managementPorts = deployments
      .filter((deployment) => matches(service.spec.selector, deployment.spec?.template?.metadata?.labels))
      .flatMap((deployment) => deployment.spec.template.spec.containers ?? [])
      .flatMap((container) => container.ports ?? [])
      .filter((port) => port.name === MANAGEMENT)
      .map((port) => port.containerPort);
    for (const port of service.spec.ports ?? []) {
      const target = port.targetPort ?? port.port;
      if (target === MANAGEMENT || managementPorts.includes(target)) {
        errors.push(`${describe(service)}: exposes the ${MANAGEMENT} port (metrics and health stay off the network)`);
      }
    }
  }

  for (const ingress of objects.filter((object) => object.kind === "Ingress")) {
    for (const rule of ingress.spec?.rules ?? []) {
      for (const path of rule.http?.paths ?? []) {
        const service = path.backend?.service?.name;
        if (service && !find(objects, "Service", service)) errors.push(`${describe(ingress)}: Service ${service} is not rendered`);
      }
    }
  }

  errors.push(...kafkaErrors(objects, topics));
  errors.push(...postgresErrors(objects, externalSecrets));
  return errors;
}

function kafkaErrors(objects, topics) {
  const errors = [];
  const brokers = objects
    .filter((o) => o.kind === "KafkaNodePool" && (o.spec?.roles ?? []).includes("broker"))
    .reduce((sum, pool) => sum + (pool.spec.replicas ?? 0), 0);
  const declared = new Map(
    objects.filter((o) => o.kind === "KafkaTopic").map((topic) => [topic.spec?.topicName ?? topic.metadata.name, topic]),
  );
  for (const [name, partitions] of topics) {
    const topic = declared.get(name);
    if (!topic) errors.push(`no KafkaTopic for ${name}`);
    else if (topic.spec.partitions !== partitions) {
      errors.push(`KafkaTopic ${name}: ${topic.spec.partitions} partitions, the services expect ${partitions}`);
    }
  }
  for (const [name, topic] of declared) {
    const replicas = topic.spec?.replicas;
    const minInSync = topic.spec?.config?.["min.insync.replicas"];
    if (!(replicas >= 1)) errors.push(`KafkaTopic ${name}: no replicas`);
    else if (replicas > brokers) errors.push(`KafkaTopic ${name}: ${replicas} replicas on ${brokers} brokers`);
    if (!(minInSync >= 1)) errors.push(`KafkaTopic ${name}: no min.insync.replicas`);
    else if (replicas > 1 && minInSync >= replicas) {
      errors.push(`KafkaTopic ${name}: min.insync.replicas ${minInSync} leaves no broker to lose of ${replicas}`);
    }
  }
  return errors;
}

function postgresErrors(objects, externalSecrets) {
  const errors = [];
  const clusters = objects.filter((o) => o.kind === "Cluster" && o.apiVersion?.startsWith("postgresql.cnpg.io/"));
  for (const configMap of objects.filter((o) => o.kind === "ConfigMap")) {
    const url = configMap.data?.QUARKUS_DATASOURCE_JDBC_URL;
    if (!url) continue;
    const parsed = /^jdbc:postgresql:\/\/([^:/]+)(?::\d+)?\/([^?]+)/.exec(url);
    if (!parsed) {
      errors.push(`ConfigMap ${configMap.metadata.name}: unreadable JDBC URL ${url}`);
      continue;
    }
    const [, host, database] = parsed;
    const cluster = clusters.find((c) => host === `${c.metadata.name}-rw`);
    if (!cluster) {
      errors.push(`ConfigMap ${configMap.metadata.name}: ${host} is no CloudNativePG cluster's read-write service`);
      continue;
    }
    const declared = objects.find((o) => o.kind === "Database" && o.spec?.name === database && o.spec?.cluster?.name === cluster.metadata.name);
    if (!declared) errors.push(`no Database ${database} in cluster ${cluster.metadata.name}`);
    else if (!(cluster.spec.managed?.roles ?? []).some((role) => role.name === declared.spec.owner && role.login)) {
      errors.push(`Database ${database}: its owner ${declared.spec.owner} is no login role of the cluster`);
    }
  }
  for (const cluster of clusters) {
    for (const role of cluster.spec?.managed?.roles ?? []) {
      const secret = role.passwordSecret?.name;
      if (secret && !find(objects, "Secret", secret) && !externalSecrets.includes(secret)) {
        errors.push(`Cluster ${cluster.metadata.name}: Secret ${secret} of role ${role.name} is neither rendered nor provided by the cluster`);
      }
    }
  }
  return errors;
}

/** The topics and partitions of the local stack (deploy/stack Topics.java), the one place they are written. */
export function stackTopics(topicsJava) {
  const source = readFileSync(topicsJava, "utf8");
  const constants = Object.fromEntries([...source.matchAll(/String (\w+) = "([^"]+)";/g)].map((m) => [m[1], m[2]]));
  const topics = [...source.matchAll(/new Topic\((\w+)(?: \+ (\w+))?, (\d+)\)/g)].map(([, base, suffix, partitions]) => [
    constants[base] + (suffix ? constants[suffix] : ""),
    Number(partitions),
  ]);
  if (topics.length === 0) throw new Error(`no topics found in ${topicsJava}`);
  return topics;
}

/** The Secrets an overlay expects the cluster to hold (one name a line in external-secrets.txt). */
export function externalSecretsOf(overlayDir) {
  const file = join(overlayDir, "external-secrets.txt");
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .map((line) => line.replace(/#.*/, "").trim())
    .filter(Boolean);
}

/** Every error of one rendered overlay. */
export function check(objects, options) {
  return [...schemaErrors(objects), ...policyErrors(objects, options)];
}
