import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import type { EventCategory } from '../src/events/categories.js';
import type { ProblemSeverity } from '../src/events/severity.js';
import { fleetSchema } from '../src/fleet/fleet-schema.js';
import { FleetIndex } from '../src/fleet/fleet-index.js';
import { openSqliteStore } from '../src/storage/sqlite-store.js';
import { notifierHarness } from '../test/fakes/notifier-harness.js';
import { makeTempDir } from '../test/helpers/temp-dir.js';
import { OPEN_DELIVERY_STATUSES } from './delivery.js';

const NODES = 500;
const ALARMS_PER_NODE = 20;
const CUSTOMERS = 50;
const KINDS: Array<{ category: EventCategory; severity: ProblemSeverity }> = [
  { category: 'Trunk lines', severity: 'major' },
  { category: 'License', severity: 'critical' },
  { category: 'Generic', severity: 'minor' },
  { category: 'Phone change', severity: 'warning' },
];

function stormFleet(): FleetIndex {
  const customers = Array.from({ length: CUSTOMERS }, (_, c) => ({
    id: `c${c}`,
    name: `Customer ${c}`,
    sites: [
      {
        id: `c${c}-site`,
        name: `Site ${c}`,
        timeZone: 'Europe/London',
        nodes: Array.from({ length: NODES / CUSTOMERS }, (_, n) => ({ id: `c${c}-n${n}`, name: `Node ${c}.${n}`, role: 'primary', addresses: [`10.${c}.0.${n + 1}`] })),
      },
    ],
  }));
  return new FleetIndex(fleetSchema.parse({ customers }));
}

test(`storm: ${NODES} nodes x ${ALARMS_PER_NODE} alarms in a minute -> at most maxPerInterval emails and one digest per profile, nothing lost`, async (t) => {
  const dir = makeTempDir();
  const store = openSqliteStore(join(dir.path, 'data'));
  t.after(() => {
    store.close();
    dir.remove();
  });
  const h = notifierHarness({ store, fleet: stormFleet() });
  const started = performance.now();

  // 10,000 problems spread over 60 s of fake time, the notifier ticking every 500 ms as its timer would.
  const total = NODES * ALARMS_PER_NODE;
  let nextTick = h.clock.now() + 500;
  for (let i = 0; i < total; i++) {
    const node = i % NODES;
    const kind = KINDS[Math.floor(i / NODES) % KINDS.length]!;
    const c = Math.floor(node / (NODES / CUSTOMERS));
    h.feed({ sourceAddress: `10.${c}.0.${(node % (NODES / CUSTOMERS)) + 1}`, alarmKey: `a${Math.floor(i / NODES)}`, text: `alarm ${Math.floor(i / NODES)}`, ...kind });
    h.clock.advance(60_000 / total);
    if (h.clock.now() >= nextTick) {
      await h.notifier.tick();
      nextTick += 500;
    }
  }
  const fed = performance.now();
  for (let elapsed = 0; elapsed < 30 * 60_000; elapsed += 30_000) await h.advance(30_000);
  const drained = performance.now();

  const messages = store.listMessages({ limit: 100_000 });
  const byProfile = (kind: string) => Object.fromEntries(['noc', 'partner', 'support'].map((p) => [p, messages.filter((m) => m.profile === p && m.kind === kind).length]));
  t.diagnostic(`fed ${total} events in ${Math.round(fed - started)} ms; notifier drained in ${Math.round(drained - fed)} ms; emails ${JSON.stringify(byProfile('alarms'))}, digests ${JSON.stringify(byProfile('digest'))}`);
  assert.deepEqual(byProfile('digest'), { noc: 1, partner: 1, support: 1 });
  for (const [profile, n] of Object.entries(byProfile('alarms'))) assert.ok(n <= 20, `${profile}: ${n} emails, brake is 20`);
  assert.equal(h.transport.sent.length, messages.length, 'every message sent once');

  assert.equal(store.listDeliveries({ statuses: OPEN_DELIVERY_STATUSES, limit: 10 }).length, 0, 'nothing left waiting');
  const taken = store.listDeliveries({ statuses: ['sent'], limit: 100_000 });
  // noc: Trunk lines + License (major, critical); partner: License + Generic; support: Trunk lines + Phone change.
  assert.equal(taken.length, 3 * (total / 2), 'each profile got every transition it takes, in an email or a digest');
  assert.equal(store.listNotifications({ status: 'sent', limit: 100_000 }).length, total);
  const digest = messages.find((m) => m.profile === 'noc' && m.kind === 'digest')!;
  assert.match(digest.subject, /\[DIGEST\] \d+ alarm changes on \d+ alarms held back/);
  assert.ok(digest.text.length < 2_000_000, `digest text is bounded (${digest.text.length} chars)`);
});
