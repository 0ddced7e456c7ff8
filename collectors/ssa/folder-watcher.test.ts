import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { eventually } from '../../test/helpers/eventually.js';
import { makeTempDir } from '../../test/helpers/temp-dir.js';
import { DEFAULT_SSA_CONFIG, ssaConfigSchema } from './config.js';
import { createSsaCollector } from './index.js';
import { seedTable, ssaHarness } from './test-support.js';

/** Writes under a .tmp name, then renames: how a script drops a file without the watcher seeing it half-written. */
function drop(path: string, content: string | Buffer): void {
  writeFileSync(`${path}.tmp`, content);
  renameSync(`${path}.tmp`, path);
}

function start(t: { after(fn: () => unknown): void }, before?: (dir: string) => void) {
  const dir = makeTempDir();
  const h = ssaHarness();
  const config = ssaConfigSchema.parse({ enabled: true, dropFolder: { enabled: true, path: dir.path, scanIntervalSeconds: 3600, settleSeconds: 0 } });
  const collector = createSsaCollector(config, h.ctx);
  t.after(async () => {
    await collector.stop();
    dir.remove();
  });
  before?.(dir.path);
  const list = (sub = '') => readdirSync(join(dir.path, sub)).filter((name) => !['done', 'quarantine'].includes(name)).sort();
  return { dir: dir.path, h, collector, list };
}

test('files already there are read at start, each once, then moved to done/; the seed tables give their deltas', async (t) => {
  const { dir, h, collector, list } = start(t, (path) => writeFileSync(join(path, 'hq-primary__service__1.tsv'), seedTable(1, 'tsv')));
  await collector.start();
  assert.deepEqual(collector.endpoints(), [{ transport: 'folder', address: '', path: dir }]);
  assert.deepEqual(list(), []);
  assert.deepEqual(list('done'), ['hq-primary__service__1.tsv']);
  assert.equal(h.events.length, 8);

  drop(join(dir, 'hq-primary__service__2.tsv'), seedTable(2, 'tsv'));
  await eventually(() => assert.deepEqual(list('done'), ['hq-primary__service__1.tsv', 'hq-primary__service__2.tsv']));
  drop(join(dir, 'hq-primary__service__3.tsv'), seedTable(3, 'tsv'));
  await eventually(() => assert.equal(list('done').length, 3));
  assert.deepEqual(h.events.slice(8).map((e) => e.attributes['occurrences']), [2, 18, 1, 25]);
  assert.deepEqual(h.events.map((e) => e.attributes['file']).slice(-1), ['hq-primary__service__3.tsv']);

  // The same snapshot again, under the same name: processed once more, changes nothing, kept beside the first.
  drop(join(dir, 'hq-primary__service__3.tsv'), seedTable(3, 'tsv'));
  await eventually(() => assert.deepEqual(list('done'), ['hq-primary__service__1.tsv', 'hq-primary__service__2.tsv', 'hq-primary__service__3.tsv', 'hq-primary__service__3~1.tsv']));
  assert.equal(h.events.length, 12);
});

