import type { Alarm, AlarmState, AlarmTransition } from '../correlation/alarm.js';
import { ALARM_STATES } from '../correlation/alarm.js';
import type { FleetEvent, StoredEvent } from '../events/fleet-event.js';
import { compareAlarms } from './alarm-order.js';
import { matchesAlarmQuery, matchesEventQuery } from './query-match.js';
import { retentionCutoffs } from './retention-cutoffs.js';
import { alarmFromRow, alarmToRow, eventFromRow, eventToRow } from './rows.js';
import type { AlarmQuery, EventQuery, RetentionPolicy, Store } from './store.js';

interface MemoryState {
  events: Map<number, StoredEvent>;
  alarms: Map<number, Alarm>;
  transitions: AlarmTransition[];
  lastEventId: number;
  lastAlarmId: number;
  lastTransitionId: number;
}

/**
 * The Store in plain Maps, for unit tests and as the reference the SQLite
 * store is checked against (store-contract.ts). Values go in and come out as
 * copies, shaped by the same row mapping, so callers cannot tell the two apart.
 * A transaction that throws is rolled back by restoring a snapshot: O(size),
 * fine for a test fake.
 */
export class MemoryStore implements Store {
  private state: MemoryState = {
    events: new Map(),
    alarms: new Map(),
    transitions: [],
    lastEventId: 0,
    lastAlarmId: 0,
    lastTransitionId: 0,
  };

  transaction<T>(fn: () => T): T {
    const snapshot = structuredClone(this.state);
    try {
      const result = fn();
      // Same refusal as better-sqlite3: an async fn would commit before its awaits ran.
      if (result instanceof Promise) throw new TypeError('Transaction function cannot return a promise');
      return result;
    } catch (error) {
      this.state = snapshot;
      throw error;
    }
  }

  insertEvent(event: FleetEvent, alarmId: number | null): StoredEvent {
    if (alarmId !== null) this.requireAlarm(alarmId);
    const id = ++this.state.lastEventId;
    this.state.events.set(id, eventFromRow({ ...eventToRow(event, alarmId), id }));
    return { ...event, id, alarmId };
  }

  getEvent(id: number): StoredEvent | null {
    const event = this.state.events.get(id);
    return event ? structuredClone(event) : null;
  }

  listEvents(query: EventQuery): StoredEvent[] {
    const found: StoredEvent[] = [];
    const newestFirst = [...this.state.events.values()].reverse();
    for (const event of newestFirst) {
      if (found.length >= query.limit) break;
      if (matchesEventQuery(event, query)) found.push(structuredClone(event));
    }
    return found;
  }

  findLatestByReductionKey(reductionKey: string): Alarm | null {
    let latest: Alarm | null = null;
    for (const alarm of this.state.alarms.values()) if (alarm.reductionKey === reductionKey) latest = alarm;
    return latest ? structuredClone(latest) : null;
  }

  insertAlarm(alarm: Omit<Alarm, 'id'>): Alarm {
    const id = ++this.state.lastAlarmId;
    this.state.alarms.set(id, alarmFromRow({ ...alarmToRow(alarm), id }));
    return { ...alarm, id };
  }

  updateAlarm(alarm: Alarm): void {
    if (!this.state.alarms.has(alarm.id)) throw new Error(`cannot update alarm ${alarm.id}: it does not exist`);
    this.state.alarms.set(alarm.id, alarmFromRow({ ...alarmToRow(alarm), id: alarm.id }));
  }

  getAlarm(id: number): Alarm | null {
    const alarm = this.state.alarms.get(id);
    return alarm ? structuredClone(alarm) : null;
  }

  listAlarms(query: AlarmQuery): Alarm[] {
    return [...this.state.alarms.values()]
      .filter((alarm) => matchesAlarmQuery(alarm, query))
      .sort(compareAlarms)
      .slice(0, query.limit)
      .map((alarm) => structuredClone(alarm));
  }

  insertTransition(transition: Omit<AlarmTransition, 'id'>): AlarmTransition {
    this.requireAlarm(transition.alarmId);
    const stored = { ...transition, id: ++this.state.lastTransitionId };
    this.state.transitions.push(stored);
    return { ...stored };
  }

  alarmTransitions(alarmId: number): AlarmTransition[] {
    return this.state.transitions.filter((transition) => transition.alarmId === alarmId).map((transition) => ({ ...transition }));
  }

  countAlarmsByState(): Record<AlarmState, number> {
    const counts = Object.fromEntries(ALARM_STATES.map((state) => [state, 0])) as Record<AlarmState, number>;
    for (const alarm of this.state.alarms.values()) counts[alarm.state]++;
    return counts;
  }

  /** Same choices as the SQLite schema: transitions go with their alarm, surviving events lose the link. */
  applyRetention(policy: RetentionPolicy, now: number): { events: number; alarms: number } {
    const cutoffs = retentionCutoffs(policy, now);
    let events = 0;
    for (const [id, event] of this.state.events) {
      if (event.receivedAt < cutoffs.events) events += Number(this.state.events.delete(id));
    }
    const removed = new Set<number>();
    for (const [id, alarm] of this.state.alarms) {
      if (alarm.state === 'cleared' && alarm.clearedAt !== null && alarm.clearedAt < cutoffs.clearedAlarms) {
        this.state.alarms.delete(id);
        removed.add(id);
      }
    }
    this.state.transitions = this.state.transitions.filter((transition) => !removed.has(transition.alarmId));
    for (const event of this.state.events.values()) if (event.alarmId !== null && removed.has(event.alarmId)) event.alarmId = null;
    return { events, alarms: removed.size };
  }

  close(): void {}

  /** Mirrors the SQLite foreign keys, so a test against the fake fails where production would. */
  private requireAlarm(id: number): void {
    if (!this.state.alarms.has(id)) throw new Error(`FOREIGN KEY constraint failed: alarm ${id} does not exist`);
  }
}
