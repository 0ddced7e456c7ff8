import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_SYSLOG_CONFIG, syslogConfigSchema } from './config.js';

test('the empty section gives DEFAULT_SYSLOG_CONFIG: UDP on, TCP and TLS off', () => {
  assert.deepEqual(syslogConfigSchema.parse({}), DEFAULT_SYSLOG_CONFIG);
});

test('allowedSources takes addresses and CIDR blocks, per listener', () => {
  const config = syslogConfigSchema.parse({ udp: { allowedSources: ['10.0.0.0/8', '2001:db8::1'], unlistedSources: 'refuse' }, tcp: { allowedSources: ['192.0.2.0/24'] } });
  assert.deepEqual(config.udp.allowedSources, ['10.0.0.0/8', '2001:db8::1']);
  assert.equal(config.udp.unlistedSources, 'refuse');
  assert.deepEqual(config.tls.allowedSources, []);
  const bad = syslogConfigSchema.safeParse({ udp: { allowedSources: ['ipo-hq'] } });
  assert.equal(bad.success, false);
  assert.deepEqual(bad.error?.issues.map((i) => i.path), [['udp', 'allowedSources', 0]]);
});

test('tls.enabled needs certFile and keyFile; requireClientCert needs caFile', () => {
  const missing = syslogConfigSchema.safeParse({ tls: { enabled: true, requireClientCert: true } });
  assert.equal(missing.success, false);
  assert.deepEqual(missing.error?.issues.map((i) => i.path.join('.')).sort(), ['tls.caFile', 'tls.certFile', 'tls.keyFile']);
  const ok = syslogConfigSchema.parse({ tls: { enabled: true, certFile: '/etc/ipo/syslog.pem', keyFile: '/etc/ipo/syslog.key' } });
  assert.equal(ok.tls.requireClientCert, false);
});

test('limits are checked: ports, connection counts, message size', () => {
  for (const bad of [{ tcp: { port: 70000 } }, { tcp: { maxConnections: 0 } }, { tls: { idleTimeoutSeconds: -1 } }, { maxMessageBytes: 100 }, { maxMessageBytes: 2_000_000 }, { udp: { receiveBufferBytes: -1 } }, { tcp: { unlistedSources: 'drop' } }]) {
    assert.equal(syslogConfigSchema.safeParse(bad).success, false, JSON.stringify(bad));
  }
});
