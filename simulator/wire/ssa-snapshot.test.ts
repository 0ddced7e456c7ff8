import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSnapshot } from '../../collectors/ssa/parse-snapshot.js';
import { ssaDate, ssaSnapshotTsv } from './ssa-snapshot.js';

test('an SSA list is tab-separated with node, title, State column and local DD/MM/YYYY dates, and parses', () => {
  const at = new Date(Date.UTC(2026, 6, 1, 15, 35, 0));
  assert.equal(ssaDate(at, 'Europe/London'), '01/07/2026 16:35:00', 'BST');
  const text = ssaSnapshotTsv('cust001-ipo1', 'Trunk', [
    { text: 'Controller, Slot 3, PRI-U, T1 PRI 1: Red Alarm', occurrences: 3, lastAt: at, active: true },
    { text: 'SIP Channel License Exceeded', occurrences: 1, lastAt: at, active: false },
  ], 'Europe/London');
  const parsed = parseSnapshot(Buffer.from(text));
  assert.ok(parsed.ok, JSON.stringify(parsed));
  if (!parsed.ok) return;
  assert.equal(parsed.value.format, 'tsv');
  assert.deepEqual(parsed.value.rows.map((row) => [row.lastDateOfError, row.occurrences, row.description, row.state]), [
    ['01/07/2026 16:35:00', 3, 'Controller, Slot 3, PRI-U, T1 PRI 1: Red Alarm', 'active'],
    ['01/07/2026 16:35:00', 1, 'SIP Channel License Exceeded', 'cleared'],
  ]);
  assert.deepEqual(parsed.value.names.node.map((n) => n.value), ['cust001-ipo1']);
});
