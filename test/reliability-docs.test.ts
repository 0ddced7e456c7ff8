import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

const root = new URL('../', import.meta.url);
const doc = readFileSync(new URL('RELIABILITY.md', root), 'utf8');

test('every test RELIABILITY.md cites as proof exists, by file and by name', () => {
  const cited = [...doc.matchAll(/`([\w./-]+\.test\.ts)`: ((?:"[^"]+"(?:, )?)+)/g)];
  assert.ok(cited.length >= 15, `found ${cited.length} citations`);
  for (const [, file, names] of cited) {
    const url = new URL(file!, root);
    assert.ok(existsSync(url), `${file} does not exist`);
    const source = readFileSync(url, 'utf8');
    for (const [, name] of names!.matchAll(/"([^"]+)"/g)) {
      const quoted = [`'${name}'`, `"${name}"`, `\`${name}\``];
      assert.ok(quoted.some((q) => source.includes(`test(${q}`)), `${file} has no test named "${name}"`);
    }
  }
});

test('every file RELIABILITY.md names exists', () => {
  for (const [, file] of doc.matchAll(/`((?:collectors|src|test|notifiers)\/[\w./-]+\.ts)`/g)) assert.ok(existsSync(new URL(file!, root)), `${file} does not exist`);
});
