import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { eventually } from '../helpers/eventually.js';
import { getJson } from '../helpers/http-json.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { DEFAULT_DEMO, runDemo } from '../../simulator/demo.js';

test('the demo starts the stack and the simulator: alarms in the API, an email in the outbox folder, then a Primary failure whose incident fails over, fails back and closes', async (t) => {
  const dir = makeTempDir();
  const abort = new AbortController();
  let demo: ReturnType<typeof runDemo> | null = null;
  t.after(async () => {
    abort.abort();
    await demo?.catch(() => undefined);
    dir.remove();
  });
  const lines: string[] = [];
  let started: { httpUrl: string; outbox: string } | null = null;
  demo = runDemo({
    ...DEFAULT_DEMO,
    dir: dir.path,
    durationSeconds: 90,
    httpPort: 0,
    // Faster than the demo's own (18, a 60 s outage) so the whole cycle fits the test: failover 6 s, failback 20 s.
    resiliencyTimeScale: 30,
    outageSeconds: 20,
    ports: { syslog: 0, syslogTcp: 0, snmp: 0, rtcp: 0, agent: 0 },
    logLevel: 'silent',
    signal: abort.signal,
    print: (line) => lines.push(line),
    onStarted: (info) => (started = info),
  });

  const { httpUrl, outbox } = await eventually(() => started ?? assert.fail('not started yet'), { timeoutMs: 20_000 });
  assert.ok(lines.some((line) => line.includes(httpUrl) && line.includes('web UI')), lines.join('\n'));
  assert.ok(lines.some((line) => line.includes(outbox)), 'the outbox folder is printed');
  assert.equal(outbox, join(dir.path, 'outbox'));

  await eventually(async () => {
    const { alarms } = await getJson(`${httpUrl}/api/v1/alarms?state=open`);
    assert.ok(alarms.length >= 3, `open alarms: ${alarms.length}`);
  }, { timeoutMs: 20_000, message: 'the simulated fleet should raise alarms' });
  const mail = await eventually(() => {
    const files = readdirSync(outbox).filter((name) => name.endsWith('.eml'));
    assert.ok(files.length > 0, 'no .eml yet');
    return readFileSync(join(outbox, files[0]!), 'utf8');
  }, { timeoutMs: 30_000, intervalMs: 250, message: 'an email should land in the outbox (10 s group wait)' });
  assert.match(mail, /^Subject: /m);
  assert.match(mail, /cust00\d/, 'about a simulated customer\'s system');

  assert.ok(lines.some((line) => line.includes('a Server Edition Primary fails')), lines.join('\n'));

  type Incident = { id: string; kind: string; open: boolean; timeline: Array<{ kind: string }> };
  const primary = await eventually(async () => {
    const { incidents } = (await getJson(`${httpUrl}/api/v1/resiliency`)) as { incidents: Incident[] };
    const found = incidents.find((i) => i.kind === 'node');
    assert.ok(found, 'no node incident yet');
    return found;
  }, { timeoutMs: 40_000, intervalMs: 250, message: 'after the lead-in the Primary fails: a node incident opens' });
  await eventually(async () => {
    const { incidents } = (await getJson(`${httpUrl}/api/v1/resiliency`)) as { incidents: Incident[] };
    const after = incidents.find((i) => i.id === primary.id)!;
    const kinds = after.timeline.map((e) => e.kind);
    assert.ok(!after.open && ['failover', 'node-up', 'failback', 'closed'].every((k) => kinds.includes(k)), kinds.join(', '));
  }, { timeoutMs: 45_000, intervalMs: 250, message: 'the incident fails over, the Primary comes back, fails back and the incident closes' });

  abort.abort();
  const result = await demo;
  assert.ok(result.report.sent.snmp > 0 && result.report.sent.syslog > 0 && result.report.sent.rtcp > 0, JSON.stringify(result.report.sent));
});
