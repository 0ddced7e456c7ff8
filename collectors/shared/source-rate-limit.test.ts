import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FleetEvent } from '../../src/events/fleet-event.js';
import { createSourceRateLimiter, OVERFLOW_SOURCE, rateLimitSchema, SOURCE_STORM_CODE } from './source-rate-limit.js';

function setup(config: Partial<{ perSourcePerSecond: number; burst: number; quietSeconds: number }>, maxSources?: number) {
  let now = 1_700_000_000_000;
  const events: FleetEvent[] = [];
  const limiter = createSourceRateLimiter(rateLimitSchema.parse(config), {
    collector: 'syslog',
    source: 'syslog',
    clock: { now: () => now },
    emit: (event) => void events.push(event),
    ...(maxSources !== undefined && { maxSources }),
  });
  return { limiter, events, advance: (ms: number) => void (now += ms) };
}

const takeMany = (take: (address: string) => boolean, address: string, n: number) => Array.from({ length: n }, () => take(address)).filter(Boolean).length;

test('a sender gets its burst at once, then its rate; others are not affected', () => {
  const { limiter, advance } = setup({ perSourcePerSecond: 10, burst: 20 });
  assert.equal(takeMany(limiter.take, '10.0.0.1', 50), 20, 'the burst');
  assert.equal(takeMany(limiter.take, '10.0.0.2', 5), 5, 'another sender has its own bucket');
  advance(1000);
  assert.equal(takeMany(limiter.take, '10.0.0.1', 50), 10, 'one second of rate');
});

test('a storm raises one alarm on the sender, counts the drops, and clears after quietSeconds without drops', () => {
  const { limiter, events, advance } = setup({ perSourcePerSecond: 10, burst: 10, quietSeconds: 30 });
  assert.equal(takeMany(limiter.take, '10.0.0.1', 1000), 10);
  assert.equal(events.length, 1, 'one event, not one per dropped message');
  const [raised] = events;
  assert.deepEqual(
    { code: raised!.code, severity: raised!.severity, raisesAlarm: raised!.raisesAlarm, sourceAddress: raised!.sourceAddress, alarmKey: raised!.alarmKey, source: raised!.source },
    { code: SOURCE_STORM_CODE, severity: 'minor', raisesAlarm: true, sourceAddress: '10.0.0.1', alarmKey: 'syslog:10.0.0.1', source: 'syslog' },
  );
  advance(20_000);
  takeMany(limiter.take, '10.0.0.1', 1000); // still storming: the quiet period starts again
  advance(20_000);
  limiter.sweep();
  assert.equal(events.length, 1, 'not quiet for 30 s yet');
  advance(10_000);
  limiter.sweep();
  assert.equal(events.length, 2);
  const cleared = events[1]!;
  assert.equal(cleared.severity, 'cleared');
  assert.equal(cleared.alarmKey, raised!.alarmKey);
  assert.equal(cleared.attributes['dropped'], 990 + 990, 'drops of the whole storm (the bucket holds at most burst)');
  limiter.sweep();
  assert.equal(events.length, 2, 'cleared once');
});

test('the map of senders is bounded: past maxSources senders share one bucket, and idle senders are forgotten', () => {
  const { limiter, events, advance } = setup({ perSourcePerSecond: 1, burst: 2 }, 100);
  for (let i = 0; i < 10_000; i += 1) limiter.take(`10.1.${i >> 8}.${i & 255}`);
  assert.equal(limiter.size, 101, '100 senders and the shared bucket');
  assert.equal(events.length, 1, 'the shared bucket storms once');
  assert.equal(events[0]!.sourceAddress, OVERFLOW_SOURCE);
  advance(120_000);
  limiter.sweep();
  assert.equal(limiter.size, 0, 'all idle and refilled');
  assert.equal(events.at(-1)!.severity, 'cleared');
});

test('perSourcePerSecond 0 turns limiting off', () => {
  const { limiter, events } = setup({ perSourcePerSecond: 0 });
  assert.equal(takeMany(limiter.take, '10.0.0.1', 100_000), 100_000);
  assert.equal(limiter.size, 0);
  assert.equal(events.length, 0);
});
