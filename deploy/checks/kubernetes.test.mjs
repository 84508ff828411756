// Builds every Kustomize overlay under deploy/k8s/overlays (and deploy/k8s/monitoring) with `kubectl kustomize`,
// validates each object against the Kubernetes schemas (npm kubernetes-models, @kubernetes-models/external-secrets for
// the ExternalSecret and @kubernetes-models/prometheus-operator for the PodMonitor, pinned in .ci/node), and checks what the deployment relies on: probes on the management port the application really uses,
// resources, non-root pods, nothing secret committed, the backup and migration commands motel-admin really has.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const modules = join(root, '.ci/node/node_modules');
const { parseAllDocuments } = await import(pathToFileURL(join(modules, 'yaml/dist/index.js')).href);

/** Every kustomization under a directory that builds on its own (components only take part in one). */
function kustomizations(directory) {
  const found = [];
  for (const entry of readdirSync(directory)) {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) found.push(...kustomizations(path));
    else if (entry === 'kustomization.yaml' && !/^kind: Component$/m.test(readFileSync(path, 'utf8'))) found.push(directory);
  }
  return found;
}

function build(directory) {
  const output = execFileSync('kubectl', ['kustomize', directory], { encoding: 'utf8' });
  return parseAllDocuments(output).map((document) => {
    assert.deepEqual(document.errors, [], `${directory}: kubectl kustomize printed YAML that does not parse`);
    return document.toJS();
  });
}

/**
 * The schema validator of an object's apiVersion and kind: the compiled JSON schema a kubernetes-models class checks
 * its objects with (called directly, on the object itself, so that unknownFields can watch what it reads).
 */
async function validatorOf({ apiVersion, kind }) {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : [null, apiVersion];
  const packages = { 'external-secrets.io': 'external-secrets', 'monitoring.coreos.com': 'prometheus-operator' };
  const model = packages[group]
    ? join(modules, '@kubernetes-models', packages[group], group, version, `${kind}.js`)
    : join(modules, 'kubernetes-models', group ?? '', version, `${kind}.js`);
  let source;
  try {
    source = readFileSync(model, 'utf8');
  } catch {
    return null;
  }
  const schema = source.match(/import\{validate\}from"([^"]+_schemas\/[^"]+\.js)"/);
  assert.ok(schema, `${model} names no schema`);
  return (await import(pathToFileURL(join(dirname(model), schema[1])).href)).validate;
}

/**
 * The fields of an object that its schema does not know (a typo such as `replica:` passes a schema that allows any
 * extra field, as Kubernetes' own do, and the API server would drop it). The validator reads each property its schema
 * names and enumerates only free-form maps (labels, data); a field it never read is unknown.
 */
function unknownFields(object, validate) {
  const records = new WeakMap();
  const watch = (value) => {
    if (value === null || typeof value !== 'object') return value;
    const record = { read: new Set(), enumerated: false };
    records.set(value, record);
    return new Proxy(value, {
      get: (target, key) => {
        if (typeof key === 'string') record.read.add(key);
        return watch(target[key]);
      },
      has: (target, key) => {
        if (typeof key === 'string') record.read.add(key);
        return key in target;
      },
      ownKeys: (target) => {
        record.enumerated = true;
        return Reflect.ownKeys(target);
      },
    });
  };
  validate(watch(object));
  const unknown = [];
  const walk = (value, path) => {
    if (value === null || typeof value !== 'object') return;
    const record = records.get(value);
    for (const key of Object.keys(value)) {
      if (!Array.isArray(value) && record && !record.enumerated && !record.read.has(key)) unknown.push(`${path}.${key}`);
      walk(value[key], `${path}.${key}`);
    }
  };
  walk(object, '');
  return unknown;
}

/** What is wrong with an object by its schema: invalid values, then unknown fields. */
async function schemaProblems(object) {
  const validate = await validatorOf(object);
  if (!validate) return [`no schema for ${object.apiVersion} ${object.kind}`];
  const problems = validate(structuredClone(object)) ? [] : validate.errors.map((e) => `${e.instancePath}: ${e.keyword} ${JSON.stringify(e.params)}`);
  return [...problems, ...unknownFields(structuredClone(object), validate).map((field) => `unknown field ${field}`)];
}

/** The management port of a deployable, as its application.yml sets it. */
function managementPort(module) {
  const text = readFileSync(join(root, module, 'src/main/resources/application.yml'), 'utf8');
  const match = text.match(/^management:\n {2}server:\n {4}port: (\d+)$/m);
  assert.ok(match, `${module}/src/main/resources/application.yml sets no management.server.port`);
  return Number(match[1]);
}

