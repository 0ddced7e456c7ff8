import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseReleaseSpec, releaseInRange, type ReleaseSpec } from './release-range.js';
import { compareReleases, parseRelease } from './release.js';

test('parseRelease reads both numbering schemes onto one tuple', () => {
  // text → [major, minor, feature pack, service pack, special, build], precision
  const table: Array<[string, number[], number]> = [
    ['9.1', [9, 1, 0, 0, 0, 0], 2],
    ['9.1.4', [9, 1, 0, 4, 0, 0], 4], // R9.1 scheme: Major.Minor.SP.Special (002:208)
    ['9.1 SP4', [9, 1, 0, 4, 0, 0], 4],
    ['9.1 Service Pack 12', [9, 1, 0, 12, 0, 0], 4],
    ['9.1 GA', [9, 1, 0, 0, 0, 0], 4],
    ['9.1.0.0 build 437', [9, 1, 0, 0, 0, 437], 6], // 002:214
    ['9.0.2.0.41', [9, 0, 0, 2, 0, 41], 6], // "9.0.2.0.41 (9.0 Service Pack 2)", 001:669: the fifth group is the build
    ['8.1 (65)', [8, 1, 0, 0, 0, 65], 6], // 001:398
    ['8.1(65)', [8, 1, 0, 0, 0, 65], 6],
    ['10.0', [10, 0, 0, 0, 0, 0], 2],
    ['R10.0', [10, 0, 0, 0, 0, 0], 2],
    ['Release 10.0 SP1', [10, 0, 0, 1, 0, 0], 4],
    ['10.0 SP1', [10, 0, 0, 1, 0, 0], 4],
    ['10.0.0.1 build 300', [10, 0, 0, 1, 0, 300], 6], // R10 scheme: Major.Minor.FP.SP.Special (001:95-101)
    ['10.0.0.0.0 build 550', [10, 0, 0, 0, 0, 550], 6], // 001:103
    ['10.0.0.0 build 542', [10, 0, 0, 0, 0, 542], 6], // Platform View, 001:1689
    ['11.0 FP4 SP2', [11, 0, 4, 2, 0, 0], 4],
    ['11.1.3.0 build 23', [11, 1, 3, 0, 0, 23], 6],
    ['  10.1  ', [10, 1, 0, 0, 0, 0], 2],
  ];
  for (const [text, parts, precision] of table) {
    const release = parseRelease(text);
    assert.ok(release, `${JSON.stringify(text)} should parse`);
    assert.deepEqual([release.parts, release.precision], [parts, precision], text);
  }
});

test('parseRelease refuses what is not a release', () => {
  for (const text of ['', 'ten', '10.x', '10.', '10.0.0.0.0.1', '10.0 SP1 SP2', '10.0 SP1 FP2', '10.0.0.1 SP2', '9.1 FP1', '9.1.4 SP2', '10.0 build', '10.0 beta']) {
    assert.equal(parseRelease(text), undefined, JSON.stringify(text));
  }
});

test('compareReleases orders releases across spellings and schemes', () => {
  const ordered = ['8.1', '8.1 (65)', '8.1.1.0', '9.0.2.0.41', '9.0.3', '9.1 GA', '9.1.4', '9.1 SP9', '9.1.12', '10.0.0.0 build 542', '10.0.0.0.0 build 550', '10.0 SP1', '10.0.0.1 build 300', '10.0 SP5', '10.1', '11.0 FP4', '11.0 FP4 SP2', '11.1.3.0 build 23'];
  const parsed = ordered.map((text) => parseRelease(text)!);
  for (let i = 1; i < parsed.length; i++) {
    assert.ok(compareReleases(parsed[i - 1]!, parsed[i]!) < 0, `${ordered[i - 1]} < ${ordered[i]}`);
  }
  assert.equal(compareReleases(parseRelease('9.1.4')!, parseRelease('9.1 SP4')!), 0);
  assert.equal(compareReleases(parseRelease('10.0 SP1')!, parseRelease('10.0.0.1')!), 0);
});

test('release ranges: from inclusive, before exclusive, through inclusive of the whole line, a string is one line', () => {
  // spec, version, in range?
  const table: Array<[ReleaseSpec, string, boolean]> = [
    ['10.0', '10.0.0.0 build 542', true],
    ['10.0', '10.0 SP5', true],
    ['10.0', '10.1', false],
    ['10.0', '9.1.4', false],
    ['9.0.3', '9.0.3.0 build 941', true],
    ['9.0.3', '9.0.4', false],
    [{ from: '10.0', before: '10.0 SP1' }, '10.0.0.0 build 542', true],
    [{ from: '10.0', before: '10.0 SP1' }, '10.0.0.1 build 300', false],
    [{ from: '10.0', before: '10.0 SP1' }, '10.0 SP1', false],
    [{ from: '10.0', before: '10.0 SP1' }, '9.1 SP12', false],
    [{ before: '10.0 SP1' }, '9.1.4', true],
    [{ through: '9.1.4' }, '9.1.4.0 build 12', true],
    [{ through: '9.1.4' }, '9.1.5', false],
    [{ through: '8.1.0.0' }, '8.1 (65)', true],
    [{ through: '8.1.0.0' }, '8.1.1.0 build 10', false],
    [{ from: '9.1', before: '9.1.9' }, '9.1.8.0 build 172', true],
    [{ from: '9.1', before: '9.1.9' }, '9.1.9.0 build 1', false],
    [{ from: '10.0' }, '11.1.3.0 build 23', true],
    [{ from: '10.0' }, '9.1.4', false],
  ];
  for (const [spec, version, expected] of table) {
    const parsed = parseReleaseSpec(spec);
    assert.ok('range' in parsed, JSON.stringify(spec));
    assert.equal(releaseInRange(parseRelease(version)!, parsed.range), expected, `${version} in ${JSON.stringify(spec)}`);
  }
});

test('release ranges say why they are not ranges, and describe themselves', () => {
  const error = (spec: ReleaseSpec) => {
    const parsed = parseReleaseSpec(spec);
    return 'error' in parsed ? parsed.error : undefined;
  };
  assert.equal(error('10.x'), '"10.x" is not an IP Office release');
  assert.equal(error({ from: 'ten' }), 'from "ten" is not an IP Office release');
  assert.equal(error({}), 'give at least one of from, before, through');
  assert.equal(error({ before: '10.0', through: '9.1' }), 'give before or through, not both');
  assert.equal(error({ from: '10.0 SP1', before: '10.0' }), 'the range is empty: from 10.0 SP1 is not before 10.0');
  assert.equal(error({ from: '10.0', before: '10.0' }), 'the range is empty: from 10.0 is not before 10.0');
  assert.equal(error({ from: '9.1.5', through: '9.1.4' }), 'the range is empty: from 9.1.5 is after 9.1.4');
  assert.equal(error({ from: '9.1.4.0 build 3', through: '9.1.4' }), undefined, 'a build inside the through line is a valid start');

  const text = (spec: ReleaseSpec) => {
    const parsed = parseReleaseSpec(spec);
    return 'range' in parsed ? parsed.range.text : parsed.error;
  };
  assert.equal(text('10.0'), '10.0');
  assert.equal(text({ from: '10.0', before: '10.0 SP1' }), '10.0 to before 10.0 SP1');
  assert.equal(text({ through: '9.1.4' }), 'up to 9.1.4');
  assert.equal(text({ from: '10.0' }), '10.0 and later');
});
