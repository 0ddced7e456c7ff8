import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { formatOf, parseSnapshot } from './parse-snapshot.js';
import { seedTable } from './test-support.js';

test('the format comes from the hint, the media type, the file name, then the text', () => {
  const tsv = 'a\tb';
  assert.equal(formatOf(tsv, { format: 'csv', contentType: 'application/json' }), 'csv');
  assert.equal(formatOf(tsv, { contentType: 'application/json; charset=utf-8' }), 'json');
  assert.equal(formatOf(tsv, { contentType: 'text/plain', fileName: 'x.csv' }), 'csv');
  assert.equal(formatOf('  \n{"alarms": []}', {}), 'json');
  assert.equal(formatOf(tsv, { contentType: 'application/x-www-form-urlencoded' }), 'tsv', 'curl --data-binary default type: read the text');
  assert.equal(formatOf('a,b', {}), 'csv');
});

test('UTF-8 with a BOM, and UTF-16 as Windows Notepad saves "Unicode", read the same as plain UTF-8', () => {
  const plain = parseSnapshot(seedTable(1, 'tsv'));
  const bom = parseSnapshot(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), seedTable(1, 'tsv')]));
  const utf16 = parseSnapshot(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seedTable(1, 'tsv').toString('utf8'), 'utf16le')]));
  assert.ok(plain.ok && bom.ok && utf16.ok);
  assert.deepEqual(bom.value, plain.value);
  assert.deepEqual(utf16.value, plain.value);
});

test('windows-1252 text is read, with a warning', () => {
  const text = Buffer.from('Last Date Of Error\tOccurrences\tError Description\n01/08/2016 16:35:00\t1\tCaf\xe9 line down\n', 'latin1');
  const parsed = parseSnapshot(text);
  assert.ok(parsed.ok);
  assert.equal(parsed.value.rows[0]?.description, 'Café line down');
  assert.deepEqual(parsed.value.warnings.map((w) => w.kind), ['windows-1252']);
});

test('binary data is refused as binary, naming the line of the first control character; empty input as empty', () => {
  const mixed = Buffer.concat([Buffer.from('Service Alarms\nLast Date Of Error\tOccurrences\tError Description\n'), Buffer.from([0x00, 0x01, 0x02])]);
  const refused = parseSnapshot(mixed);
  assert.ok(!refused.ok);
  assert.deepEqual([refused.refusal.reason, refused.refusal.line], ['binary', 3]);
  assert.match(refused.refusal.message, /^line 3: binary data \(control character 0x00\)/);
  let binaryRefusals = 0;
  for (let i = 0; i < 50; i++) {
    const result = parseSnapshot(randomBytes(4096));
    assert.ok(!result.ok, 'random bytes never parse');
    if (result.refusal.reason === 'binary') binaryRefusals++;
  }
  assert.equal(binaryRefusals, 50);
  for (const empty of [Buffer.alloc(0), Buffer.from(' \n\t\r\n')]) {
    const result = parseSnapshot(empty);
    assert.ok(!result.ok);
    assert.equal(result.refusal.reason, 'empty');
  }
});

test('regression (fuzz): megabytes of blank lines, delimiters or JSON values are refused at a cap, not read to the end (they took seconds)', () => {
  const MB = 1024 * 1024;
  const fill = (unit: string) => unit.repeat(Math.floor((2 * MB) / unit.length));
  const cases: Array<[string, 'tsv' | 'csv' | 'json', string, number]> = [
    ['newlines after a TSV header', 'tsv', `Last Date Of Error\tOccurrences\tError Description\n${fill('\n')}`, 10_001],
    ['comment lines in CSV', 'csv', `Last Date Of Error,Occurrences,Error Description\n${fill('# c\n')}`, 10_001],
    ['a line of tabs', 'tsv', `Last Date Of Error\tOccurrences\tError Description\n${'\t'.repeat(4000)}\n`, 2],
    ['a line of commas', 'csv', `Last Date Of Error,Occurrences,Error Description\n${','.repeat(4000)}\n`, 2],
    ['a JSON array of numbers', 'json', `[${fill('1,')}1]`, 1],
  ];
  for (const [name, format, text, line] of cases) {
    const parsed = parseSnapshot(Buffer.from(text), { format });
    assert.ok(!parsed.ok, name);
    assert.deepEqual([parsed.refusal.reason, parsed.refusal.line], [name.includes('line of') ? 'wrong-columns' : 'too-many-entries', line], name);
  }
});
