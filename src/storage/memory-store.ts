import type { Alarm, AlarmState, AlarmTransition, TransitionKind } from '../correlation/alarm.js';
import type { Notification } from '../correlation/notification.js';
import type { Silence } from '../correlation/silence.js';
import { ALARM_STATES } from '../correlation/alarm.js';
import type { FleetEvent, StoredEvent } from '../events/fleet-event.js';
import { compareAlarms } from './alarm-order.js';
import { emptyLicenceTables, insertLicenceTransition, listLicenceStates, listLicenceTransitions, saveLicenceState, type LicenceTables } from './memory-licence.js';
import { listSsaEntries, saveSsaEntries, type SsaEntryMap } from './memory-ssa-entries.js';
import { emptyDeliveryState, MemoryDeliveries, type DeliveryState } from './memory-deliveries.js';
import { emptyQosState, MemoryQos, type QosState } from './memory-qos.js';
import { deleteAuditBefore, insertAudit, listAudit } from './memory-audit.js';
import { deleteClosedResiliencyIncidents, listResiliencyIncidents, saveResiliencyIncident, type ResiliencyRows } from './memory-resiliency.js';
import { listSessions, saveSession, type SessionRows } from './memory-sessions.js';
import type { AuditEntry } from '../audit/audit-entry.js';
import { matchesAlarmQuery, matchesEventQuery } from './query-match.js';
import { retentionCutoffs } from './retention-cutoffs.js';
import { alarmFromRow, alarmToRow, eventFromRow, eventToRow } from './rows.js';
import type { AlarmQuery, EventQuery, NotificationQuery, RetentionPolicy, Store, UnmatchedCluster } from './store.js';

