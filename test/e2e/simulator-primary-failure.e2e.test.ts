import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { simpleParser } from 'mailparser';
import { eventually } from '../helpers/eventually.js';
import { getJson } from '../helpers/http-json.js';
import { startSimStack, type SimStack } from '../helpers/sim-stack.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { DEFAULT_SCENARIO_OPTIONS } from '../../simulator/simulate.js';
import { solutionOf } from '../../simulator/fleet/sim-fleet.js';

interface Incident { id: string; kind: string; nodeId: string; peerId: string | null; open: boolean; down: boolean; takenOver: Array<{ service: string; by: string }>; timeline: Array<{ kind: string; text: string }> }

/** Resiliency waits divided by 30: failover 6 s, failback 20 s (scaledResiliency). */
const RESILIENCY_SCALE = 30;
const OUTAGE_SECONDS = 10;

interface Mail { file: string; subject: string; alarms: Array<{ id: number; code: string; nodeId: string | null }> }

/** The .eml files in the outbox, oldest first, with the alarms each reports (its X-IPO-Observer-Alarms, from the API). */
async function outboxMails(outbox: string, url: string): Promise<Mail[]> {
  const files = existsSync(outbox) ? readdirSync(outbox).filter((name) => name.endsWith('.eml')).sort() : [];
  const mails: Mail[] = [];
  for (const file of files) {
    const parsed = await simpleParser(readFileSync(join(outbox, file)));
    const ids = String(parsed.headers.get('x-ipo-observer-alarms') ?? '').split(',').filter(Boolean).map(Number);
    const alarms = [];
    for (const id of ids) {
      const { alarm } = (await getJson(`${url}/api/v1/alarms/${id}`)) as { alarm: { code: string; node: { id: string } | null } };
      alarms.push({ id, code: alarm.code, nodeId: alarm.node?.id ?? null });
    }
    mails.push({ file, subject: parsed.subject ?? '', alarms });
  }
  return mails;
}

