import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseJson } from './parse-json.js';
import { seedTable } from './test-support.js';

test('the seed tables as JSON: rows know their line', () => {
  const parsed = parseJson(seedTable(3, 'json').toString('utf8'));
  assert.ok(parsed.ok, JSON.stringify(parsed));
  assert.deepEqual(parsed.value.names.list.map((n) => [n.value, n.line]), [['Service', 2]]);
  assert.equal(parsed.value.rows.length, 8);
  assert.deepEqual(parsed.value.rows.map((row) => row.line), [4, 10, 16, 22, 28, 34, 40, 46]);
  assert.equal(parsed.value.rows[2]?.occurrences, 47);
  assert.equal(parsed.value.rows[3]?.state, 'active');
});

test('a bare list of alarms, node and list given elsewhere; state defaults to unknown', () => {
  const parsed = parseJson('[{"lastDateOfError":"2026-01-21T10:00:00Z","occurrences":1,"errorDescription":"A"}]');
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.value.names, { node: [], list: [] });
  assert.equal(parsed.value.rows[0]?.state, 'unknown');
});

test('bad JSON and bad alarms are refused naming the line', () => {
  const cases: Array<[string, string, number]> = [
    ['{\n  "alarms": [\n    { "occurrences": 1, }\n  ]\n}', 'bad-json', 3],
    ['{\n  "alarms": [\n    {"lastDateOfError": "01/08/2016 16:35:00", "errorDescription": "A",\n     "occurrences": "4"}\n  ]\n}', 'bad-occurrences', 4],
    ['{ "alarms": [ {"lastDateOfError": "01/08/2016 16:35:00", "occurrences": 4, "errorDescription": " "} ] }', 'empty-description', 1],
    ['{\n "alarms": [],\n "colour": "red"\n}', 'wrong-columns', 3],
    ['[\n {"lastDateOfError": "x", "occurrences": 4, "errorDescription": "A", "severity": "major"}\n]', 'wrong-columns', 2],
    ['{ "node": 42, "alarms": [] }', 'missing-node', 1],
    ['"just a string"', 'bad-header', 1],
    ['{"alarms": [] } trailing', 'bad-json', 1],
    ['[' + '['.repeat(40) + ']'.repeat(40) + ']', 'bad-json', 1],
  ];
  for (const [text, reason, line] of cases) {
    const parsed = parseJson(text);
    assert.ok(!parsed.ok, text);
    assert.deepEqual([parsed.refusal.reason, parsed.refusal.line], [reason, line], `${text}: ${parsed.refusal.message}`);
  }
});

test('a "__proto__" key is data, not a prototype', () => {
  const parsed = parseJson('{"__proto__": {"polluted": true}, "alarms": []}');
  assert.ok(!parsed.ok, 'unknown key refused');
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
});

test('regression (fuzz): megabytes of JSON values are refused as too many entries once the cap is passed, not read to the end', () => {
  const alarm = '{"lastDateOfError":"01/08/2016 16:35:00","occurrences":1,"errorDescription":"x","state":"active"}';
  const full = parseJson(`[\n${Array.from({ length: 1000 }, () => alarm).join(',\n')}\n]`);
  assert.ok(full.ok, 'a full list of 1000 alarms, every field given, is under the cap');
  const numbers = parseJson(`[\n${'1,'.repeat(500_000)}1]`);
  assert.ok(!numbers.ok);
  assert.equal(numbers.refusal.reason, 'too-many-entries');
  assert.equal(numbers.refusal.line, 2);
  const nested = parseJson(`{"alarms": [${'[[[1]]],'.repeat(5000)}1]}`);
  assert.ok(!nested.ok && nested.refusal.reason === 'too-many-entries', 'values are counted at every depth');
});
