import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeEvent } from '../../test/fakes/event-fixture.js';
import { FakeClock } from '../../test/fakes/fake-clock.js';
import { resiliencyHarness, resilientFleet } from '../../test/fakes/resiliency-harness.js';
import { makeTempDir } from '../../test/helpers/temp-dir.js';
import type { FleetEvent } from '../events/fleet-event.js';
import type { RecordedDecision } from '../pipeline/record-decision.js';
import { openSqliteStore } from '../storage/sqlite-store.js';
import { ResiliencyEngine } from './engine.js';

const MIN = 60_000;
const unreachable = { nodeId: 'hq-primary', sourceAddress: '10.0.0.10', source: 'snmp', collector: 'snmp', code: 'poll.node-unreachable', category: 'Generic', severity: 'major', raisesAlarm: true, alarmKey: '', text: 'HQ Primary does not answer SNMP polls' } as const;
const answers = { ...unreachable, severity: 'cleared', raisesAlarm: false, text: 'HQ Primary answers again' } as const;

test('a restart resumes the open incident: the failover that fell due while stopped happens at its time, and failback closes it', () => {
  const h = resiliencyHarness();
  h.feed(unreachable);
  const openedAt = h.clock.now();
  h.advance(1 * MIN);
  // Stopped for 5 minutes: the failover (due at 3 minutes) happens when the new engine starts, dated when it was due.
  h.clock.advance(5 * MIN);
  h.restart();
  const [resumed] = h.resiliency.open();
  assert.equal(resumed!.openedAt, openedAt);
  assert.equal(resumed!.failedOverAt, openedAt + 3 * MIN);
  assert.equal(h.emitted.filter((e) => e.code === 'resiliency.incident' && e.severity === 'critical').length, 1, 'no second incident alarm');

  h.feed(answers);
  h.advance(10 * MIN);
  const [closed] = h.resiliency.list();
  assert.equal(closed!.id, resumed!.id);
  assert.deepEqual(closed!.timeline.map((e) => e.kind), ['node-down', 'failover', 'node-up', 'failback', 'accs-stays', 'closed']);
  assert.equal(closed!.downMs, 6 * MIN);
  assert.equal(h.store.listAlarms({ limit: 100 } as never).find((a) => a.code === 'resiliency.incident')!.state, 'cleared');
  assert.deepEqual(h.store.listResiliencyIncidents({ open: true, limit: 10 }), []);

  // Retention: kept until the cutoff passes its close, then gone from the engine and the store.
  assert.equal(h.resiliency.applyRetention(closed!.closedAt!), 0);
  assert.equal(h.resiliency.applyRetention(closed!.closedAt! + 1), 1);
  assert.deepEqual(h.resiliency.list(), []);
  assert.deepEqual(h.store.listResiliencyIncidents({ limit: 10 }), []);
});

test('SQLite: an incident open when the store closed is there after reopening, and fails back on the new engine', (t) => {
  const dir = makeTempDir();
  t.after(dir.remove);
  const fleet = resilientFleet();
  const clock = new FakeClock();
  let id = 0;
  const recorded = (event: Partial<FleetEvent>): RecordedDecision[] => [{ event: { ...makeEvent({ receivedAt: clock.now(), ...event }), id: ++id, alarmId: null }, alarm: null, transitions: [], pendingNotifications: 0 }];
  const emitted: FleetEvent[] = [];
  const engineOn = (store: ReturnType<typeof openSqliteStore>) => new ResiliencyEngine({ fleet, clock, repository: store, emit: (event) => emitted.push(event) });

  const first = openSqliteStore(dir.path);
  const before = engineOn(first);
  before.start();
  before.onRecorded(recorded(unreachable));
  clock.advance(4 * MIN);
  before.tick();
  const incidentId = before.open()[0]!.id;
  first.close();

  clock.advance(2 * MIN);
  const second = openSqliteStore(dir.path);
  t.after(() => second.close());
  const after = engineOn(second);
  after.start();
  assert.deepEqual(after.open().map((i) => i.id), [incidentId]);
  assert.equal(after.open()[0]!.failedOverAt, after.open()[0]!.openedAt + 3 * MIN);
  after.onRecorded(recorded(answers));
  clock.advance(10 * MIN);
  after.tick();
  assert.equal(after.open().length, 0);
  const [stored] = second.listResiliencyIncidents({ limit: 10 });
  assert.equal(stored!.id, incidentId);
  assert.deepEqual(stored!.timeline.map((e) => e.kind), ['node-down', 'failover', 'node-up', 'failback', 'accs-stays', 'closed']);
  assert.equal(stored!.downMs, 6 * MIN);
  assert.deepEqual(emitted.map((e) => `${e.code}:${e.severity}`), ['resiliency.incident:critical', 'resiliency.failover:info', 'resiliency.failback:info', 'resiliency.accs-on-secondary:warning', 'resiliency.incident:cleared']);
});
