import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { eventually } from '../helpers/eventually.js';
import { getJson, getText, metricValue } from '../helpers/http-json.js';
import { startStackProcess, type StackProcess } from '../helpers/stack-process.js';
import { writeStackConfig } from '../helpers/stack-config.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const TOKEN = 'e2e-ssa-token-0123456789abcdef';
const table = (n: number, ext: string) => readFileSync(new URL(`../../collectors/ssa/testdata/service-alarms-${n}.${ext}`, import.meta.url));

/** What a support script does: curl -X POST --data-binary @file with a bearer token. */
async function postSnapshot(stack: StackProcess, body: Buffer, query: string, contentType: string, token = TOKEN) {
  const response = await fetch(`${stack.httpUrl}/api/v1/ssa/alarms${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

test('SSA snapshots posted over HTTP and dropped in a folder become alarms; the remembered snapshot survives a restart', async (t) => {
  const dir = makeTempDir();
  let stack: StackProcess | null = null;
  t.after(async () => {
    await stack?.stop();
    dir.remove();
  });
  const configPath = writeStackConfig(dir.path, {
    // A POST answers 200 only once its events are stored, else 202 after storeWaitSeconds: the longest wait, so a busy
    // machine cannot turn the 200s asserted below into 202s.
    collectors: { syslog: { enabled: false }, ssa: { enabled: true, tokens: [TOKEN], storeWaitSeconds: 60, dropFolder: { enabled: true, path: join(dir.path, 'drop'), settleSeconds: 0 } } },
    nodes: [{ id: 'acme-hq-primary', name: 'HQ Primary', role: 'primary', addresses: ['192.0.2.10'], version: '10.0.0.0 build 542', licenceSource: 'weblm' }],
  });
  stack = await startStackProcess(configPath, ['ssa/folder']);

  const unauthorised = await postSnapshot(stack, table(1, 'tsv'), '?node=acme-hq-primary', 'text/plain', 'not-the-token-0000000');
  assert.deepEqual([unauthorised.status, unauthorised.body.error.code], [401, 'IPO_ERR_UNAUTHORIZED']);

  // The first table as copied from SSA, then the next two with their red/black states.
  const first = await postSnapshot(stack, table(1, 'tsv'), '?node=acme-hq-primary', 'text/tab-separated-values');
  assert.equal(first.status, 200, JSON.stringify(first.body));
  assert.deepEqual([first.body.result, first.body.events.accepted], ['stored', 8]);
  for (const n of [2, 3]) {
    const next = await postSnapshot(stack, table(n, 'csv'), '?node=acme-hq-primary', 'text/csv');
    assert.equal(next.status, 200, JSON.stringify(next.body));
  }

  const { alarms } = await getJson(`${stack.httpUrl}/api/v1/alarms?node=acme-hq-primary&limit=50`);
  const cti = alarms.find((a: { text: string }) => /no license is installed\. License Types?: CTI Link Pro$/.test(a.text));
  assert.ok(cti, JSON.stringify(alarms));
  assert.deepEqual([cti.occurrences, cti.state, cti.category, cti.severity], [47, 'cleared', 'License', 'cleared']);
  const detail = await getJson(`${stack.httpUrl}/api/v1/alarms/${cti.id}`);
  assert.deepEqual(detail.transitions.map((tr: { kind: string }) => tr.kind), ['raised', 'cleared', 'reopened', 'cleared']);
  const open = alarms.filter((a: { state: string }) => a.state !== 'cleared');
  assert.deepEqual(open.map((a: { text: string }) => a.text), ['Failed to load HOLD Music source file Source Name: Primary']);
  const select = alarms.find((a: { text: string }) => a.text.startsWith('WebLM Server Error'));
  assert.deepEqual(select.annotations.map((a: { key: string }) => a.key), ['caveat-weblm-select-error-side-effect']);

  assert.equal(await stack.stop(), 0);
  stack = await startStackProcess(configPath, ['ssa/folder']);
  const replay = await postSnapshot(stack, table(3, 'json'), '?node=acme-hq-primary', 'application/json');
  assert.deepEqual([replay.status, replay.body.events, replay.body.unchanged], [200, { accepted: 0, dropped: 0 }, 8], 'after a restart, replaying the last snapshot changes nothing');

  // A file in the drop folder: read once, moved to done/.
  const drop = join(dir.path, 'drop');
  mkdirSync(drop, { recursive: true });
  // Written under a .tmp name and renamed, as a script should, so the watcher never sees half a file.
  const dropFile = (name: string, text: string) => {
    writeFileSync(join(drop, `${name}.tmp`), text);
    renameSync(join(drop, `${name}.tmp`), join(drop, name));
  };
  dropFile('acme-hq-primary__trunk__0900.tsv', 'Trunk Alarms\nLast Date Of Error\tOccurrences\tError Description\n21/01/2026 09:00:00\t3\tLine 5 out of service\n');
  dropFile('acme-hq-primary__trunk__0901.tsv', 'Trunk Alarms\nLast Date Of Error\tOccurrences\tError Description\n31/02/2026 09:00:00\t3\tLine 5 out of service\n');
  await eventually(async () => {
    const { alarms: trunk } = await getJson(`${stack!.httpUrl}/api/v1/alarms?node=acme-hq-primary&category=Trunk%20lines`);
    assert.equal(trunk.length, 1);
    assert.deepEqual([trunk[0].occurrences, trunk[0].severity, trunk[0].code], [3, 'indeterminate', 'ssa.trunk.unclassified']);
  }, { message: 'the dropped trunk snapshot should raise an alarm' });
  await eventually(() => {
    assert.ok(existsSync(join(drop, 'done', 'acme-hq-primary__trunk__0900.tsv')));
    assert.match(readFileSync(join(drop, 'quarantine', 'acme-hq-primary__trunk__0901.tsv.reason'), 'utf8'), /reason: impossible-date\nline: 3\n/);
  });

  const metrics = await getText(`${stack.httpUrl}/metrics`);
  assert.equal(metricValue(metrics, 'ipo_ssa_snapshots_total', { via: 'folder', result: 'accepted' }), 1);
  assert.equal(metricValue(metrics, 'ipo_collector_refused_total', { collector: 'ssa', reason: 'impossible-date' }), 1);
  const { events } = await getJson(`${stack.httpUrl}/api/v1/events?node=acme-hq-primary&source=ssa&limit=100`);
  assert.equal(events.length, 8 + 5 + 7 + 1, 'each change once: 8 new, then 5 and 7 changes, 1 trunk alarm; the replay added none');
});
