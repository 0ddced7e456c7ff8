import type { Alarm, AlarmTransition } from '../correlation/alarm.js';
import type { FleetEvent } from '../events/fleet-event.js';

/** A fixed instant, so tests read the same on every machine. */
export const T0 = Date.UTC(2026, 0, 15, 12, 0, 0);
export const MINUTE = 60_000;
export const DAY = 86_400_000;

/** A plain syslog info event from a known node; override what the test is about. */
export function makeEvent(overrides: Partial<FleetEvent> = {}): FleetEvent {
  return {
    receivedAt: T0,
    source: 'syslog',
    collector: 'syslog',
    sourceAddress: '192.0.2.10',
    nodeId: 'node-a',
    entity: null,
    category: 'Generic',
    severity: 'info',
    raisesAlarm: false,
    code: 'syslog.test',
    text: 'test event',
    attributes: {},
    raw: { encoding: 'utf8', data: '<14>test event' },
    ...overrides,
  };
}

/** An active minor alarm on node-a; override what the test is about. */
export function makeAlarm(overrides: Partial<Omit<Alarm, 'id'>> = {}): Omit<Alarm, 'id'> {
  return {
    reductionKey: 'syslog.alarm.service:node-a',
    source: 'syslog',
    code: 'syslog.alarm.service',
    nodeId: 'node-a',
    sourceAddress: '192.0.2.10',
    entity: null,
    category: 'Applications',
    severity: 'minor',
    highestSeverity: 'minor',
    state: 'active',
    text: 'service down',
    occurrences: 1,
    firstSeen: T0,
    lastSeen: T0,
    clearedAt: null,
    acknowledgedBy: null,
    acknowledgedAt: null,
    annotations: [],
    ...overrides,
  };
}

export function makeTransition(alarmId: number, overrides: Partial<Omit<AlarmTransition, 'id' | 'alarmId'>> = {}): Omit<AlarmTransition, 'id'> {
  return {
    alarmId,
    at: T0,
    kind: 'raised',
    fromState: null,
    toState: 'active',
    severity: 'minor',
    eventId: null,
    user: null,
    note: null,
    ...overrides,
  };
}
