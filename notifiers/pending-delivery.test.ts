import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Delivery } from './delivery.js';
import { pendingDelivery } from './pending-delivery.js';

const delivery: Delivery = {
  id: 41,
  key: '7:email:noc',
  notificationId: 7,
  alarmId: 3,
  notifier: 'email',
  profile: 'noc',
  groupKey: 'customer=acme/site=hq/node=hq-primary',
  kind: 'raised',
  severity: 'major',
  category: 'Trunk lines',
  at: 1_795_000_000_000,
  status: 'grouped',
  reason: 'taken by profile noc',
  messageId: null,
  createdAt: 1_795_000_000_100,
  updatedAt: 1_795_000_000_100,
};

test('a grouped delivery is kept with what the flush needs and nothing else', () => {
  assert.deepEqual(pendingDelivery(delivery, 'noc'), { id: 41, alarmId: 3, profile: 'noc', kind: 'raised', severity: 'major', at: 1_795_000_000_000 });
});

test('kind and severity read from a row (strings of their own) come back equal', () => {
  const fromRow = { ...delivery, kind: ['rai', 'sed'].join('') as Delivery['kind'], severity: ['cri', 'tical'].join('') as Delivery['severity'] };
  const pending = pendingDelivery(fromRow, 'noc');
  assert.equal(pending.kind, 'raised');
  assert.equal(pending.severity, 'critical');
});
