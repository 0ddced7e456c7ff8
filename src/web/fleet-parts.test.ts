import assert from 'node:assert/strict';
import { test } from 'node:test';
import { locateAlarm } from './fleet-parts.js';

const node = {
  cards: [
    { id: 'pri-a', slot: 'A' as const, type: 'PRI-U', ports: [{ id: 'p1', name: 'PRI 1' }, { id: 'p12', name: 'PRI 12' }] },
    { id: 'vcm', slot: '2' as const, type: 'VCM64' },
  ],
  modules: [{ id: 'ds16', expansionPort: 3, type: 'DS16B2', ports: [{ id: 'x5' }] }],
};
const at = (text: string, entity: { kind: 'card' | 'port' | 'module' | 'trunk'; id: string; name?: string } | null = null) => locateAlarm({ text, entity }, node);

test('configured ids match exactly', () => {
  assert.deepEqual(at('x', { kind: 'card', id: 'vcm' }), { partId: 'vcm', portId: null });
  assert.deepEqual(at('x', { kind: 'port', id: 'p12' }), { partId: 'pri-a', portId: 'p12' });
  assert.deepEqual(at('x', { kind: 'module', id: 'ds16' }), { partId: 'ds16', portId: null });
});

test('device words: a slot names the card, an expansion port the module, a port name within it the port', () => {
  assert.deepEqual(at('Trunk Slot A, T1 PRI 12 red alarm', { kind: 'card', id: 'A', name: 'Slot A' }), { partId: 'pri-a', portId: 'p12' });
  assert.deepEqual(at('Trunk Slot A, T1 PRI 1 loss of signal'), { partId: 'pri-a', portId: 'p1' }, 'PRI 1 is not PRI 12');
  assert.deepEqual(at('Entity failure', { kind: 'port', id: '23', name: 'Controller, Trunk Slot A, Trunk Module, T1 PRI 1' }), { partId: 'pri-a', portId: 'p1' });
  assert.deepEqual(at('VCM failure on Slot 2'), { partId: 'vcm', portId: null });
  assert.deepEqual(at('Expansion Module 3 link down'), { partId: 'ds16', portId: null });
  assert.deepEqual(at('Expansion 3 port x5 down'), { partId: 'ds16', portId: 'x5' });
});

test('nothing configured there, or nothing named: not placed', () => {
  assert.equal(at('Trunk Slot C, PRI 1 red alarm'), null);
  assert.equal(at('Voicemail storage nearly full'), null);
  assert.equal(at('Line 5 out of service', { kind: 'trunk', id: '5', name: 'Line 5' }), null);
  assert.equal(locateAlarm({ text: 'Slot A', entity: null }, {}), null);
});
