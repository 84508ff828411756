// What the deployment workflows rely on in the other files, checked offline: the images they push are the ones the
// overlays deploy; their smoke paths are routes adapters-web maps and lets anyone GET; each environment has its common/
// (applied before the migration Job) and cluster/ (the namespace and the deploy group's rights, which Terraform's access
// entry names); the rollback never follows a passed watch; production deploys by digest what it scanned; the trusted
// proxies are the VPC's subnets; the heap leaves room in the container; SMTP uses STARTTLS; actions are pinned by SHA.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path) => readFileSync(join(root, path), 'utf8');
const { parse, parseAllDocuments } = await import(pathToFileURL(join(root, '.ci/node/node_modules/yaml/dist/index.js')).href);

const workflows = ['cd-staging.yml', 'cd-production.yml'].map((name) => ({ ...parse(read(`.github/workflows/${name}`)), file: name }));
const environments = ['staging', 'production'];
const web = join(root, 'adapters-web/src/main/java');

function javaSources(directory) {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return javaSources(path);
    return entry.name.endsWith('.java') ? [readFileSync(path, 'utf8')] : [];
  });
}
const sources = javaSources(web);
const security = sources.find((s) => /class SecurityConfiguration\b/.test(s));

/** Whether a controller of adapters-web maps GET on this exact path (a class-level @RequestMapping prefix included). */
function mapsGet(path, javaFiles) {
  return javaFiles.some((source) => {
    if (!/@(Rest)?Controller\b/.test(source)) return false;
    const prefix = source.match(/^@RequestMapping\("([^"]*)"\)/m)?.[1] ?? '';
    return [...source.matchAll(/@GetMapping\(\s*(?:\{([^}]*)\}|"([^"]*)")/g)].some((m) => {
      const paths = m[1] ? [...m[1].matchAll(/"([^"]*)"/g)].map((p) => p[1]) : [m[2]];
      return paths.some((p) => `${prefix}${p}` === path);
    });
  });
}

/** Whether SecurityConfiguration lets anyone GET this path: named in a GET (or any-method) permitAll matcher. */
function permitsAnonymousGet(path, configuration) {
  const quoted = `"${path}"`;
  const constants = Object.fromEntries([...configuration.matchAll(/static final String\[\] (\w+) = \{([^}]*)\}/g)]
    .map((m) => [m[1], m[2]]));
  return [...configuration.matchAll(/\.requestMatchers\(([^)]*)\)\s*\.permitAll\(\)/g)].some((m) => {
    const args = m[1];
    if (/HttpMethod\.(?!GET)\w+/.test(args)) return false;
    return args.includes(quoted) || args.split(',').map((a) => a.trim()).some((a) => constants[a]?.includes(quoted));
  });
}

test('the images the workflows push are the images the overlays deploy, from real Dockerfile stages', () => {
  const stages = [...read('deploy/docker/Dockerfile').matchAll(/^FROM \S+ AS (\S+)$/gm)].map((m) => m[1]);
  for (const environment of environments) {
    const component = parse(read(`deploy/k8s/overlays/${environment}/images/kustomization.yaml`));
    const deployed = component.images.map((i) => i.name).sort();
    assert.deepEqual(component.images.map((i) => i.newName.split('/').pop()).sort(), deployed, `${environment}: newName keeps the name`);
    const workflow = workflows.find((w) => w.file === `cd-${environment}.yml`);
    const matrix = workflow.jobs.images.strategy.matrix.include;
    assert.deepEqual(matrix.map((m) => m.image).sort(), deployed, `${workflow.file}: pushed images`);
    for (const { target } of matrix) assert.ok(stages.includes(target), `${workflow.file}: no Dockerfile stage ${target}`);
    const push = workflow.jobs.images.steps.find((s) => s.uses?.startsWith('docker/build-push-action')).with.tags;
    assert.match(push, /\$\{\{ env\.REGISTRY \}\}\/\$\{\{ matrix\.image \}\}:/, `${workflow.file}: the tag names matrix.image`);
    const setImage = workflow.jobs.deploy.steps.map((s) => s.run ?? '').find((r) => r.includes('kustomize edit set image'));
    assert.deepEqual(setImage.match(/for image in ([^;]+);/)[1].trim().split(/\s+/).sort(), deployed, `${workflow.file}: images set`);
  }
  const scan = parse(read('.github/workflows/security-scan.yml')).jobs.images.strategy.matrix.include;
  assert.deepEqual(scan.map((m) => m.image).sort(), ['motel-admin', 'motel-api', 'motel-worker']);
});

test('the smoke paths are routes adapters-web maps and lets anyone GET', () => {
  for (const workflow of workflows) {
    const paths = workflow.jobs.deploy.env.SMOKE_PATHS.split(/\s+/);
    assert.ok(paths.length >= 2, `${workflow.file}: smoke paths`);
    for (const path of paths) {
      assert.ok(mapsGet(path, sources), `${workflow.file}: no controller maps GET ${path}`);
      assert.ok(permitsAnonymousGet(path, security), `${workflow.file}: GET ${path} needs a login`);
    }
  }
});

