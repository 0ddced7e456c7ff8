import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fleetLookup } from './fleet-lookup.js';
import { parseTsv } from './parse-tsv.js';
import { resolveSnapshot } from './resolve-snapshot.js';
import type { Named, ParsedSnapshot } from './snapshot.js';
import { seedTable, ssaTestFleet } from './test-support.js';

const lookup = fleetLookup(ssaTestFleet());
const HEADER = 'Last Date Of Error\tOccurrences\tError Description';
const query = (value: string, key = 'node'): Named[] => [{ value, where: `query parameter ${key}`, line: null }];

function parse(text: string): ParsedSnapshot {
  const parsed = parseTsv(text);
  assert.ok(parsed.ok, JSON.stringify(parsed));
  return parsed.value;
}

test('the seed table: node from the query, list from the SSA title, dates in the site zone', () => {
  const resolved = resolveSnapshot(parse(seedTable(1, 'tsv').toString('utf8')), { node: query('hq-primary'), list: [] }, lookup);
  assert.ok(resolved.ok, JSON.stringify(resolved));
  const { nodeId, list, entries, warnings } = resolved.value;
  assert.deepEqual([nodeId, list, warnings], ['hq-primary', 'service', []]);
  assert.equal(entries[0]?.lastDateOfError, Date.UTC(2016, 7, 1, 15, 35), '16:35 BST is 15:35 UTC');
  assert.equal(entries[2]?.key, 'attempt to use a feature for which no license is installed. license type: cti link pro');
  assert.equal(entries[2]?.licenceType, 'CTI Link Pro');
  assert.equal(entries[3]?.licenceType, null);
});

test('every place that names the node or list must agree; unknown ones are refused where they are named', () => {
  const text = `# node: hq-primary\nService Alarms\n${HEADER}\n01/08/2016 16:35:00\t4\tA\n`;
  const refusal = (given: { node: Named[]; list: Named[] }, body = text) => {
    const resolved = resolveSnapshot(parse(body), given, lookup);
    assert.ok(!resolved.ok);
    return resolved.refusal;
  };
  assert.ok(resolveSnapshot(parse(text), { node: query('hq-primary'), list: query('service', 'list') }, lookup).ok, '"service" and "Service Alarms" agree');
  const conflict = refusal({ node: query('ny-ip500'), list: [] });
  assert.equal(conflict.reason, 'conflicting-node');
  assert.equal(conflict.line, 1);
  assert.match(conflict.message, /node "hq-primary" \(line 1\) differs from "ny-ip500" \(query parameter node\)/);
  assert.equal(refusal({ node: [], list: query('trunk', 'list') }).reason, 'conflicting-list');
  const unknown = refusal({ node: [], list: [] }, `# node: branch-9\n${HEADER}\n`);
  assert.deepEqual([unknown.reason, unknown.line], ['unknown-node', 1]);
  assert.match(unknown.message, /^line 1: node "branch-9" \(line 1\) is not in the fleet/);
  const missing = refusal({ node: [], list: [] }, `Service Alarms\n${HEADER}\n`);
  assert.equal(missing.reason, 'missing-node');
  assert.equal(refusal({ node: query('hq-primary'), list: [] }, `${HEADER}\n`).reason, 'missing-list');
  const list = refusal({ node: query('hq-primary'), list: [] }, `Voicemail Alarms\n${HEADER}\n`);
  assert.equal(list.reason, 'unknown-list');
  assert.match(list.message, /expected one of configuration, service, trunk, link, security/);
});

test('duplicate entries, impossible and unreadable dates are refused with their line', () => {
  const refused = (rows: string, node = 'hq-primary') => {
    const resolved = resolveSnapshot(parse(`Service Alarms\n${HEADER}\n${rows}`), { node: query(node), list: [] }, lookup);
    assert.ok(!resolved.ok);
    return [resolved.refusal.reason, resolved.refusal.line];
  };
  assert.deepEqual(refused('01/08/2016 16:33:42\t1\tFailed to load HOLD Music source file\n01/08/2016 16:33:42\t1\tFailed to load Hold Music source file\n'), ['duplicate-entry', 4]);
  assert.deepEqual(refused('31/02/2026 10:00:00\t1\tA\n'), ['impossible-date', 3]);
  assert.deepEqual(refused('21/01/2026 25:00:00\t1\tA\n'), ['impossible-date', 3]);
  assert.deepEqual(refused('21/01/2026 10:00:00\t1\tA\n', 'ny-ip500'), ['impossible-date', 3], 'the US node prints MM/DD/YYYY: month 21');
  assert.deepEqual(refused('Monday\t1\tA\n'), ['bad-date', 3]);
  assert.deepEqual(refused('21/01/2026 10:00:00\t1\tA\n01/21/2026 10:00:00\t1\tB\n', 'hq-auto'), ['bad-date', 4]);
});

test('dates that cannot be read without guessing are left out with a warning, not refused', () => {
  const resolve = (rows: string, node: string) => {
    const resolved = resolveSnapshot(parse(`Service Alarms\n${HEADER}\n${rows}`), { node: query(node), list: [] }, lookup);
    assert.ok(resolved.ok, JSON.stringify(resolved));
    return resolved.value;
  };
  const ambiguous = resolve('01/08/2016 16:35:00\t1\tA\n', 'hq-auto');
  assert.equal(ambiguous.entries[0]?.lastDateOfError, null);
  assert.deepEqual(ambiguous.warnings.map((w) => [w.kind, w.line]), [['ambiguous-date', 3]]);
  const decided = resolve('01/08/2016 16:35:00\t1\tA\n21/08/2016 16:35:00\t1\tB\n', 'hq-auto');
  assert.equal(decided.entries[0]?.lastDateOfError, Date.UTC(2016, 7, 1, 15, 35), 'the 21st decides the order for the whole snapshot');
  assert.deepEqual(decided.warnings, []);
  const skipped = resolve('29/03/2026 01:30:00\t1\tA\n25/10/2026 01:30:00\t1\tB\n', 'hq-primary');
  assert.deepEqual(skipped.warnings.map((w) => w.kind), ['nonexistent-local-time', 'ambiguous-date']);
  assert.deepEqual(skipped.entries.map((e) => e.lastDateOfError), [null, null]);
});
