import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MetricsRegistry } from '../../src/metrics/registry.js';
import { eventually } from '../../test/helpers/eventually.js';
import { metricValue } from '../../test/helpers/http-json.js';
import { makeTempDir } from '../../test/helpers/temp-dir.js';
import { syslogConfigSchema } from './config.js';
import { createFakeContext } from '../../test/fakes/collector-context.js';
import { syslogCollector } from './index.js';
import { startRsyslogForwarder, type RsyslogForwarder } from './rsyslog-forwarder.js';
import { makeTestCertificates } from '../../test/helpers/test-certs.js';

for (const requireClientCert of [false, true]) {
  test(`rsyslog forwards over TLS with octet counting (RFC 5425) to our listener, ${requireClientCert ? 'with a verified client certificate' : 'anonymous client'}`, async (t) => {
    const dir = makeTempDir('ipo-observer-rsyslog-');
    let rsyslog: RsyslogForwarder | null = null;
    const fake = createFakeContext({ now: Date.now() });
    const registry = new MetricsRegistry();
    const certs = await makeTestCertificates(dir.path);
    const collector = syslogCollector.create(
      syslogConfigSchema.parse({
        udp: { enabled: false },
        tls: { enabled: true, listenAddress: '127.0.0.1', port: 0, certFile: certs.serverCert, keyFile: certs.serverKey, caFile: certs.ca, requireClientCert },
      }),
      { ...fake.ctx, registry },
    );
    t.after(async () => {
      await rsyslog?.stop();
      await collector.stop();
      dir.remove();
    });
    await collector.start();
    const port = collector.endpoints().find((e) => e.transport === 'tls')!.port!;

    rsyslog = await startRsyslogForwarder({ dir: dir.path, port, ca: certs.ca, ...(requireClientCert && { client: { cert: certs.clientCert, key: certs.clientKey } }) });
    await rsyslog.log('WebLM Server Error: System not licensed for Select');
    await rsyslog.log('Alarm: Trunk: Line 5 red alarm', { priority: 'local0.err' });

    await eventually(() => assert.equal(fake.events.length, 2), { timeoutMs: 30_000, message: 'rsyslog should deliver both lines over TLS' });
    const [weblm, trunk] = fake.events;
    assert.equal(weblm!.code, 'syslog.licence.weblm-server-error');
    assert.equal(weblm!.text, 'WebLM Server Error: System not licensed for Select', 'the space rsyslog puts before MSG is gone');
    assert.equal(weblm!.attributes['format'], 'rfc5424');
    assert.equal(weblm!.attributes['listener'], 'tls');
    assert.equal(weblm!.attributes['flags'], 'leading-space');
    assert.match(weblm!.raw.data, /^<132>1 \S+ \S+ IPOffice - - - {2}WebLM/, 'raw keeps the line as rsyslog sent it');
    assert.match(weblm!.raw.data, /Select\n$/, 'raw is the frame verbatim, with the LF rsyslog counts in the octet count');
    assert.equal(weblm!.attributes['tlsPeer'] ?? null, requireClientCert ? 'rsyslog-relay' : null);
    assert.equal(trunk!.code, 'syslog.alarm.trunk');
    assert.equal(trunk!.severity, 'major');
    assert.deepEqual(trunk!.entity, { kind: 'trunk', id: '5', name: 'Line 5' });
    assert.deepEqual(fake.counters.refused, {});
    const metrics = registry.render();
    assert.equal(metricValue(metrics, 'ipo_syslog_parsed_total', { listener: 'tls' }), 2);
    assert.equal(metricValue(metrics, 'ipo_syslog_connections', { listener: 'tls' }), 1);
  });
}
