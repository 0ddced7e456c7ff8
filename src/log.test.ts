import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { createLogger } from './log.js';
import { redactSecrets } from './log-redact.js';

function capture() {
  const lines: string[] = [];
  const log = createLogger('info', new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) }));
  return { log, lines };
}

test('secret keys are censored at any depth, in objects and lists, and in child bindings', () => {
  const { log, lines } = capture();
  log.info({ password: 'S1-top', config: { collectors: { snmp: { communities: ['S2-comm'], users: [{ name: 'ipotrap', authKey: 'S3-auth', privKey: 'S4-priv' }] } } } }, 'deep');
  log.info({ server: { auth: { users: [{ name: 'anna', passwordHash: 'scrypt$S5-hash' }], tokens: [{ name: 'prom', sha256: 'S6-sha' }] } } }, 'auth');
  log.info({ transport: { auth: { user: 'ipo', pass: 'S7-smtp' } }, influx: { token: 'S8-influx' } }, 'sinks');
  log.child({ peer: { community: 'S9-child' } }).info('child');
  const text = lines.join('');
  for (let i = 1; i <= 9; i++) assert.doesNotMatch(text, new RegExp(`S${i}-`), `secret S${i} reached the log`);
  assert.match(text, /"name":"ipotrap"/, 'what is not secret stays');
  assert.match(text, /"users":\[\{"name":"anna","passwordHash":"\[redacted\]"\}\]/);
  assert.equal(lines.length, 4);
});

test('errors, buffers and class instances keep their own serialisation; objects without secrets are not copied', () => {
  const { log, lines } = capture();
  log.error({ err: new Error('boom'), bytes: Buffer.from('hi') }, 'failed');
  const line = JSON.parse(lines[0]!) as { err: { message: string; stack: string } };
  assert.equal(line.err.message, 'boom');
  assert.ok(line.err.stack.includes('Error: boom'));
  const plain = { a: { b: [1, { c: 'x' }] } };
  assert.equal(redactSecrets(plain), plain);
  assert.deepEqual(redactSecrets({ a: [{ token: 't' }] }), { a: [{ token: '[redacted]' }] });
});