test('a route nobody maps, or one behind a login, is caught', () => {
  assert.equal(mapsGet('/api/v1/properties', sources), false);
  assert.equal(permitsAnonymousGet('/api/v1/properties', security), false);
  assert.equal(permitsAnonymousGet('/staff', security), false);
  const fixture = '@RestController\n@RequestMapping("/api/v1")\nclass X {\n  @GetMapping({"/a", "/b"})\n}';
  assert.ok(mapsGet('/api/v1/b', [fixture]));
  assert.equal(mapsGet('/b', [fixture]), false);
  const rules = 'static final String[] OPEN = {"/x"};\n.requestMatchers(HttpMethod.POST, "/y").permitAll()\n.requestMatchers(OPEN).permitAll()';
  assert.ok(permitsAnonymousGet('/x', rules));
  assert.equal(permitsAnonymousGet('/y', rules), false);
});

test('each environment applies common/ before its migration Job, and cluster/ grants the group Terraform maps', () => {
  const group = read('deploy/terraform/modules/iam/variables.tf')
    .match(/variable "deploy_kubernetes_group" \{[^}]*default\s*=\s*"([^"]+)"/)[1];
  for (const environment of environments) {
    const overlay = `deploy/k8s/overlays/${environment}`;
    for (const part of ['common', 'migrate', 'cluster']) assert.ok(existsSync(join(root, overlay, part, 'kustomization.yaml')), `${overlay}/${part}`);
    const common = build(`${overlay}/common`);
    for (const [kind, name] of [['ServiceAccount', 'motel-backup'], ['ConfigMap', 'motel-config'], ['ExternalSecret', 'motel-secrets']]) {
      assert.ok(common.some((o) => o.kind === kind && o.metadata.name === name), `${overlay}/common lacks ${kind} ${name}`);
    }
    const job = build(`${overlay}/migrate`).find((o) => o.kind === 'Job');
    assert.equal(job.spec.template.spec.serviceAccountName, 'motel-backup', 'the Job runs as the account common/ makes');
    const cluster = build(`${overlay}/cluster`);
    const namespace = `motel-${environment}`;
    assert.ok(cluster.some((o) => o.kind === 'Namespace' && o.metadata.name === namespace), `${overlay}/cluster: Namespace`);
    const bindings = cluster.filter((o) => o.kind === 'RoleBinding');
    assert.ok(bindings.length > 0 && bindings.every((b) => b.subjects.every((s) => s.kind === 'Group' && s.name === group)),
      `${overlay}/cluster: bound to group ${group}`);
    assert.deepEqual([...new Set(bindings.map((b) => b.metadata.namespace))].sort(), ['monitoring', namespace].sort());
    const role = cluster.find((o) => o.kind === 'Role' && o.metadata.namespace === 'monitoring');
    assert.deepEqual(role.rules, [{ apiGroups: [''], resources: ['services/proxy'], verbs: ['get'] }], 'monitoring: the proxy only');
  }
  for (const workflow of workflows) {
    const runs = workflow.jobs.deploy.steps.map((s) => s.run ?? '');
    const migrate = runs.findIndex((r) => r.includes('scripts/cluster-migrate.sh "$OVERLAY" "$NAMESPACE"'));
    const rollout = runs.findIndex((r) => /kubectl apply -k "\$OVERLAY"$/m.test(r));
    assert.ok(migrate >= 0 && migrate < rollout, `${workflow.file}: common/ and the migration before the rollout`);
    assert.equal(workflow.jobs.deploy.permissions['id-token'], 'write', `${workflow.file}: OIDC token`);
  }
  const script = read('scripts/cluster-migrate.sh');
  assert.ok(script.indexOf('apply -k "$overlay/common"') < script.indexOf('apply -k "$overlay/migrate"'));
  assert.match(script, /\*" Failed "\*\)/, 'a failed Job ends the wait at once');
});

test('production rolls back on a failed check, a firing alert or a cancel, never after the watch passed', () => {
  const steps = workflows.find((w) => w.file === 'cd-production.yml').jobs.deploy.steps;
  const named = (name) => steps.find((s) => s.name === name);
  const rollback = named('Roll back').if;
  for (const clause of ['failure()', 'cancelled()', "steps.watch.outcome != 'success'", "steps.watch.outputs.verdict != 'unknown'"]) {
    assert.ok(rollback.includes(clause), `Roll back: ${clause}`);
  }
  assert.equal(named('Retire the old slot')['continue-on-error'], true);
  assert.equal(named('Watch the alerts').id, 'watch');
  const names = steps.map((s) => s.name);
  assert.ok(names.indexOf('Prometheus answers and scrapes the API') < names.indexOf('Switch the Service to the new slot'));
  assert.doesNotMatch(steps.map((s) => s.run ?? '').join('\n'), /port-forward[^\n]*prometheus/i, 'no port-forward to Prometheus');
});

