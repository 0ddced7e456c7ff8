import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FleetIndex } from '../fleet/fleet-index.js';
import { fleetSchema } from '../fleet/fleet-schema.js';
import type { StoredEvent } from '../events/fleet-event.js';
import type { RecordedDecision } from '../pipeline/record-decision.js';
import { MemoryStore } from '../storage/memory-store.js';
import { makeQosCall } from '../storage/store-contract-qos.js';
import { MINUTE, T0 } from '../storage/store-fixtures.js';
import { qosTrapListener, readTrap } from './trap-merge.js';

const fleet = new FleetIndex(
  fleetSchema.parse({ customers: [{ id: 'acme', name: 'Acme', sites: [{ id: 'hq', name: 'HQ', timeZone: 'Europe/London', nodes: [{ id: 'node-a', name: 'A', role: 'ip500v2', addresses: ['192.0.2.10'] }] }] }] }),
);

let nextId = 100;
/** A stored QoS notification as collectors/snmp maps it (IPO-MIB …2.0.36 with the §5.4 varbinds). */
function qosTrap(attributes: Record<string, string | number | null> = {}, overrides: Partial<StoredEvent> = {}): RecordedDecision {
  const event: StoredEvent = {
    id: nextId++,
    alarmId: 7,
    receivedAt: T0 + MINUTE,
    source: 'snmp',
    collector: 'snmp',
    sourceAddress: '192.0.2.10',
    nodeId: 'node-a',
    entity: { kind: 'extension', id: '201', name: 'Extension 201' },
    category: 'QoS',
    severity: 'warning',
    raisesAlarm: true,
    code: 'snmp.ipo.qos',
    text: 'QoS',
    attributes: { jitterMs: 45, roundTripMs: 420, packetLoss: 3, callId: 12345, deviceType: 'extn', deviceTypeCode: 2, qosDeviceId: 7, extension: 201, phoneUser: 'Anna', ...attributes },
    raw: { encoding: 'base64', data: '' },
    ...overrides,
  };
  return { event, alarm: null, transitions: [], pendingNotifications: 0 };
}

describe('QoS notification merge', () => {
  it('reads the typed attributes: an extension, or a line as trunk', () => {
    const ext = readTrap(qosTrap().event);
    assert.deepEqual([ext.extension, ext.trunk, ext.user, ext.trap.jitterMs, ext.trap.roundTripMs, ext.trap.packetLoss, ext.trap.callId], ['201', null, 'Anna', 45, 420, 3, 12345]);
    const line = readTrap(qosTrap({ deviceType: 'line', deviceTypeCode: 1, qosDeviceId: 5 }).event);
    assert.deepEqual([line.extension, line.trunk], [null, 'line-5']);
  });

  it('merges into the RTCP record of the extension running at that time, and adds a trap sample', () => {
    const store = new MemoryStore();
    const call = store.insertQosCall(makeQosCall({ nodeId: 'node-a', startedAt: T0, endedAt: null, lastReportAt: T0 + MINUTE, poor: false }));
    qosTrapListener(store, fleet)([qosTrap()]);
    const merged = store.getQosCall(call.id)!;
    assert.equal(merged.poor, true);
    assert.deepEqual(merged.trap, { eventId: nextId - 1, callId: 12345, jitterMs: 45, roundTripMs: 420, packetLoss: 3, at: T0 + MINUTE });
    assert.deepEqual(store.listQosSamples(call.id, 10).map((s) => [s.kind, s.jitterMs, s.rttMs]), [['trap', 45, 420]]);
    assert.equal(store.listQosCalls({ limit: 10 }).length, 1);
  });

  it('a line notification of the same IP Office call names the trunk on that record', () => {
    const store = new MemoryStore();
    const call = store.insertQosCall(makeQosCall({ nodeId: 'node-a', trunk: null, startedAt: T0, endedAt: null, lastReportAt: T0 + MINUTE }));
    const listener = qosTrapListener(store, fleet);
    listener([qosTrap()]);
    listener([qosTrap({ deviceType: 'line', deviceTypeCode: 1, qosDeviceId: 5 })]);
    assert.equal(store.getQosCall(call.id)!.trunk, 'line-5');
    assert.equal(store.listQosCalls({ limit: 10 }).length, 1);
  });

  it('becomes a record of its own when no RTCP record matches, attributed to the node and site', () => {
    const store = new MemoryStore();
    qosTrapListener(store, fleet)([qosTrap({}, { occurredAt: T0 + 2 * MINUTE })]);
    const [call] = store.listQosCalls({ limit: 10 });
    assert.deepEqual(
      [call!.attribution, call!.nodeId, call!.siteId, call!.customerId, call!.extension, call!.user, call!.poor, call!.jitterMaxMs, call!.rttMaxMs, call!.lossPercent, call!.startedAt, call!.endReason, call!.reports],
      ['trap', 'node-a', 'hq', 'acme', '201', 'Anna', true, 45, 420, null, T0 + 2 * MINUTE, 'trap', 0],
    );
  });

  it('ignores other events and cleared notifications', () => {
    const store = new MemoryStore();
    qosTrapListener(store, fleet)([qosTrap({}, { code: 'snmp.ipo.trunk' }), qosTrap({}, { severity: 'cleared' })]);
    assert.equal(store.listQosCalls({ limit: 10 }).length, 0);
  });
});