interface MemoryState {
  events: Map<number, StoredEvent>;
  alarms: Map<number, Alarm>;
  transitions: AlarmTransition[];
  lastEventId: number;
  lastAlarmId: number;
  lastTransitionId: number;
  notifications: Notification[];
  silences: Silence[];
  unmatched: Map<string, UnmatchedCluster>;
  ssaEntries: SsaEntryMap;
  deliveries: DeliveryState;
  qos: QosState;
  licence: LicenceTables;
  audit: AuditEntry[];
  lastAuditId: number;
  resiliency: ResiliencyRows;
  sessions: SessionRows;
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
    notifications: [],
    silences: [],
    unmatched: new Map(),
    ssaEntries: new Map(),
    deliveries: emptyDeliveryState(),
    qos: emptyQosState(),
    licence: emptyLicenceTables(),
    audit: [],
    lastAuditId: 0,
    resiliency: new Map(),
    sessions: new Map(),
  };
  /** Notifier deliveries and messages (NotifierOutbox), delegated below; reads this.state, so rollbacks cover them. */
  private readonly deliveries = new MemoryDeliveries(() => this.state);
  /** QoS call records and samples (QosRepository), delegated below; reads this.state, so rollbacks cover them. */
  private readonly qos = new MemoryQos(() => this.state.qos);

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

  findOpenAlarm(query: { nodeId: string; codePrefix?: string | undefined; category?: string | undefined; excludeId: number }): Alarm | null {
    for (const alarm of this.state.alarms.values()) {
      if (alarm.nodeId !== query.nodeId || alarm.state === 'cleared' || alarm.id === query.excludeId) continue;
      if (!alarm.code.startsWith(query.codePrefix ?? '')) continue;
      if (query.category !== undefined && alarm.category !== query.category) continue;
      return structuredClone(alarm);
    }
    return null;
  }

  countTransitionsSince(alarmId: number, kind: TransitionKind, since: number): number {
    return this.state.transitions.filter((t) => t.alarmId === alarmId && t.kind === kind && t.at >= since).length;
  }

  insertNotification(notification: Omit<Notification, 'id'>): Notification {
    this.requireAlarm(notification.alarmId);
    const stored = { ...notification, id: this.state.notifications.length + 1 };
    this.state.notifications.push(stored);
    return { ...stored };
  }

  listNotifications(query: NotificationQuery): Notification[] {
    return this.state.notifications
      .filter((n) => (query.alarmId === undefined || n.alarmId === query.alarmId) && (query.status === undefined || n.status === query.status))
      .reverse()
      .slice(0, query.limit)
      .map((n) => ({ ...n }));
  }

  listPendingNotifications: Store['listPendingNotifications'] = (limit) => this.deliveries.listPendingNotifications(limit);
  profilesTold: Store['profilesTold'] = (notifier, alarmId) => this.deliveries.profilesTold(notifier, alarmId);
  recordFanOut: Store['recordFanOut'] = (id, deliveries, at) => this.deliveries.recordFanOut(id, deliveries, at);
  listDeliveries: Store['listDeliveries'] = (query) => this.deliveries.listDeliveries(query);
  setDeliveryStatus: Store['setDeliveryStatus'] = (ids, status, reason, at) => this.deliveries.setDeliveryStatus(ids, status, reason, at);
  insertMessage: Store['insertMessage'] = (message, deliveryIds) => this.deliveries.insertMessage(message, deliveryIds);
  listDueMessages: Store['listDueMessages'] = (notifier, now, limit) => this.deliveries.listDueMessages(notifier, now, limit);
  listMessages: Store['listMessages'] = (query) => this.deliveries.listMessages(query);
  recordAttempt: Store['recordAttempt'] = (id, outcome) => this.deliveries.recordAttempt(id, outcome);
  listFiringDeliveries: Store['listFiringDeliveries'] = (notifier, limit) => this.deliveries.listFiringDeliveries(notifier, limit);
  pruneMessages: Store['pruneMessages'] = (before) => this.deliveries.pruneMessages(before);

  insertSilence(silence: Omit<Silence, 'id'>): Silence {
    const stored = { ...structuredClone(silence), id: this.state.silences.length + 1 };
    this.state.silences.push(stored);
    return structuredClone(stored);
  }

  listSilences(query: { endedAfter?: number } = {}): Silence[] {
    const endedAfter = query.endedAfter ?? Number.MIN_SAFE_INTEGER;
    return this.state.silences
      .filter((s) => s.cancelledAt === null && s.endsAt >= endedAfter)
      .reverse()
      .map((s) => structuredClone(s));
  }

  cancelSilence(id: number, by: string, at: number): Silence | null {
    const silence = this.state.silences.find((s) => s.id === id);
    if (!silence || silence.cancelledAt !== null) return null;
    silence.cancelledAt = at;
    silence.cancelledBy = by;
    return structuredClone(silence);
  }

  recordUnmatched(cluster: Parameters<Store['recordUnmatched']>[0]): void {
    const existing = this.state.unmatched.get(cluster.key);
    if (existing) {
      existing.count += 1;
      existing.lastSeen = Math.max(existing.lastSeen, cluster.at);
      return;
    }
    const { at, ...rest } = cluster;
    this.state.unmatched.set(cluster.key, { ...rest, count: 1, firstSeen: at, lastSeen: at });
  }

  listUnmatched(limit: number): UnmatchedCluster[] {
    return [...this.state.unmatched.values()]
      .sort((a, b) => b.count - a.count || b.lastSeen - a.lastSeen)
      .slice(0, limit)
      .map((c) => ({ ...c }));
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

  insertQosCall: Store['insertQosCall'] = (call) => this.qos.insertQosCall(call);
  updateQosCall: Store['updateQosCall'] = (id, update) => this.qos.updateQosCall(id, update);
  attachQosTrap: Store['attachQosTrap'] = (id, trap, fill) => this.qos.attachQosTrap(id, trap, fill);
  insertQosSamples: Store['insertQosSamples'] = (samples) => this.qos.insertQosSamples(samples);
  getQosCall: Store['getQosCall'] = (id) => this.qos.getQosCall(id);
  listQosCalls: Store['listQosCalls'] = (query) => this.qos.listQosCalls(query);
  listQosSamples: Store['listQosSamples'] = (callId, limit) => this.qos.listQosSamples(callId, limit);
  findQosCallForTrap: Store['findQosCallForTrap'] = (match) => this.qos.findQosCallForTrap(match);
  summariseQos: Store['summariseQos'] = (query) => this.qos.summariseQos(query);
  qosWindow: Store['qosWindow'] = (since, until) => this.qos.qosWindow(since, until);
  applyQosRetention: Store['applyQosRetention'] = (before) => this.qos.applyQosRetention(before);

  listSsaEntries: Store['listSsaEntries'] = (nodeId, list) => listSsaEntries(this.state.ssaEntries, nodeId, list);
  saveSsaEntries: Store['saveSsaEntries'] = (nodeId, list, changes) => this.transaction(() => saveSsaEntries(this.state.ssaEntries, nodeId, list, changes));

  listLicenceStates: Store['listLicenceStates'] = () => listLicenceStates(this.state.licence);
  saveLicenceState: Store['saveLicenceState'] = (state) => saveLicenceState(this.state.licence, state);
  insertLicenceTransition: Store['insertLicenceTransition'] = (transition) => insertLicenceTransition(this.state.licence, transition);
  listLicenceTransitions: Store['listLicenceTransitions'] = (query) => listLicenceTransitions(this.state.licence, query);

  insertAudit: Store['insertAudit'] = (entry) => insertAudit(this.state, entry);
  listAudit: Store['listAudit'] = (query) => listAudit(this.state.audit, query);
  deleteAuditBefore: Store['deleteAuditBefore'] = (before) => deleteAuditBefore(this.state, before);

  listResiliencyIncidents: Store['listResiliencyIncidents'] = (query) => listResiliencyIncidents(this.state.resiliency, query);
  saveResiliencyIncident: Store['saveResiliencyIncident'] = (incident) => saveResiliencyIncident(this.state.resiliency, incident);
  deleteClosedResiliencyIncidents: Store['deleteClosedResiliencyIncidents'] = (closedBefore) => deleteClosedResiliencyIncidents(this.state.resiliency, closedBefore);
  listSessions: Store['listSessions'] = () => listSessions(this.state.sessions);
  saveSession: Store['saveSession'] = (session) => saveSession(this.state.sessions, session);
  deleteSession: Store['deleteSession'] = (key) => void this.state.sessions.delete(key);

  close(): void {}

  /** Mirrors the SQLite foreign keys, so a test against the fake fails where production would. */
  private requireAlarm(id: number): void {
    if (!this.state.alarms.has(id)) throw new Error(`FOREIGN KEY constraint failed: alarm ${id} does not exist`);
  }
}