/** Whether motel-admin has a command with this path (`db migrate`): each word an @Command name in bootstrap-cli. */
function cliHasCommand(words) {
  const sources = join(root, 'bootstrap-cli/src/main/java/com/westbethel/motel/bootstrap/cli');
  const text = readdirSync(sources).map((file) => readFileSync(join(sources, file), 'utf8')).join('\n');
  return words.every((word) => text.includes(`@Command(name = "${word}"`));
}

const overlays = [...kustomizations(join(root, 'deploy/k8s/overlays')), join(root, 'deploy/k8s/monitoring')];
const built = new Map(overlays.map((directory) => [relative(root, directory), build(directory)]));
const everything = [...built.values()].flat();
const deployables = { 'motel-api': 'bootstrap-api', 'motel-worker': 'bootstrap-worker' };

test('every overlay builds', () => {
  assert.ok(overlays.length >= 6, `only ${overlays.length} overlays found`);
  for (const [directory, objects] of built) assert.ok(objects.length > 0, `${directory} builds nothing`);
});

test('every object is valid against the Kubernetes schemas, with no unknown field', async () => {
  for (const [directory, objects] of built) {
    for (const object of objects) {
      assert.deepEqual(await schemaProblems(object), [], `${directory}: ${object.kind} ${object.metadata.name}`);
    }
  }
});

test('a schema violation and an unknown field are caught', async () => {
  const deployment = everything.find((o) => o.kind === 'Deployment');
  const broken = structuredClone(deployment);
  broken.spec.replicas = 'two';
  broken.spec.template.spec.containers[0].livenessProbe.httpGet.prot = 8081;
  const problems = await schemaProblems(broken);
  assert.ok(problems.includes('/spec/replicas: type {"type":"integer"}'), problems.join('; '));
  assert.ok(problems.includes('unknown field .spec.template.spec.containers.0.livenessProbe.httpGet.prot'), problems.join('; '));
  const secret = structuredClone(everything.find((o) => o.kind === 'ExternalSecret'));
  secret.spec.data[0].remoteRef.kee = secret.spec.data[0].remoteRef.key;
  delete secret.spec.data[0].remoteRef.key;
  assert.ok((await schemaProblems(secret)).length >= 2);
  assert.deepEqual(await schemaProblems({ apiVersion: 'example.com/v1', kind: 'Thing', metadata: { name: 'x' } }),
    ['no schema for example.com/v1 Thing']);
});

test('the PodMonitor scrapes the management port under the job names the alerts look for', () => {
  const [monitor] = everything.filter((o) => o.kind === 'PodMonitor');
  assert.equal(monitor.spec.jobLabel, 'app.kubernetes.io/name');
  assert.deepEqual(monitor.spec.selector.matchExpressions[0].values, Object.keys(deployables));
  assert.equal(monitor.spec.podMetricsEndpoints[0].port, 'management');
  const alerts = readFileSync(join(root, 'monitoring/prometheus/alerts.yml'), 'utf8');
  for (const job of Object.keys(deployables)) assert.match(alerts, new RegExp(`job="${job}"`), `alerts.yml looks for job ${job}`);
});

test('the API and the worker are probed on the management port their application.yml sets', () => {
  for (const deployment of everything.filter((o) => o.kind === 'Deployment')) {
    const name = deployment.spec.template.metadata.labels['app.kubernetes.io/name'];
    const port = managementPort(deployables[name]);
    const [container] = deployment.spec.template.spec.containers;
    const management = container.ports.find((p) => p.name === 'management');
    assert.equal(management?.containerPort, port, `${deployment.metadata.name}: management port`);
    assert.equal(container.livenessProbe.httpGet.path, '/actuator/health/liveness');
    assert.equal(container.readinessProbe.httpGet.path, '/actuator/health/readiness');
    for (const probe of [container.startupProbe, container.livenessProbe, container.readinessProbe]) {
      assert.equal(probe.httpGet.port, 'management', `${deployment.metadata.name}: a probe not on the management port`);
    }
  }
});

test('every container has resources, runs as a non-root user and cannot escalate', () => {
  for (const object of everything) {
    const pod = object.spec?.template?.spec ?? object.spec?.jobTemplate?.spec?.template?.spec;
    if (!pod) continue;
    assert.equal(pod.securityContext?.runAsNonRoot, true, `${object.kind} ${object.metadata.name}: runAsNonRoot`);
    for (const container of [...(pod.initContainers ?? []), ...pod.containers]) {
      const where = `${object.kind} ${object.metadata.name}, container ${container.name}`;
      assert.ok(container.resources?.requests?.cpu && container.resources?.requests?.memory, `${where}: requests`);
      assert.ok(container.resources?.limits?.memory, `${where}: memory limit`);
      assert.equal(container.securityContext?.allowPrivilegeEscalation, false, `${where}: allowPrivilegeEscalation`);
      assert.doesNotMatch(container.image, /:latest$|^[^:]+$/, `${where}: image ${container.image} has no tag`);
    }
  }
});

