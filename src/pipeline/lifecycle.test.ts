import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pino } from 'pino';
import { Lifecycle } from './lifecycle.js';

test('stops phase by phase whatever the registration order, later first within a phase, once', async () => {
  const lifecycle = new Lifecycle(pino({ level: 'silent' }));
  const order: string[] = [];
  lifecycle.onStop('store', () => order.push('store'));
  lifecycle.onStop('timers', () => order.push('retention'));
  lifecycle.onStop('pipeline', async () => order.push('pipeline'));
  lifecycle.onStop('collectors', () => order.push('syslog'));
  lifecycle.onStop('collectors', () => order.push('snmp'));
  lifecycle.onStop('http', () => {
    throw new Error('close failed');
  });
  await Promise.all([lifecycle.stop(), lifecycle.stop()]);
  assert.deepEqual(order, ['snmp', 'syslog', 'pipeline', 'retention', 'store']);
});
