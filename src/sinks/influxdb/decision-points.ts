import type { Alarm, AlarmTransition } from '../../correlation/alarm.js';
import type { StoredEvent } from '../../events/fleet-event.js';
import type { FleetIndex } from '../../fleet/fleet-index.js';
import type { RecordedDecision } from '../../pipeline/record-decision.js';
import { fleetTags } from './fleet-tags.js';
import { toLine } from './line-protocol.js';

const POLL_UNREACHABLE = 'poll.node-unreachable';
const POLL_REBOOTED = 'poll.node-rebooted';
/** sysUpTime is in hundredths of a second. */
const TICKS_PER_SECOND = 100;

/**
 * Line protocol for what the pipeline stored: one ipo_event point per event, one ipo_alarm_transition point per
 * transition it caused, and ipo_node_state when the event says something about the node's state (SNMP polling:
 * unreachable, answering again, rebooted). Timestamps are the event's receive time made unique by its id. Pure.
 */
export function decisionLines(recorded: readonly RecordedDecision[], fleet: FleetIndex): string[] {
  const lines: string[] = [];
  for (const { event, alarm, transitions } of recorded) {
    const tags = fleetTags(fleet, event.nodeId);
    push(lines, eventLine(event, tags));
    if (alarm) {
      transitions.forEach((kind, index) => {
        // Several transitions of one event share its time: the index keeps them apart.
        push(lines, transitionLine(alarm, { kind, at: event.receivedAt, user: null }, event.id * 10 + index, tags));
      });
    }
    push(lines, nodeStateLine(event, tags, fleet));
  }
  return lines;
}

/** The point of a transition not caused by an event (acknowledged, unacknowledged, expired), unique by its id. */
export function storedTransitionLine(alarm: Alarm, transition: AlarmTransition, fleet: FleetIndex): string | null {
  return transitionLine(alarm, transition, transition.id, fleetTags(fleet, alarm.nodeId));
}

function eventLine(event: StoredEvent, tags: ReturnType<typeof fleetTags>): string | null {
  return toLine('event', {
    at: event.receivedAt,
    uniquifier: event.id,
    tags: { ...tags, source: event.source, category: event.category, severity: event.severity, code: event.code },
    fields: { count: 1, raises_alarm: event.raisesAlarm, event_id: event.id, alarm_id: event.alarmId, source_address: event.sourceAddress, text: event.text },
  });
}

function transitionLine(
  alarm: Alarm,
  transition: Pick<AlarmTransition, 'kind' | 'at' | 'user'>,
  uniquifier: number,
  tags: ReturnType<typeof fleetTags>,
): string | null {
  return toLine('alarmTransition', {
    at: transition.at,
    uniquifier,
    tags: { ...tags, kind: transition.kind, category: alarm.category, severity: alarm.severity, code: alarm.code },
    fields: { count: 1, alarm_id: alarm.id, state: alarm.state, occurrences: alarm.occurrences, user: transition.user, text: alarm.text },
  });
}

function nodeStateLine(event: StoredEvent, tags: ReturnType<typeof fleetTags>, fleet: FleetIndex): string | null {
  if (event.source !== 'poll' || event.nodeId === null) return null;
  const cards = fleet.node(event.nodeId)?.node.cards?.length ?? null;
  const base = { at: event.receivedAt, uniquifier: event.id, tags };
  if (event.code === POLL_UNREACHABLE) return toLine('nodeState', { ...base, fields: { up: event.severity === 'cleared' ? 1 : 0, cards } });
  if (event.code === POLL_REBOOTED) {
    const ticks = event.attributes['upTime'];
    return toLine('nodeState', { ...base, fields: { up: 1, uptime_s: typeof ticks === 'number' ? ticks / TICKS_PER_SECOND : null, cards } });
  }
  return null;
}

function push(lines: string[], line: string | null): void {
  if (line !== null) lines.push(line);
}
