import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { dockerfileProblems } from './dockerfile-rules.mjs';

const root = new URL('../../', import.meta.url);
const TARGETS = ['api', 'worker', 'motel-admin'];

const good = `
ARG JRE=eclipse-temurin:17.0.16_8-jre-noble
FROM eclipse-temurin:17.0.16_8-jdk-noble AS build
RUN echo build
FROM \${JRE} AS runtime
FROM runtime AS api
USER 10001:10001
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "Main"]
`;

test('the deployables Dockerfile keeps every invariant', () => {
  const text = readFileSync(new URL('deploy/docker/Dockerfile', root), 'utf8');
  const readSource = (path) => readFileSync(new URL(path, root), 'utf8');
  assert.deepEqual(dockerfileProblems(text, TARGETS, readSource), []);
});

test('the build context leaves out local and secret files', () => {
  const ignored = readFileSync(new URL('.dockerignore', root), 'utf8').split('\n');
  for (const entry of ['.git', '.dev-secrets/', '**/target/', 'backups/']) {
    assert.ok(ignored.includes(entry), `.dockerignore lacks ${entry}`);
  }
  assert.ok(existsSync(new URL('deploy/docker/Dockerfile', root)));
});

test('a well-formed fixture has no problems', () => {
  assert.deepEqual(dockerfileProblems(good, ['api']), []);
});

test('an image that never leaves root is refused', () => {
  const problems = dockerfileProblems(good.replace('USER 10001:10001', ''), ['api']);
  assert.deepEqual(problems, ['api runs as root (add a USER with a non-zero id)']);
  assert.deepEqual(dockerfileProblems(good.replace('USER 10001:10001', 'USER 0'), ['api']),
    ['api runs as root (add a USER with a non-zero id)']);
});

test('an unpinned base image is refused', () => {
  assert.deepEqual(dockerfileProblems(good.replace('17.0.16_8-jdk-noble', 'latest'), ['api']),
    ['base image eclipse-temurin:latest is not pinned to a versioned tag']);
  assert.deepEqual(dockerfileProblems(good.replace('eclipse-temurin:17.0.16_8-jre-noble', 'eclipse-temurin'), ['api']),
    ['base image eclipse-temurin is not pinned to a versioned tag']);
});

test('a secret in ENV or ARG is refused', () => {
  const withSecret = good.replace('USER 10001:10001', 'ENV SPRING_DATASOURCE_PASSWORD=hunter2 MOTEL_AUDIT_HMACKEY=abc\nUSER 10001:10001');
  assert.deepEqual(dockerfileProblems(withSecret, ['api']), [
    'ENV SPRING_DATASOURCE_PASSWORD looks like a secret baked into the image',
    'ENV MOTEL_AUDIT_HMACKEY looks like a secret baked into the image',
  ]);
});

test('a shell-form entry point or a heap not sized from the container is refused', () => {
  assert.deepEqual(dockerfileProblems(good.replace(/ENTRYPOINT .*/, 'ENTRYPOINT java -jar app.jar'), ['api']),
    ['api has no ENTRYPOINT in exec form (java must be PID 1 to get SIGTERM)']);
  assert.deepEqual(dockerfileProblems(good.replace('"-XX:MaxRAMPercentage=75", ', ''), ['api']),
    ["api does not size the heap from the container's memory (-XX:MaxRAMPercentage)"]);
});

test('an entry point may be a wrapper script that execs java with the heap sized', () => {
  const wrapped = good.replace(/ENTRYPOINT .*/, 'COPY --chmod=755 deploy/docker/tool /usr/local/bin/tool\nENTRYPOINT ["/usr/local/bin/tool"]');
  const sized = () => '#!/bin/sh\nexec java -XX:MaxRAMPercentage=75 -cp /app Main "$@"\n';
  const unsized = () => '#!/bin/sh\nexec java -cp /app Main "$@"\n';
  assert.deepEqual(dockerfileProblems(wrapped, ['api'], sized), []);
  assert.deepEqual(dockerfileProblems(wrapped, ['api'], unsized),
    ["api does not size the heap from the container's memory (-XX:MaxRAMPercentage)"]);
});
