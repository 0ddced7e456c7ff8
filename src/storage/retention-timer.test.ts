import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pino } from 'pino';
import { FakeClock } from '../../test/fakes/fake-clock.js';
import { MemoryStore } from './memory-store.js';
import { startRetention } from './retention-timer.js';

const DAY = 86_400_000;

test('the retention run at start removes audit entries older than auditDays and keeps the rest', (t) => {
  const clock = new FakeClock();
  const store = new MemoryStore();
  const audit = (ageDays: number) =>
    store.insertAudit({ at: clock.now() - ageDays * DAY, actor: 'olivia', role: 'operator', via: 'session', action: 'login.success', target: 'user:olivia', detail: {}, remoteAddress: '192.0.2.7' }).id;
  audit(400);
  const kept = [audit(365), audit(10)];
  const stop = startRetention(store, { eventsDays: 30, clearedAlarmsDays: 90, auditDays: 365 }, clock, pino({ level: 'silent' }));
  t.after(stop);
  assert.deepEqual(store.listAudit({ limit: 10 }).map((entry) => entry.id), kept.reverse());
});
