import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LineCounter, parseDocument } from 'yaml';
import { locateInYaml } from './yaml-locate.js';

const TEXT = `server:
  http:
    port:
    htttp: 1
fleet:
  customers:
    - &acme
      id: acme
      sites: [{ id: hq }]
    - *acme
`;

function at(text: string, path: PropertyKey[], anchor: 'key' | 'value' = 'value'): string {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const { line, column } = locateInYaml(doc, lineCounter, path, anchor);
  return `${line}:${column}`;
}

test('a value is located at the value; an unknown key at the key', () => {
  assert.equal(at(TEXT, ['fleet', 'customers', 0, 'id']), '8:11');
  assert.equal(at(TEXT, ['server', 'http', 'htttp'], 'key'), '4:5');
  assert.equal(at(TEXT, ['server', 'http', 'htttp']), '4:12');
});

test('an empty value (`port:`) is located at its key', () => {
  assert.equal(at(TEXT, ['server', 'http', 'port']), '3:5');
});

test('a missing key is located at its parent mapping', () => {
  assert.equal(at(TEXT, ['fleet', 'customers', 0, 'name']), '8:7');
  assert.equal(at(TEXT, ['fleet', 'customers', 0, 'sites', 0, 'name']), '9:15');
});

test('a path through an alias is located at the alias, not the shared anchor', () => {
  assert.equal(at(TEXT, ['fleet', 'customers', 1, 'id']), '10:7');
});

test('the top level, and anything in an empty document, is 1:1', () => {
  assert.equal(at('- a\n', []), '1:1');
  assert.equal(at('', ['server']), '1:1');
});