test('bad files go to quarantine/ with a .reason naming the line; nothing accepted before is lost', async (t) => {
  const { dir, h, collector, list } = start(t);
  await collector.start();
  drop(join(dir, 'hq-primary__service__1.csv'), seedTable(1, 'csv'));
  await eventually(() => assert.equal(list('done').length, 1));

  drop(join(dir, 'garbage.bin'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
  drop(join(dir, 'branch-9__service.tsv'), seedTable(2, 'tsv'));
  drop(join(dir, 'hq-primary__service__2.csv'), seedTable(2, 'csv').toString('utf8').replace('16:47:52', '16:61:52'));
  await eventually(() => assert.equal(list('quarantine').length, 6));
  const reason = (name: string) => readFileSync(join(dir, 'quarantine', `${name}.reason`), 'utf8');
  assert.match(reason('garbage.bin'), /^file: garbage\.bin\nreason: binary\nline: 2\nmessage: line 2: binary data \(control character 0x1a\)/);
  assert.match(reason('branch-9__service.tsv'), /reason: unknown-node\nline: -\nmessage: node "branch-9" \(file name branch-9__service\.tsv\) is not in the fleet/);
  assert.match(reason('hq-primary__service__2.csv'), /reason: impossible-date\nline: 5\n/);
  assert.equal(h.events.length, 8, 'the refused files changed nothing');

  drop(join(dir, 'hq-primary__service__2.csv'), seedTable(2, 'csv'));
  await eventually(() => assert.equal(list('done').length, 2));
  assert.deepEqual(h.events.slice(8).map((e) => `${e.attributes['ssaChange']} ${e.attributes['occurrences']}`), ['increase 2', 'increase 18', 'cleared 0', 'cleared 0', 'cleared 0']);
});

test('hidden and partial files wait for their final name; a file over 10 MB is quarantined unread', async (t) => {
  const { dir, h, collector, list } = start(t);
  await collector.start();
  writeFileSync(join(dir, '.hq-primary__service.tsv'), seedTable(1, 'tsv'));
  writeFileSync(join(dir, 'hq-primary__service.tsv.part'), seedTable(1, 'tsv'));
  drop(join(dir, 'big.tsv'), Buffer.alloc(10 * 1024 * 1024 + 1, 0x41));
  await eventually(() => assert.deepEqual(list('quarantine'), ['big.tsv', 'big.tsv.reason']));
  assert.match(readFileSync(join(dir, 'quarantine', 'big.tsv.reason'), 'utf8'), /reason: too-large/);
  assert.equal(h.refused['too-large'], 1);
  assert.deepEqual(list(), ['.hq-primary__service.tsv', 'hq-primary__service.tsv.part']);
  assert.equal(h.events.length, 0);
  renameSync(join(dir, 'hq-primary__service.tsv.part'), join(dir, 'hq-primary__service.tsv'));
  await eventually(() => assert.deepEqual(list('done'), ['hq-primary__service.tsv']));
  assert.equal(h.events.length, 8);
});

test('a file whose events could not all be queued stays and is read again; only what is missing is delivered', async (t) => {
  const { dir, h, collector, list } = start(t);
  h.queueRoom(2);
  await collector.start();
  drop(join(dir, 'hq-primary__service.json'), seedTable(1, 'json'));
  await eventually(() => assert.equal(h.events.length, 2));
  assert.deepEqual(list(), ['hq-primary__service.json'], 'left in place for the next scan');
  h.queueRoom(null);
  writeFileSync(join(dir, 'nudge.tmp'), ''); // any change in the folder triggers a scan; .tmp files themselves are ignored
  await eventually(() => assert.deepEqual(list('done'), ['hq-primary__service.json']));
  assert.equal(h.events.length, 8);
  assert.equal(new Set(h.events.map((e) => e.alarmKey)).size, 8);
});

test('the folder is created with done/ and quarantine/; a folder that cannot be created stops startup with a coded error', async (t) => {
  const dir = makeTempDir();
  t.after(() => dir.remove());
  const h = ssaHarness();
  const nested = join(dir.path, 'a', 'b');
  const ok = createSsaCollector(ssaConfigSchema.parse({ enabled: true, dropFolder: { enabled: true, path: nested, settleSeconds: 0 } }), h.ctx);
  await ok.start();
  assert.ok(existsSync(join(nested, 'done')) && existsSync(join(nested, 'quarantine')));
  await ok.stop();
  writeFileSync(join(dir.path, 'file'), 'x');
  const bad = createSsaCollector(ssaConfigSchema.parse({ enabled: true, dropFolder: { enabled: true, path: join(dir.path, 'file', 'sub') } }), h.ctx);
  await assert.rejects(bad.start(), (error: Error & { code?: string }) => error.code === 'IPO_ERR_COLLECTOR_BIND_FAILED' && /cannot watch the drop folder/.test(error.message));
  assert.equal(DEFAULT_SSA_CONFIG.dropFolder.enabled, false);
});
