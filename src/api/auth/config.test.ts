import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseConfigText } from '../../config/load.js';
import { CodedError } from '../../errors.js';
import { isLoopback } from './config.js';

const HASH = 'scrypt$1024$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
const SHA = 'a'.repeat(64);

function configError(text: string): string {
  try {
    parseConfigText(text, 'ipo.yaml');
  } catch (error) {
    assert.ok(error instanceof CodedError);
    assert.equal(error.code, 'IPO_ERR_CONFIG_INVALID');
    return error.message;
  }
  assert.fail('expected a configuration error');
}

test('loopback is 127.0.0.0/8 and ::1, nothing else', () => {
  for (const address of ['127.0.0.1', '127.3.2.1', '::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1']) assert.equal(isLoopback(address), true, address);
  for (const address of ['0.0.0.0', '::', '10.0.0.1', '192.0.2.1', '128.0.0.1', 'fe80::1', 'localhost']) assert.equal(isLoopback(address), false, address);
});

test('listening beyond loopback without users or tokens is a located config error naming server.auth', () => {
  const message = configError('server:\n  http:\n    listenAddress: 0.0.0.0\n    port: 8080\n');
  assert.match(message, /ipo\.yaml:3:\d+ server\.http\.listenAddress: listening on 0\.0\.0\.0 \(not loopback\) needs authentication: add server\.auth\.users/);
  assert.match(message, /hash-password/);
});

test('beyond loopback with a user or a token is fine; loopback without anyone is fine', () => {
  const withUser = parseConfigText(`server:\n  http: { listenAddress: 0.0.0.0 }\n  auth:\n    users: [{ name: ada, role: admin, passwordHash: '${HASH}' }]\n`, 'ipo.yaml');
  assert.equal(withUser.server.auth.users[0]?.role, 'admin');
  assert.deepEqual(withUser.server.auth.session, { idleMinutes: 60, absoluteHours: 12 });
  const withToken = parseConfigText(`server:\n  http: { listenAddress: '::' }\n  auth:\n    tokens: [{ name: grafana, role: viewer, sha256: '${SHA}' }]\n`, 'ipo.yaml');
  assert.equal(withToken.server.auth.tokens.length, 1);
  assert.equal(parseConfigText('server:\n  http: { listenAddress: 127.0.0.1 }\n', 'ipo.yaml').server.auth.users.length, 0);
});

test('a password instead of a hash, an unknown role and a duplicate name are located errors; the secret is not echoed', () => {
  const message = configError(
    `server:\n  auth:\n    users:\n      - { name: ada, role: admin, passwordHash: hunter2 }\n      - { name: bob, role: boss, passwordHash: '${HASH}' }\n    tokens:\n      - { name: ci, role: viewer, sha256: not-a-digest }\n`,
  );
  assert.match(message, /ipo\.yaml:4:\d+ server\.auth\.users\[0\]\.passwordHash: expected a hash printed by `ipo-observer hash-password`/);
  assert.match(message, /ipo\.yaml:5:\d+ server\.auth\.users\[1\]\.role: expected one of "viewer", "operator", "admin"; got "boss"/);
  assert.match(message, /server\.auth\.tokens\[0\]\.sha256: expected the sha256 printed by `ipo-observer new-token`/);
  assert.doesNotMatch(message, /hunter2|not-a-digest/);
  const tooCostly = configError(`server:\n  auth:\n    users:\n      - { name: ada, role: admin, passwordHash: '${HASH.replace('$1024$', '$1000$')}' }\n`);
  assert.match(tooCostly, /ipo\.yaml:4:\d+ server\.auth\.users\[0\]\.passwordHash: expected a hash .*N a power of two 1024…1048576.*; got a value that is not shown \(secret\)/);
  const duplicate = configError(`server:\n  auth:\n    users:\n      - { name: ada, role: admin, passwordHash: '${HASH}' }\n      - { name: ada, role: viewer, passwordHash: '${HASH}' }\n`);
  assert.match(duplicate, /ipo\.yaml:5:\d+ server\.auth\.users\[1\]\.name: user names must be unique; "ada" appears twice/);
});
