import type { StoredEvent } from '../events/fleet-event.js';
import { QOS_TRAP_CODE, readTrap, TRAP_GRACE_MS } from '../qos/trap-merge.js';
import type { Store } from '../storage/store.js';
import type { Alarm } from './alarm.js';

/** Where else an alarm is explained: its call record, its resiliency incident, the incidents it is a symptom of. */
export interface AlarmLinks {
  /** The qos_calls record (/calls/:id) of a per-call QoS alarm: an RTCP threshold or an IP Office QoS notification. */
  callId: number | null;
  /** The incident (/resiliency/:id) a resiliency alarm (incident, flapping) stands for. */
  incidentId: string | null;
  /** Incidents whose symptom this alarm is (the inhibit stage's `resiliency` annotations), oldest first. */
  symptomOf: string[];
}

/** The codes whose events carry the qos_calls id in `attributes.callId` (collectors/rtcp/map.ts thresholdEvent). */
const RTCP_THRESHOLD_PREFIX = 'rtcp.threshold.';
/** src/resiliency/resiliency-events.ts RESILIENCY_CODES: every one of their events names its incident (`attributes.incidentId`). */
const RESILIENCY_PREFIX = 'resiliency.';
/** How many of the alarm's newest events are searched for the attribute (a clear may carry less). */
const EVENTS_READ = 5;

export const NO_LINKS: AlarmLinks = Object.freeze({ callId: null, incidentId: null, symptomOf: [] });

/**
 * Finds the deep links of one alarm from its newest events: the RTCP threshold alarm's call id, the IP Office QoS
 * notification's call record (matched the way src/qos/trap-merge.ts merged it), a resiliency alarm's incident id.
 * Reads only; at most one small event query and one call lookup.
 */
export function alarmLinks(store: Pick<Store, 'listEvents' | 'findQosCallForTrap'>, alarm: Alarm): AlarmLinks {
  const symptomOf = alarm.annotations.filter((a) => a.kind === 'resiliency').map((a) => a.key);
  const wantsCall = alarm.code.startsWith(RTCP_THRESHOLD_PREFIX) || alarm.code === QOS_TRAP_CODE;
  const wantsIncident = alarm.code.startsWith(RESILIENCY_PREFIX);
  if (!wantsCall && !wantsIncident) return symptomOf.length > 0 ? { ...NO_LINKS, symptomOf } : NO_LINKS;
  const events = store.listEvents({ alarmId: alarm.id, limit: EVENTS_READ });
  return {
    callId: wantsCall ? callOf(store, alarm, events) : null,
    incidentId: wantsIncident ? firstString(events, 'incidentId') : null,
    symptomOf,
  };
}

function callOf(store: Pick<Store, 'findQosCallForTrap'>, alarm: Alarm, events: readonly StoredEvent[]): number | null {
  if (alarm.code !== QOS_TRAP_CODE) {
    for (const event of events) if (typeof event.attributes['callId'] === 'number') return event.attributes['callId'];
    return null;
  }
  const trapEvent = events.find((event) => event.severity !== 'cleared');
  if (!trapEvent?.nodeId) return null;
  const { trap, extension } = readTrap(trapEvent);
  return store.findQosCallForTrap({ nodeId: trapEvent.nodeId, extension, callId: trap.callId, at: trap.at, graceMs: TRAP_GRACE_MS })?.id ?? null;
}

function firstString(events: readonly StoredEvent[], name: string): string | null {
  for (const event of events) {
    const value = event.attributes[name];
    if (typeof value === 'string' && value !== '') return value;
  }
  return null;
}
