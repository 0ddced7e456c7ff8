import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fleetSchema } from './fleet-schema.js';

const fleet = (resilience: object) => ({
  customers: [{ id: 'acme', name: 'Acme', sites: [{ id: 'hq', name: 'HQ', timeZone: 'Europe/London', nodes: [
    { id: 'pri', name: 'Primary', role: 'primary', addresses: ['10.0.0.10'], resilience },
    { id: 'sec', name: 'Secondary', role: 'secondary', addresses: ['10.0.0.11'] },
  ] }] }],
});

test('resilience: backups and lines must name other nodes of the fleet', () => {
  assert.equal(fleetSchema.safeParse(fleet({ backup: { phones: 'sec', oneXPortal: 'sec' }, lines: ['sec'], voicemailDualActive: true })).success, true);
  const result = fleetSchema.safeParse(fleet({ backup: { phones: 'nowhere', voicemail: 'pri' }, lines: ['ghost'] }));
  assert.equal(result.success, false);
  const messages = result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  assert.deepEqual(messages.sort(), [
    'customers.0.sites.0.nodes.0.resilience.backup.phones: node "nowhere" is not in the fleet',
    'customers.0.sites.0.nodes.0.resilience.backup.voicemail: node "pri" cannot back up or link to itself',
    'customers.0.sites.0.nodes.0.resilience.lines.0: node "ghost" is not in the fleet',
  ]);
  assert.equal(fleetSchema.safeParse(fleet({ backup: { pager: 'sec' } })).success, false, 'unknown service refused');
});