test('the API has an autoscaler and both deployables a disruption budget', () => {
  for (const [directory, objects] of built) {
    const deployments = objects.filter((o) => o.kind === 'Deployment');
    for (const deployment of deployments) {
      const labels = deployment.spec.selector.matchLabels;
      const budget = objects.find((o) => o.kind === 'PodDisruptionBudget'
        && Object.entries(o.spec.selector.matchLabels).every(([k, v]) => labels[k] === v));
      assert.ok(budget, `${directory}: no PodDisruptionBudget for ${deployment.metadata.name}`);
      if (labels['app.kubernetes.io/name'] === 'motel-api') {
        const scaler = objects.find((o) => o.kind === 'HorizontalPodAutoscaler' && o.spec.scaleTargetRef.name === deployment.metadata.name);
        assert.ok(scaler, `${directory}: no HorizontalPodAutoscaler for ${deployment.metadata.name}`);
      }
    }
  }
});

test('nothing secret is committed: no Secret objects, only references to the secret store', () => {
  assert.deepEqual(everything.filter((o) => o.kind === 'Secret').map((o) => o.metadata.name), []);
  for (const configMap of everything.filter((o) => o.kind === 'ConfigMap')) {
    for (const key of Object.keys(configMap.data)) {
      assert.doesNotMatch(key, /PASSWORD|SIGNINGKEY|ENCRYPTIONKEY|HMACKEY|MANAGELINKKEY|UNSUBSCRIBEKEY|TOKEN/, `ConfigMap key ${key}`);
    }
  }
  const secretKeys = everything.filter((o) => o.kind === 'ExternalSecret').flatMap((o) => o.spec.data.map((d) => d.secretKey));
  for (const required of ['SPRING_DATASOURCE_PASSWORD', 'MOTEL_SECURITY_JWT_SIGNINGKEY', 'MOTEL_SECURITY_MFAENCRYPTIONKEY',
    'MOTEL_NOTIFICATIONS_UNSUBSCRIBEKEY', 'MOTEL_BOOKING_MANAGELINKKEY', 'MOTEL_AUDIT_HMACKEY']) {
    assert.ok(secretKeys.includes(required), `the ExternalSecret lacks ${required}`);
  }
});

test('only the ingress controller reaches the API, only monitoring the management ports', () => {
  for (const [directory, objects] of built) {
    if (!objects.some((o) => o.kind === 'Ingress')) continue;
    const policies = objects.filter((o) => o.kind === 'NetworkPolicy');
    const denyAll = policies.find((p) => Object.keys(p.spec.podSelector).length === 0 && p.spec.policyTypes.includes('Ingress'));
    assert.ok(denyAll && !denyAll.spec.ingress, `${directory}: no default deny of ingress`);
    const fromNamespaces = (port) => policies.flatMap((p) => (p.spec.ingress ?? [])
      .filter((rule) => rule.ports.some((rulePort) => rulePort.port === port))
      .flatMap((rule) => rule.from.map((peer) => peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'])));
    assert.deepEqual(fromNamespaces(8080), ['ingress-nginx'], `${directory}: who reaches 8080`);
    for (const port of Object.values(deployables).map(managementPort)) {
      assert.deepEqual(fromNamespaces(port), ['monitoring'], `${directory}: who reaches ${port}`);
    }
    const ingress = objects.find((o) => o.kind === 'Ingress');
    assert.deepEqual(ingress.spec.tls[0].hosts, [ingress.spec.rules[0].host], `${directory}: the certificate covers the host`);
  }
});

test('the backup CronJob and the migration Job run commands motel-admin has', () => {
  const script = (container) => [...(container.command ?? []), ...(container.args ?? [])].join(' ');
  const cronJobs = everything.filter((o) => o.kind === 'CronJob');
  const jobs = everything.filter((o) => o.kind === 'Job');
  assert.ok(cronJobs.length >= 2 && jobs.length >= 2, 'a CronJob and a Job in each environment');
  for (const cronJob of cronJobs) {
    const steps = cronJob.spec.jobTemplate.spec.template.spec.initContainers.map(script).join('\n');
    assert.match(steps, /motel-admin backup create --dir \/backups/);
    assert.match(steps, /motel-admin backup verify/);
  }
  for (const job of jobs) {
    assert.deepEqual(job.spec.template.spec.containers[0].args, ['db', 'migrate']);
    assert.equal(job.spec.backoffLimit, 0);
  }
  assert.ok(cliHasCommand(['backup', 'create', 'verify']), 'motel-admin has backup create and backup verify');
  assert.ok(cliHasCommand(['db', 'migrate']), 'motel-admin has db migrate');
});
