import type { FleetEvent } from '../../src/events/fleet-event.js';

/** A syslog-like trunk alarm from 10.0.0.10; override what the test is about. */
export function makeEvent(overrides: Partial<FleetEvent> = {}): FleetEvent {
  return {
    receivedAt: Date.UTC(2026, 10, 21, 9, 0, 0),
    source: 'syslog',
    collector: 'syslog',
    sourceAddress: '10.0.0.10',
    nodeId: null,
    entity: null,
    category: 'Trunk lines',
    severity: 'major',
    raisesAlarm: true,
    code: 'syslog.alarm.trunk',
    alarmKey: 'trunk slot b, t1 pri 2 red alarm',
    text: 'Trunk Slot B, T1 PRI 2 red alarm',
    attributes: {},
    raw: { encoding: 'utf8', data: '<131>Nov 21 09:00:00 ipo IPOffice: Alarm: Trunk: Trunk Slot B, T1 PRI 2 red alarm' },
    ...overrides,
  };
}