test('production deploys by digest the images it scanned as pushed', () => {
  const { jobs } = workflows.find((w) => w.file === 'cd-production.yml');
  const scan = jobs.images.steps.find((s) => s.uses?.startsWith('aquasecurity/trivy-action'));
  assert.equal(scan.with['image-ref'], '${{ env.REGISTRY }}/${{ matrix.image }}@${{ steps.build.outputs.digest }}');
  const set = jobs.deploy.steps.map((s) => s.run ?? '').find((r) => r.includes('kustomize edit set image'));
  assert.match(set, /"\$image=\$REGISTRY\/\$image@\$digest"/);
});

/** The addresses of an IPv4 CIDR block as [first, last] numbers; Terraform's cidrsubnet(block, bits, n). */
const ip = (text) => text.split('.').reduce((n, part) => n * 256 + Number(part), 0);
const dotted = (n) => [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
function cidrsubnet(block, bits, index) {
  const [address, length] = block.split('/');
  const size = 2 ** (32 - Number(length) - bits);
  const first = ip(address) + index * size;
  return [first, first + size - 1];
}

test('the API trusts X-Forwarded-For only from the VPC subnets Terraform makes for the ALB and the nodes', () => {
  const network = read('deploy/terraform/modules/network/main.tf');
  const vpc = read('deploy/terraform/environments/production/variables.tf').match(/variable "vpc_cidr_block" \{[^}]*default\s*=\s*"([^"]+)"/)[1];
  const zones = Number(read('deploy/terraform/environments/production/variables.tf').match(/variable "zone_count" \{[^}]*default\s*=\s*(\d+)/)[1]);
  const subnet = (tier) => network.match(new RegExp(`resource "aws_subnet" "${tier}" \\{[\\s\\S]*?cidrsubnet\\(var\\.cidr_block, (\\d+), count\\.index(?: \\+ (\\d+))?\\)`));
  const ranges = (tier) => {
    const [, bits, offset] = subnet(tier);
    return Array.from({ length: zones }, (_, i) => cidrsubnet(vpc, Number(bits), i + Number(offset ?? 0)));
  };
  for (const environment of environments) {
    const line = read(`deploy/k8s/overlays/${environment}/common/environment.env`).match(/^SERVER_TOMCAT_REMOTEIP_INTERNALPROXIES=(.+)$/m);
    assert.ok(line, `${environment}: SERVER_TOMCAT_REMOTEIP_INTERNALPROXIES`);
    const trusted = new RegExp(`^(?:${line[1]})$`);
    for (const tier of ['public', 'private']) {
      for (const [first, last] of ranges(tier)) {
        for (const address of [first, Math.floor((first + last) / 2), last]) assert.match(dotted(address), trusted, `${environment}: ${tier}`);
      }
    }
    for (const [first, last] of ranges('database')) {
      assert.doesNotMatch(dotted(first), trusted, `${environment}: a database subnet`);
      assert.doesNotMatch(dotted(last), trusted, `${environment}: a database subnet`);
    }
    for (const outside of ['10.0.0.1', '10.21.16.1', '10.20.3.1', '10.20.64.1', '192.168.1.1']) {
      assert.doesNotMatch(outside, trusted, `${environment}: ${outside} is trusted`);
    }
  }
});

test('the heap leaves the JVM its own memory in the container: at most 65% of it, direct buffers capped', () => {
  const dockerfile = read('deploy/docker/Dockerfile');
  for (const target of ['api', 'worker']) {
    const stage = dockerfile.split(/^FROM /m).find((s) => new RegExp(`^\\S+ AS ${target}$`, 'm').test(s));
    const entrypoint = JSON.parse(stage.match(/^ENTRYPOINT (.+)$/m)[1]);
    const percentage = Number(entrypoint.find((a) => a.startsWith('-XX:MaxRAMPercentage=')).split('=')[1]);
    assert.ok(percentage <= 65, `${target}: MaxRAMPercentage ${percentage}`);
    assert.ok(entrypoint.some((a) => a.startsWith('-XX:MaxDirectMemorySize=')), `${target}: direct memory capped`);
  }
});

test('SMTP on the submission port requires STARTTLS', () => {
  const config = read('deploy/k8s/base/common/config.env');
  assert.match(config, /^SPRING_MAIL_PORT=587$/m);
  assert.match(config, /^SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_ENABLE=true$/m);
  assert.match(config, /^SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_REQUIRED=true$/m);
});

function build(directory) {
  return parseAllDocuments(execFileSync('kubectl', ['kustomize', join(root, directory)], { encoding: 'utf8' })).map((d) => d.toJS());
}

test('every action from another repository is pinned by commit SHA, its release in a comment', () => {
  for (const file of readdirSync(join(root, '.github/workflows')).filter((f) => f.endsWith('.yml'))) {
    for (const [, reference] of read(`.github/workflows/${file}`).matchAll(/^\s*(?:- )?uses: (.+)$/gm)) {
      if (reference.startsWith('./')) continue;
      assert.match(reference, /^[\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/, `${file}: ${reference}`);
    }
  }
});
