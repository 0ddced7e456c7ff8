import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diffSnapshot, type KeyChange } from './diff.js';
import type { SsaEntryState } from './entry-state.js';
import { fleetLookup } from './fleet-lookup.js';
import { parseSnapshot } from './parse-snapshot.js';
import { resolveSnapshot, type SsaEntry } from './resolve-snapshot.js';
import { seedTable, ssaTestFleet } from './test-support.js';

const lookup = fleetLookup(ssaTestFleet());

function entries(body: Buffer | string, format?: 'tsv' | 'csv' | 'json'): SsaEntry[] {
  const parsed = parseSnapshot(Buffer.from(body), { format });
  assert.ok(parsed.ok, JSON.stringify(parsed));
  const resolved = resolveSnapshot(parsed.value, { node: [{ value: 'hq-primary', where: 'test', line: null }], list: [{ value: 'service', where: 'test', line: null }] }, lookup);
  assert.ok(resolved.ok, JSON.stringify(resolved));
  return resolved.value.entries;
}

/** Applies a diff's state changes, as the collector does once the events are accepted. */
function apply(state: SsaEntryState[], keys: KeyChange[]): SsaEntryState[] {
  const map = new Map(state.map((s) => [s.key, s]));
  for (const key of keys) {
    if (key.next) map.set(key.key, key.next);
    else map.delete(key.key);
  }
  return [...map.values()];
}

/** "change text(+n)" per item, in order: what a replay of the seed yields. */
const summary = (keys: KeyChange[]) => keys.flatMap((key) => key.items.map((item) => `${item.change} ${item.entry.text.slice(0, 40).trim()}${item.occurrences ? ` +${item.occurrences}` : ''}`));

test('the three Service Alarms tables with their states: the deltas and red/black changes the seed shows', () => {
  let state: SsaEntryState[] = [];
  const step = (n: 1 | 2 | 3) => {
    const result = diffSnapshot(state, entries(seedTable(n, 'csv')));
    state = apply(state, result.keys);
    return result;
  };
  const first = step(1);
  assert.equal(first.unchanged, 0);
  assert.deepEqual(first.keys.map((k) => [k.items[0]?.change, k.items[0]?.occurrences]), [
    ['new', 4],
    ['new', 1],
    ['new', 4],
    ['new', 1],
    ['new', 1],
    ['new', 1],
    ['new', 1],
    ['new', 1],
  ]);

  const second = step(2);
  assert.deepEqual(summary(second.keys), [
    'increase WebLM Server Error: System not licensed +2',
    'increase Attempt to use a feature for which no li +18',
    'cleared Attempt to use a feature for which no li',
    'cleared SIP Channel License Exceeded: There are',
    'cleared There are insufficient licenses for this',
  ]);
  assert.equal(second.unchanged, 4, 'Softphone x2, Hold Music (spelt "Hold" now), Configuration Error');

  const third = step(3);
  assert.deepEqual(summary(third.keys), [
    'increase WebLM Server Error: System not licensed +1',
    'cleared WebLM Server Error: System not licensed',
    'cleared Attempt to use a feature for which no li',
    'increase Attempt to use a feature for which no li +25',
    'cleared Attempt to use a feature for which no li',
    'cleared There are insufficient licenses for this',
    'cleared License Configuration Error: There are i',
  ]);
  assert.equal(third.unchanged, 3, 'Hold Music, and the SIP and CTI insufficient alarms already black');
  const cti = state.find((s) => s.key.endsWith('license type: cti link pro') && s.key.startsWith('attempt'));
  assert.deepEqual([cti?.occurrences, cti?.state, cti?.text.endsWith('License Types: CTI Link Pro')], [47, 'cleared', true]);

  const replay = diffSnapshot(state, entries(seedTable(3, 'csv')));
  assert.deepEqual(summary(replay.keys), [], 'replaying the same snapshot changes nothing');
  assert.ok(replay.keys.every((key) => !key.changed));
});

test('the same tables as copied (no colours): the deltas only, 4 → 22 → 47', () => {
  let state: SsaEntryState[] = [];
  const deltas: string[][] = [];
  for (const n of [1, 2, 3] as const) {
    const { keys } = diffSnapshot(state, entries(seedTable(n, 'tsv')));
    state = apply(state, keys);
    deltas.push(summary(keys).filter((line) => !line.startsWith('new')));
  }
  assert.deepEqual(deltas, [
    [],
    ['increase WebLM Server Error: System not licensed +2', 'increase Attempt to use a feature for which no li +18'],
    ['increase WebLM Server Error: System not licensed +1', 'increase Attempt to use a feature for which no li +25'],
  ]);
  assert.ok(state.every((s) => s.state === 'unknown'));
});

const HEADER = 'Last Date Of Error\tOccurrences\tError Description\tState\n';
const table = (...rows: string[]) => HEADER + rows.join('\n') + '\n';

test('scrolled off the list is not a clear; first seen black is a clear with no raise; reactivation; a counter that restarts', () => {
  let state: SsaEntryState[] = [];
  const step = (text: string) => {
    const result = diffSnapshot(state, entries(text, 'tsv'));
    state = apply(state, result.keys);
    return summary(result.keys);
  };
  assert.deepEqual(step(table('21/01/2026 10:00:00\t3\tA\tactive', '21/01/2026 10:00:00\t2\tB\tcleared')), ['new A +3', 'new-cleared B +2']);
  assert.deepEqual(step(table('21/01/2026 10:00:00\t3\tA\tcleared', '21/01/2026 10:06:00\t3\tB\tactive')), ['cleared A', 'reactivated B +1']);
  assert.deepEqual(step(table('21/01/2026 10:07:00\t3\tA\tactive')), ['reactivated A +3', 'scrolled-off B'], 'same count, new date: SSA counted again from 0');
  assert.deepEqual(step(table('21/01/2026 10:08:00\t1\tA\tactive')), ['increase A +1'], 'count went down: restarted');
  assert.deepEqual(step(table('21/01/2026 10:08:00\t1\tA\t')), [], 'no state column value: nothing inferred');
  assert.equal(state[0]?.state, 'active', 'and what we knew is kept');
  assert.deepEqual(step(table()), ['scrolled-off A'], 'Clear All empties the list');
  assert.deepEqual(state, []);
});
