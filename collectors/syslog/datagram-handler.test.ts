import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { pino } from 'pino';
import { createDatagramHandler } from './datagram-handler.js';
import { createFakeContext } from './fake-context.js';

const ALARM = Buffer.from('<131>Nov 21 04:19:13 vm IPOffice: Alarm: Trunk: Trunk Slot B, T1 PRI 2 red alarm');

function capturedLog() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { log: pino({ level: 'warn' }, stream), lines };
}

test('createDatagramHandler emits an event per good datagram and counts only received', () => {
  const fake = createFakeContext();
  const handle = createDatagramHandler({ maxMessageBytes: 480 }, fake.ctx);
  handle(ALARM, '192.0.2.10');
  assert.equal(fake.events.length, 1);
  assert.equal(fake.events[0]!.sourceAddress, '192.0.2.10');
  assert.equal(fake.events[0]!.receivedAt, Date.UTC(2026, 10, 21, 4, 20, 0), 'receivedAt comes from the injected clock');
  assert.deepEqual(fake.counters, { received: 1, accepted: 0, refused: {}, dropped: {} }, 'accepted is the pipeline’s to count');
});

test('createDatagramHandler refuses oversize datagrams without parsing them', () => {
  const fake = createFakeContext();
  const handle = createDatagramHandler({ maxMessageBytes: 480 }, fake.ctx);
  handle(Buffer.concat([ALARM, Buffer.alloc(481 - ALARM.length, 0x41)]), '192.0.2.10');
  handle(Buffer.concat([ALARM, Buffer.alloc(480 - ALARM.length, 0x41)]), '192.0.2.10');
  assert.deepEqual(fake.counters.refused, { oversize: 1 });
  assert.equal(fake.events.length, 1, 'exactly maxMessageBytes is accepted');
});

test('createDatagramHandler logs at most one sample per reason per 10 s', () => {
  const { log, lines } = capturedLog();
  const fake = createFakeContext({ log });
  const handle = createDatagramHandler({ maxMessageBytes: 480 }, fake.ctx);
  for (let i = 0; i < 5; i++) handle(Buffer.from('hello'), '192.0.2.10');
  handle(Buffer.from('<999>x'), '192.0.2.10');
  fake.setNow(Date.UTC(2026, 10, 21, 4, 20, 10));
  handle(Buffer.from('hello'), '192.0.2.10');

  assert.deepEqual(fake.counters.refused, { 'not-syslog': 6, 'bad-pri': 1 });
  assert.deepEqual(
    lines.map((l) => [l['reason'], l['suppressed']]),
    [['not-syslog', 0], ['bad-pri', 0], ['not-syslog', 4]],
  );
  assert.equal(lines[0]!['sample'], 'hello');
  assert.equal(lines[0]!['sourceAddress'], '192.0.2.10');
});

test('createDatagramHandler never throws into the socket loop: a failure is counted as internal-error', () => {
  const fake = createFakeContext();
  fake.ctx.emit = () => {
    throw new Error('boom');
  };
  const handle = createDatagramHandler({ maxMessageBytes: 480 }, fake.ctx);
  assert.doesNotThrow(() => handle(ALARM, '192.0.2.10'));
  assert.deepEqual(fake.counters.refused, { 'internal-error': 1 });
});
