// Every Terraform file under deploy/terraform parses as HCL (npm @cdktf/hcl2json, HashiCorp's HCL parser, pinned in
// .ci/node). Terraform itself is not installed here, so `terraform validate` cannot run; these tests check offline what
// it would check first: every var.X and local.X used is declared, every module call passes only variables the module
// declares and all it requires, every module.M.O read is an output of M; and every variable and output is described.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { parse } = createRequire(join(root, '.ci/node/package.json'))('@cdktf/hcl2json');
const terraform = join(root, 'deploy/terraform');

function files(directory) {
  return readdirSync(directory).flatMap((entry) => {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) return entry === '.terraform' ? [] : files(path);
    return /\.tf$|\.tfvars\.example$|\.hcl\.example$/.test(entry) ? [path] : [];
  });
}

/** A configuration (one directory's .tf files) merged into one object of blocks. */
async function configuration(directory) {
  const merged = {};
  for (const entry of readdirSync(directory).filter((name) => name.endsWith('.tf'))) {
    const parsed = await parse(entry, readFileSync(join(directory, entry), 'utf8'));
    for (const [kind, blocks] of Object.entries(parsed)) {
      // locals (and terraform) blocks come as lists; resources, variables, modules as objects by name.
      merged[kind] = Array.isArray(blocks) ? [...(merged[kind] ?? []), ...blocks] : { ...merged[kind], ...blocks };
    }
  }
  return merged;
}

/** The configurations: every directory holding .tf files. */
const directories = [...new Set(files(terraform).filter((f) => f.endsWith('.tf')).map(dirname))];
const configurations = new Map();
for (const directory of directories) configurations.set(directory, await configuration(directory));

const references = (text, kind) => [...text.matchAll(new RegExp(`\\b${kind}\\.([A-Za-z_][A-Za-z0-9_-]*)`, 'g'))].map((m) => m[1]);

/** Problems of one configuration, given the others (for module calls). */
export function problemsOf(directory, config) {
  const problems = [];
  const text = JSON.stringify(config);
  const variables = config.variable ?? {};
  const locals = Object.assign({}, ...(config.locals ?? []));
  for (const name of new Set(references(text, 'var'))) {
    if (!variables[name]) problems.push(`var.${name} is not declared`);
  }
  for (const name of new Set(references(text, 'local'))) {
    if (!(name in locals)) problems.push(`local.${name} is not declared`);
  }
  for (const [name, [definition]] of Object.entries(variables)) {
    if (!definition.description) problems.push(`variable ${name} has no description`);
  }
  for (const [name, [definition]] of Object.entries(config.output ?? {})) {
    if (!definition.description) problems.push(`output ${name} has no description`);
  }
  for (const [name, [call]] of Object.entries(config.module ?? {})) {
    const module = configurations.get(resolve(directory, call.source));
    if (!module) {
      problems.push(`module ${name}: no configuration at ${call.source}`);
      continue;
    }
    const declared = module.variable ?? {};
    for (const argument of Object.keys(call).filter((key) => !['source', 'depends_on', 'providers', 'count', 'for_each'].includes(key))) {
      if (!declared[argument]) problems.push(`module ${name} passes ${argument}, which ${call.source} does not declare`);
    }
    for (const [variable, [definition]] of Object.entries(declared)) {
      if (!('default' in definition) && !(variable in call)) problems.push(`module ${name} does not pass the required ${variable}`);
    }
  }
  for (const match of text.matchAll(/\bmodule\.([A-Za-z_][A-Za-z0-9_-]*)\.([A-Za-z_][A-Za-z0-9_-]*)/g)) {
    const [, name, output] = match;
    const call = config.module?.[name]?.[0];
    const module = call && configurations.get(resolve(directory, call.source));
    if (!module) problems.push(`module.${name} is not called`);
    else if (!module.output?.[output]) problems.push(`module.${name}.${output} is not an output of ${call.source}`);
  }
  return [...new Set(problems)];
}

test('every Terraform file parses as HCL', async () => {
  const all = files(terraform);
  assert.ok(all.length >= 30, `only ${all.length} files`);
  for (const file of all) {
    await assert.doesNotReject(parse(relative(root, file), readFileSync(file, 'utf8')), relative(root, file));
  }
});

