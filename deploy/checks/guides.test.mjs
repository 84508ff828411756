// The runbook keeps up with the alerts: every alert of monitoring/prometheus/alerts.yml has its section in
// docs/RUNBOOK.md, linked to its runbook section in docs/monitoring.md, and the runbook names no alert that is gone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path) => readFileSync(join(root, path), 'utf8');

test('every alert has a runbook section linked to its section of docs/monitoring.md', () => {
  const alerts = [...read('monitoring/prometheus/alerts.yml').matchAll(/^\s*- alert: (\S+)$/gm)].map((m) => m[1]);
  assert.ok(alerts.length > 0, 'no alert found in alerts.yml');
  const runbook = read('docs/RUNBOOK.md');
  const monitoring = read('docs/monitoring.md');
  const sections = [...runbook.matchAll(/^### \[(\w+)\]\(monitoring\.md#(\w+)\)$/gm)];
  assert.deepEqual(sections.map((m) => m[1]).sort(), [...alerts].sort());
  for (const [, alert, anchor] of sections) {
    assert.equal(anchor, alert.toLowerCase(), `${alert}: its link`);
    assert.match(monitoring, new RegExp(`^### ${alert}$`, 'm'), `docs/monitoring.md has no section for ${alert}`);
  }
});
