import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { CodedError } from '../errors.js';
import { fuzz, mutatedText } from '../../test/helpers/fuzz.js';
import { parseConfigText } from './load.js';

const EXAMPLE = readFileSync(new URL('../../config/example.yaml', import.meta.url), 'utf8');
const FILE = 'fuzz.yaml';
const LOCATED = /^ {2}fuzz\.yaml:\d+:\d+ /m;

/** Parses, or throws a located CodedError of the two config codes; anything else (a TypeError, a hang) fails. */
function load(text: string): string | null {
  try {
    parseConfigText(text, FILE);
    return null;
  } catch (error) {
    assert.ok(error instanceof CodedError, `not a CodedError: ${String(error)}`);
    assert.ok(error.code === 'IPO_ERR_CONFIG_YAML' || error.code === 'IPO_ERR_CONFIG_INVALID', error.code);
    assert.match(error.message, LOCATED, 'every problem names file:line:column');
    return error.message;
  }
}

test('fuzz: the example configuration, mutated as text, loads or fails with a located config error', () => {
  fuzz(60, [mutatedText(fc.constant(EXAMPLE), 3)], (text) => void load(text), { maxRuns: 2000 });
});

test('fuzz: YAML-ish text of any shape loads or fails with a located config error', () => {
  const token = fc.constantFrom('server:', 'collectors:', '  syslog:', '    udp:', '- ', '&a ', '*a', '<<: *a', '{', '}', '[', ']', ': ', '"', "'", '|', '>', '#', '\n', '  ', '\t', '---', '...', '!!binary ', '!!str ', '? ', 'null', '0x1F', '1e999', '~', 'port: 99999');
  fuzz(300, [fc.array(token, { maxLength: 60 }).map((parts) => parts.join(''))], (text) => void load(text), { maxRuns: 2000 });
});

// --- Structure-aware: the example as data, with values replaced, keys renamed or removed, and secrets everywhere. ---

// Each starts with its own five characters, so even a shortened echo is recognised.
const SECRETS = {
  community: 'Qz1Co-5ecret-4f1d',
  authKey: 'Qz2Au-5ecret-9b2e',
  privKey: 'Qz3Pr-5ecret-0c7a',
  ssaToken: 'Qz4Ss-5ecret-token-77aa',
  influxToken: 'Qz5In-5ecret-31de',
  influxPassword: 'Qz6Pw-5ecret-8e0f',
};
const SECRET_VALUES = Object.values(SECRETS);

type Data = Record<string, unknown>;

function withSecrets(): Data {
  const data = parse(EXAMPLE) as Data;
  const collectors = data['collectors'] as Data;
  const snmp = collectors['snmp'] as Data;
  snmp['communities'] = [SECRETS.community];
  const user = (snmp['users'] as Data[])[0]!;
  user['authKey'] = SECRETS.authKey;
  user['privKey'] = SECRETS.privKey;
  (collectors['ssa'] as Data)['tokens'] = [SECRETS.ssaToken];
  const influx = (data['sinks'] as Data)['influxdb'] as Data;
  Object.assign(influx, { apiVersion: 'v2', bucket: 'ipo', token: SECRETS.influxToken, username: 'ipo', password: SECRETS.influxPassword });
  return data;
}

/** Every path to a value in the data, for the edits to pick from. */
function paths(value: unknown, at: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return [at, ...value.flatMap((v, i) => paths(v, [...at, i]))];
  if (value !== null && typeof value === 'object') return [at, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...at, k]))];
  return [at];
}

type Edit = { kind: 'set'; pick: number; value: unknown } | { kind: 'delete'; pick: number } | { kind: 'rename'; pick: number; to: string };

// Values of the wrong type or out of range, anywhere.
const replacement = fc.oneof(fc.constantFrom(null, true, -1, 0, 65536, 1e308, '', ' ', 'x', [], {}, [1, 'a'], { a: 1 }), fc.jsonValue({ maxDepth: 2 }));
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), pick: fc.nat(), value: replacement }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  // A typo'd key keeps its value: "authkey: <secret>" must not be echoed either.
  fc.record({ kind: fc.constant('rename' as const), pick: fc.nat(), to: fc.constantFrom('colectors', 'authkey', 'comunity', 'password', 'token', 'x') }),
);
const SECRET_PATHS: ReadonlyArray<ReadonlyArray<string | number>> = [
  ['collectors', 'snmp', 'communities', 0],
  ['collectors', 'snmp', 'users', 0, 'authKey'],
  ['collectors', 'snmp', 'users', 0, 'privKey'],
  ['collectors', 'ssa', 'tokens', 0],
  ['sinks', 'influxdb', 'token'],
  ['sinks', 'influxdb', 'password'],
];
// A secret field holding its secret in a shape the schema refuses: too short, in a list, in a mapping, with a newline.
const secretEdit = fc.record({
  at: fc.nat({ max: SECRET_PATHS.length - 1 }),
  shape: fc.constantFrom((s: string) => s.slice(0, 5), (s: string) => [s], (s: string) => ({ value: s }), (s: string) => `${s}\n${s}`, (s: string) => s.repeat(40)),
});

function setSecret(data: Data, at: number, shape: (s: string) => unknown): void {
  const path = SECRET_PATHS[at]!;
  const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Data)[key as string], data) as Data;
  parent[path.at(-1) as string] = shape(SECRET_VALUES[at]!);
}

function applyEdit(data: Data, e: Edit): void {
  const all = paths(data).filter((p) => p.length > 0);
  const path = all[e.pick % all.length]!;
  const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Data)[key as string], data) as Data | unknown[];
  const key = path.at(-1)!;
  if (e.kind === 'set') (parent as Data)[key as string] = e.value;
  else if (Array.isArray(parent)) parent.splice(key as number, 1);
  else {
    const value = parent[key as string];
    delete parent[key as string];
    if (e.kind === 'rename') parent[e.to] = value;
  }
}

test('fuzz: configurations with values replaced, keys renamed or removed load or fail located, and never echo a secret', () => {
  fuzz(100, [fc.array(secretEdit, { maxLength: 2 }), fc.array(edit, { maxLength: 3 })], (secretEdits, edits) => {
    const data = withSecrets();
    for (const e of secretEdits) setSecret(data, e.at, e.shape);
    for (const e of edits) applyEdit(data, e);
    const message = load(stringify(data));
    if (message === null) return;
    for (const secret of SECRET_VALUES) assert.ok(!message.includes(secret.slice(0, 5)), `the error message shows (part of) a secret:\n${message}`);
  }, { maxRuns: 2000 });
});
