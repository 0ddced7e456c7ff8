import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTsv } from './parse-tsv.js';
import { seedTable } from './test-support.js';

const HEADER = 'Last Date Of Error\tOccurrences\tError Description';

test('the seed tables parse as copied from SSA, with and without trailing tabs', () => {
  for (const n of [1, 2, 3] as const) {
    const parsed = parseTsv(seedTable(n, 'tsv').toString('utf8'));
    assert.ok(parsed.ok, JSON.stringify(parsed));
    assert.deepEqual(parsed.value.names.list, [{ value: 'Service Alarms', where: 'line 1', line: 1 }]);
    assert.equal(parsed.value.rows.length, 8);
    assert.ok(parsed.value.rows.every((row) => row.state === 'unknown'), 'copied text has no colours');
  }
  const first = parseTsv(seedTable(1, 'tsv').toString('utf8'));
  assert.ok(first.ok);
  assert.deepEqual(first.value.rows[2], {
    line: 5,
    lastDateOfError: '01/08/2016 16:38:52',
    occurrences: 4,
    description: 'Attempt to use a feature for which no license is installed. License Type: CTI Link Pro',
    state: 'unknown',
    source: '01/08/2016 16:38:52\t4\tAttempt to use a feature for which no license is installed. License Type: CTI Link Pro\t',
  });
});

test('header lines name the node and list; a State column gives red and black; CRLF and blank lines are fine', () => {
  const text = `# node: hq-primary\r\n# list: Service\r\n# saved by the night script\r\n\r\nState\t${HEADER}\r\nred\t01/08/2016 16:35:00\t4\tA\r\nblack\t01/08/2016 16:36:00\t1\tB\r\n\t01/08/2016 16:37:00\t2\tC\r\n`;
  const parsed = parseTsv(text);
  assert.ok(parsed.ok, JSON.stringify(parsed));
  assert.deepEqual(parsed.value.names.node.map((n) => n.value), ['hq-primary']);
  assert.deepEqual(parsed.value.names.list.map((n) => n.where), ['line 2']);
  assert.deepEqual(parsed.value.rows.map((row) => [row.line, row.description, row.state]), [
    [6, 'A', 'active'],
    [7, 'B', 'cleared'],
    [8, 'C', 'unknown'],
  ]);
});

test('malformed tables are refused with the reason and the line', () => {
  const cases: Array<[string, string, number | null, RegExp]> = [
    [`Service Alarms\n01/08/2016 16:35:00\t4\tA\n`, 'bad-header', 2, /unknown column "01\/08\/2016 16:35:00"/],
    [`Occurrences\tError Description\n`, 'bad-header', 1, /lacks "Last Date Of Error"/],
    [`${HEADER}\n01/08/2016 16:35:00\t4\tA\tsurprise\textra\n`, 'wrong-columns', 2, /5 columns, expected 3/],
    [`${HEADER}\n01/08/2016 16:35:00\t4\n`, 'wrong-columns', 2, /2 columns, expected 3/],
    [`${HEADER}\n01/08/2016 16:35:00\tfour\tA\n`, 'bad-occurrences', 2, /"four" is not a whole number/],
    [`${HEADER}\tState\n01/08/2016 16:35:00\t4\tA\tgreen\n`, 'bad-state', 2, /"green"/],
    [`${HEADER}\n\n01/08/2016 16:35:00\t4\tA\nService Alarms\n`, 'bad-header', 4, /a second alarm list/],
    [`just some text\n`, 'bad-header', 1, /unknown column/],
    [`${HEADER}\n01/08/2016 16:35:00\t4\t${'x'.repeat(5000)}\n`, 'line-too-long', 2, /5022 characters/],
  ];
  for (const [text, reason, line, message] of cases) {
    const parsed = parseTsv(text);
    assert.ok(!parsed.ok, text);
    assert.equal(parsed.refusal.reason, reason, text);
    assert.equal(parsed.refusal.line, line, text);
    assert.match(parsed.refusal.message, message);
    if (line !== null) assert.match(parsed.refusal.message, new RegExp(`^line ${line}: `));
  }
});

test('an empty list (after Clear All) is a valid snapshot; no header at all is not', () => {
  const empty = parseTsv(`Service Alarms\t\t\t\n${HEADER}\t\n`);
  assert.ok(empty.ok);
  assert.deepEqual(empty.value.rows, []);
  const none = parseTsv('# node: hq-primary\n');
  assert.ok(!none.ok);
  assert.equal(none.refusal.reason, 'bad-header');
});
