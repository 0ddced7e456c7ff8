import assert from 'node:assert/strict';
import { test } from 'node:test';
import { webDeps } from '../../test/fakes/web-harness.js';
import { fleetView, inventoryOf } from './fleet-model.js';
import { renderFleetBody } from './fleet-page.js';

test('a node takes the colour of its worst open alarm; a port alarm colours the port and its card', () => {
  const { deps, feed } = webDeps();
  feed({ severity: 'warning', alarmKey: 'a' });
  feed({ severity: 'critical', alarmKey: 'b' });
  feed({ severity: 'major', alarmKey: 'c', sourceAddress: '10.0.0.20', entity: { kind: 'port', id: 'pri-2' } });
  feed({ severity: 'minor', alarmKey: 'd', sourceAddress: '192.0.2.99' });

  const view = fleetView(deps, deps.now());
  const [primary, ip500] = view.customers[0]!.sites[0]!.nodes;
  assert.deepEqual(primary!.health, { worst: 'critical', open: 2 });
  assert.deepEqual(ip500!.health, { worst: 'major', open: 1 });
  const card = ip500!.parts.find((p) => p.id === 'pri')!;
  assert.equal(card.health.worst, 'major');
  assert.deepEqual(card.ports.map((p) => [p.id, p.health.worst]), [['pri-1', null], ['pri-2', 'major']]);
  assert.equal(ip500!.parts.find((p) => p.id === 'ds16')!.health.worst, null);
  assert.deepEqual(view.customers[0]!.health, { worst: 'critical', open: 3 });
  assert.equal(view.unknownOpen, 1, 'the unknown sender counts apart');

  const html = renderFleetBody(view);
  assert.match(html, /<tr data-node-id="hq-primary" class="node health-row-critical">/);
  assert.match(html, /<span class="port health-bad" data-port="pri-2"[^>]*>PRI 2 \(major\)<\/span>/);
  assert.match(html, /<a href="\/nodes\/hq-500">HQ IP500 V2<\/a>/);
  assert.match(html, /<a href="\/alarms\?node=hq-primary">2 open alarms<\/a>/);
});

test('cleared and acknowledged alarms: only open ones colour; a node without alarms is ok', () => {
  const { deps, feed } = webDeps();
  feed({ severity: 'critical', alarmKey: 'x' });
  feed({ severity: 'cleared', alarmKey: 'x' });
  const view = fleetView(deps, deps.now());
  assert.deepEqual(view.customers[0]!.sites[0]!.nodes.map((n) => n.health.worst), [null, null]);
  assert.match(renderFleetBody(view), /<span class="health health-ok"/);
});

test('polled inventory is read defensively, whatever shape the collector keeps', () => {
  assert.equal(inventoryOf(null), null);
  assert.deepEqual(inventoryOf({ polledAt: 5, sysDescr: 'IP Office', entities: [{}, {}], phones: [{}] }), { polledAt: 5, sysDescr: 'IP Office', entities: 2, phones: 1 });
  assert.deepEqual(inventoryOf({ entities: 'nonsense' }), { polledAt: 0, sysDescr: null, entities: 0, phones: 0 });
});

test('the fleet row shows the licence mode with the grace days left and the resiliency state with what took over', () => {
  const node = {
    id: 'hq-primary',
    name: 'HQ Primary',
    role: 'primary',
    platform: null,
    version: '11.1.3.0 build 23',
    addresses: ['10.0.0.10'],
    licenceSource: 'weblm',
    health: { worst: null, open: 0 },
    licence: { mode: 'WebLM Error', licensed: true, daysLeft: 12, severity: 'major' },
    resiliency: { state: 'down' as const, servedBy: [{ service: 'phones', by: 'hq-secondary' }] },
    parts: [],
    inventory: null,
  };
  const html = renderFleetBody({ customers: [{ id: 'acme', name: 'Acme', health: node.health, sites: [{ id: 'hq', name: 'HQ', timeZone: 'UTC', health: node.health, nodes: [node] }] }], unknownOpen: 0, nodeCount: 1 });
  assert.match(html, /<span class="tag warn">WebLM Error<\/span><br><span class="muted">weblm<\/span>/);
  assert.match(html, /<span class="sev sev-major" title="grace days left">12 d<\/span>/);
  assert.match(html, /<span class="tag bad">down<\/span><br><span class="muted">phones on hq-secondary<\/span>/);
});
