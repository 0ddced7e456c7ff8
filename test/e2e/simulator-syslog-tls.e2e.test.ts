import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventually } from '../helpers/eventually.js';
import { getJson } from '../helpers/http-json.js';
import { simulateUntil, startSimStackFor } from '../helpers/sim-stack.js';
import { makeTestCertificates } from '../helpers/test-certs.js';

interface SyslogEvent { code: string; node: { id: string } | null; attributes: Record<string, unknown> }

test('simulate --syslog-stream tls: the stream lines go over TLS (RFC 5425, the stack\'s certificate verified) from each system\'s own address', async (t) => {
  const sim = await startSimStackFor(t, 'steady', async (dir) => ({ tls: await makeTestCertificates(dir) }));
  const url = sim.stack.httpUrl;
  // Four seconds, and on a busy machine until ten ticks are out: one line a tick, every fifth over TLS.
  const report = await sim.simulate({ ...simulateUntil(t, ({ elapsedSeconds, sent }) => elapsedSeconds >= 4 && sent.syslog >= 10, 60), syslogStream: 'tls', timeScale: 5, reportIntervalSeconds: 1 });
  assert.equal(report.failures.syslog, 0, report.lastError ?? '');

  const events = await eventually(async () => {
    const { events } = (await getJson(`${url}/api/v1/events?source=syslog&limit=1000`)) as { events: SyslogEvent[] };
    assert.equal(events.length, report.sent.syslog, 'every line sent became an event');
    return events;
  }, { message: 'the syslog lines should be stored' });
  const byListener = new Map<unknown, number>();
  for (const event of events) byListener.set(event.attributes['listener'], (byListener.get(event.attributes['listener']) ?? 0) + 1);
  assert.ok((byListener.get('tls') ?? 0) >= 2, JSON.stringify([...byListener]));
  assert.equal(byListener.get('tcp'), undefined, 'no TCP: the stream lines went over TLS');
  const overTls = events.filter((e) => e.attributes['listener'] === 'tls');
  assert.ok(overTls.every((e) => e.node !== null && e.attributes['format'] === 'rfc5424'), JSON.stringify(overTls.slice(0, 3)));
});