test('a syntax error is caught', async () => {
  await assert.rejects(parse('broken.tf', 'resource "aws_s3_bucket" "b" {\n  bucket = \n}\n'));
});

test('the modules and the production environment are consistent and documented', () => {
  assert.ok(configurations.has(join(terraform, 'environments/production')));
  for (const module of ['network', 'eks', 'rds', 'redis', 's3-backups', 'alb', 'iam', 'secrets']) {
    assert.ok(configurations.has(join(terraform, 'modules', module)), `modules/${module}`);
  }
  for (const [directory, config] of configurations) {
    assert.deepEqual(problemsOf(directory, config), [], relative(root, directory));
  }
});

test('an undeclared variable, a wrong module argument or output, and an undescribed output are caught', async () => {
  const environment = join(terraform, 'environments/production');
  const config = structuredClone(configurations.get(environment));
  config.module.rds[0].pasword = config.module.rds[0].password;
  delete config.module.rds[0].password;
  config.output.redis_host[0].value = '${module.redis.primary_endpoint_address}';
  config.output.extra = [{ value: '${var.regoin}' }];
  assert.deepEqual(problemsOf(environment, config).sort(), [
    'module rds does not pass the required password',
    'module rds passes pasword, which ../../modules/rds does not declare',
    'module.redis.primary_endpoint_address is not an output of ../../modules/redis',
    'output extra has no description',
    'var.regoin is not declared',
  ]);
});

test('the database is Multi-AZ, encrypted and backed up; the bucket has lifecycle rules', () => {
  const rds = configurations.get(join(terraform, 'modules/rds')).resource.aws_db_instance.this[0];
  assert.equal(rds.multi_az, true);
  assert.equal(rds.storage_encrypted, true);
  assert.equal(rds.deletion_protection, true);
  assert.match(String(rds.backup_retention_period), /var\.backup_retention_days/);
  const bucket = configurations.get(join(terraform, 'modules/s3-backups')).resource;
  assert.ok(bucket.aws_s3_bucket_lifecycle_configuration.this[0].rule.length >= 2);
  assert.ok(bucket.aws_s3_bucket_public_access_block.this[0].block_public_acls);
});

test('the cluster enforces NetworkPolicies, keeps pods off the node role, and maps the deploy role to its group', () => {
  const eks = configurations.get(join(terraform, 'modules/eks')).resource;
  assert.equal(eks.aws_eks_addon.vpc_cni[0].addon_name, 'vpc-cni');
  assert.match(eks.aws_eks_addon.vpc_cni[0].configuration_values, /enableNetworkPolicy = \\?"true\\?"/);
  assert.match(eks.aws_eks_addon.this[0].for_each, /metrics-server/, 'metrics-server for the API autoscaler');
  const [metadata] = eks.aws_launch_template.node[0].metadata_options;
  assert.equal(metadata.http_tokens, 'required');
  assert.equal(metadata.http_put_response_hop_limit, 1);
  assert.match(eks.aws_eks_node_group.this[0].launch_template[0].id, /aws_launch_template\.node/);
  assert.equal(eks.aws_eks_cluster.this[0].access_config[0].authentication_mode, 'API_AND_CONFIG_MAP');
  const iam = configurations.get(join(terraform, 'modules/iam'));
  assert.deepEqual(iam.resource.aws_eks_access_entry.deploy[0].kubernetes_groups, ['${var.deploy_kubernetes_group}']);
  const trust = iam.data.aws_iam_policy_document.deploy_assume[0].statement[0].condition;
  assert.ok(trust.some((c) => c.variable === 'token.actions.githubusercontent.com:sub'
    && c.values[0] === 'repo:${var.github_repository}:environment:${var.github_environment}'), 'one repository and environment');
});

test('the backup role can complete a multipart upload to the KMS-encrypted bucket', () => {
  const statements = configurations.get(join(terraform, 'modules/iam')).data.aws_iam_policy_document.backup[0].statement;
  const kms = statements.find((s) => s.sid === 'EncryptBackups').actions;
  assert.ok(kms.includes('kms:GenerateDataKey') && kms.includes('kms:Decrypt'), kms.join(', '));
});
