import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCsv } from './parse-csv.js';
import { seedTable } from './test-support.js';

test('the seed tables as CSV with states', () => {
  const parsed = parseCsv(seedTable(2, 'csv').toString('utf8'));
  assert.ok(parsed.ok, JSON.stringify(parsed));
  assert.deepEqual(parsed.value.names.list.map((n) => n.value), ['Service']);
  assert.deepEqual(parsed.value.rows.map((row) => row.state), ['active', 'active', 'cleared', 'active', 'active', 'cleared', 'cleared', 'active']);
  assert.equal(parsed.value.rows[0]?.line, 3);
});

test('RFC 4180 quoting: commas, doubled quotes and line breaks inside a cell; rows keep their first line', () => {
  const text = [
    'Last Date Of Error,Occurrences,Error Description',
    '21/01/2026 10:00:00,2,"Trunk Slot B, T1 PRI 2 red alarm"',
    '21/01/2026 10:01:00,1,"""Attempt to use a feature for which no license is installed"" License Type:DevLink3 External Recorder"',
    '21/01/2026 10:02:00,1,"two',
    'lines"',
    '21/01/2026 10:03:00,3,last',
  ].join('\n');
  const parsed = parseCsv(text);
  assert.ok(parsed.ok, JSON.stringify(parsed));
  assert.deepEqual(parsed.value.rows.map((row) => [row.line, row.description]), [
    [2, 'Trunk Slot B, T1 PRI 2 red alarm'],
    [3, '"Attempt to use a feature for which no license is installed" License Type:DevLink3 External Recorder'],
    [4, 'two\nlines'],
    [6, 'last'],
  ]);
});

test('semicolons when the header uses them (European spreadsheets)', () => {
  const parsed = parseCsv('Service Alarms;;\nLast Date Of Error;Occurrences;Error Description\n21/01/2026 10:00:00;2;Trunk Slot B, T1 PRI 2 red alarm\n');
  assert.ok(parsed.ok, JSON.stringify(parsed));
  assert.equal(parsed.value.rows[0]?.description, 'Trunk Slot B, T1 PRI 2 red alarm');
});

test('an unclosed quote and a row with too many cells are refused with their line', () => {
  const unclosed = parseCsv('Last Date Of Error,Occurrences,Error Description\n21/01/2026 10:00:00,2,"never closed\n');
  assert.ok(!unclosed.ok);
  assert.deepEqual([unclosed.refusal.reason, unclosed.refusal.line], ['wrong-columns', 2]);
  const wide = parseCsv('Last Date Of Error,Occurrences,Error Description\n21/01/2026 10:00:00,2,Trunk Slot B, T1 PRI 2 red alarm\n');
  assert.ok(!wide.ok);
  assert.deepEqual([wide.refusal.reason, wide.refusal.line], ['wrong-columns', 2]);
});

test('regression (fuzz): the delimiter comes from the header line wherever it is, found without splitting the whole text', () => {
  const semicolons = parseCsv('Service Alarms\n\nLast Date Of Error;Occurrences;Error Description\n01/08/2016 16:35:00;4;Trunk down, slot B\n');
  assert.ok(semicolons.ok, JSON.stringify(semicolons));
  assert.equal(semicolons.value.rows[0]?.description, 'Trunk down, slot B');
  const noHeader = parseCsv('x\n'.repeat(100_000));
  assert.ok(!noHeader.ok && noHeader.refusal.reason === 'bad-header');
});

test('regression (fuzz): a quote opens a cell only while the cell is blank, also after a long run of spaces', () => {
  const parsed = parseCsv(`Last Date Of Error,Occurrences,Error Description\n01/08/2016 16:35:00,4,${' '.repeat(3000)}"a, b"\n01/08/2016 16:35:00,5,x"y"\n`);
  assert.ok(parsed.ok, JSON.stringify(parsed));
  assert.deepEqual(parsed.value.rows.map((row) => row.description), ['a, b', 'x"y"']);
});