test('simulate primary-failure with scaled resiliency: node down, failover, lines down, phones moved; back, failback, closed; one incident email and its resolution', async (t) => {
  const dir = makeTempDir();
  const outbox = join(dir.path, 'outbox');
  let sim: SimStack | null = null;
  // The simulator runs on until the emails are checked: when it stops, its agents close and the nodes go unreachable
  // again, which opens new incidents and sends new emails (seconds after the failback, close to the resolution's).
  const stop = new AbortController();
  t.after(async () => {
    stop.abort();
    await sim?.stack.stop();
    dir.remove();
  });
  sim = await startSimStack(dir.path, 'primary-failure', { stack: { resiliencyTimeScale: RESILIENCY_SCALE, groupWaitSeconds: 2, groupIntervalSeconds: 3, outboxFolder: outbox } });
  const primaryId = sim.fleet.nodes.find((n) => n.role === 'primary')!.id;
  const { primary, secondary, expansions } = solutionOf(sim.fleet, primaryId);
  const url = sim.stack.httpUrl;
  const run = sim.simulate({ signal: stop.signal, durationSeconds: OUTAGE_SECONDS + 100, timeScale: 1, reportIntervalSeconds: 1, scenarioOptions: { ...DEFAULT_SCENARIO_OPTIONS, outageSeconds: OUTAGE_SECONDS } });

  const incident = await eventually(async () => {
    const { incidents } = (await getJson(`${url}/api/v1/resiliency?open=true`)) as { incidents: Incident[] };
    const down = incidents.find((i) => i.kind === 'node' && i.nodeId === primary.id && i.down);
    assert.ok(down, JSON.stringify(incidents));
    return down;
  }, { message: 'the Primary stops answering polls: a node-down incident' });
  assert.deepEqual(new Set(incident.takenOver.map((t) => t.by)), new Set([secondary!.id]), 'the Secondary takes over');
  assert.ok(incident.takenOver.some((t) => t.service === 'phones'));
  // The engine opens the incident, then offers its event to the pipeline: the alarm is stored a drain later.
  await eventually(async () => {
    const { alarms } = await getJson(`${url}/api/v1/alarms?state=open&limit=200`);
    assert.ok(alarms.some((a: { code: string; severity: string; node: { id: string } }) => a.code === 'resiliency.incident' && a.severity === 'critical' && a.node.id === primary.id), 'the incident alarm');
  });

  await eventually(async () => {
    const { events } = await getJson(`${url}/api/v1/events?node=${secondary!.id}&source=snmp&limit=200`);
    const moved = events.filter((e: { code: string }) => e.code.startsWith('snmp.ipo.phone-change'));
    assert.ok(moved.length >= 8, `phone changes on the Secondary: ${moved.length}`);
    const { incidents } = (await getJson(`${url}/api/v1/resiliency`)) as { incidents: Incident[] };
    for (const peer of [secondary!, ...expansions]) {
      const reported = incidents.some((i) => i.id === incident.id && i.timeline.some((e) => e.kind === 'link-down' && e.text.includes(peer.name)));
      assert.ok(reported, `the line from ${peer.id} is down, on the incident's timeline: ${JSON.stringify(incidents)}`);
    }
    assert.deepEqual(incidents.filter((i) => i.id !== incident.id && [primary.id, secondary!.id, ...expansions.map((e) => e.id)].includes(i.nodeId)), [], 'no other incident in the solution');
  }, { message: 'the lines to the Primary go down and its phones re-register on the Secondary' });

  const closed = await eventually(async () => {
    const { incidents } = (await getJson(`${url}/api/v1/resiliency`)) as { incidents: Incident[] };
    const after = incidents.find((i) => i.id === incident.id)!;
    assert.equal(after.open, false, `closed after failback: ${after.timeline.map((e) => e.kind).join(', ')}`);
    return after;
  }, { timeoutMs: 60_000, intervalMs: 250, message: 'the Primary should be back, fail back and the incident close' });
  const kinds = closed.timeline.map((e) => e.kind);
  const order = ['node-down', 'failover', 'node-up', 'failback', 'closed'].map((kind) => kinds.indexOf(kind));
  assert.ok(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]!)), `node-down, failover, node-up, failback, closed in order: ${kinds.join(', ')}`);
  assert.ok(kinds.includes('restart') && kinds.includes('link-up'), kinds.join(', '));

  // The notifier: for the Primary's solution one email for the incident and one for its resolution; the held
  // symptoms (unreachable polls, line failures, phone changes, the cold start) send none.
  const solution = new Set([primary, secondary!, ...expansions].map((node) => node.id));
  const mails = await eventually(async () => {
    const ours = (await outboxMails(outbox, url)).filter((mail) => mail.alarms.some((a) => a.nodeId !== null && solution.has(a.nodeId)));
    assert.ok(ours.some((mail) => mail.subject.includes('[RESOLVED]')), `no resolution yet (${ours.length} of the solution's): ${ours.map((m) => m.subject).join('\n')}`);
    return ours;
  }, { timeoutMs: 15_000, intervalMs: 250, message: 'the incident\'s resolution email' });
  const described = mails.map((m) => `${m.subject} ${JSON.stringify(m.alarms)}`).join('\n');
  assert.equal(mails.length, 2, described);
  for (const mail of mails) assert.deepEqual(mail.alarms.map((a) => `${a.code}@${a.nodeId}`), [`resiliency.incident@${primary.id}`], described);
  assert.match(mails[0]!.subject, /\[CRITICAL\]\[Resiliency\]/, described);
  assert.match(mails[1]!.subject, /\[RESOLVED\]\[Resiliency\]/, described);

  stop.abort();
  const report = await run;
  assert.equal(report.failures.snmp, 0, report.lastError ?? '');
  assert.equal(report.agents.failed, 0, report.lastError ?? '');
});
