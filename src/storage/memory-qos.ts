import type { QosCall, QosCallQuery, QosSample, QosSummary, QosSummaryRow, QosTrapMeasures, QosWindowGroup } from '../qos/qos-call.js';
import type { QosCallUpdate, QosRepository, QosTrapMatch } from '../qos/qos-repository.js';
import { QOS_MAX_SEGMENT_MS } from './qos-query-sql.js';
import { thresholdsFromText, thresholdsToText } from './qos-rows.js';

export interface QosState {
  calls: Map<number, QosCall>;
  samples: QosSample[];
  lastCallId: number;
  lastSampleId: number;
}

export function emptyQosState(): QosState {
  return { calls: new Map(), samples: [], lastCallId: 0, lastSampleId: 0 };
}

/** MemoryStore's QoS tables: the twin of SqliteQos, reading the store's state so rollbacks cover it. */
export class MemoryQos implements QosRepository {
  constructor(private readonly state: () => QosState) {}

  insertQosCall(call: Omit<QosCall, 'id'>): QosCall {
    const id = ++this.state().lastCallId;
    const stored = { ...normalised(call), id };
    this.state().calls.set(id, stored);
    return structuredClone(stored);
  }

  updateQosCall(id: number, update: QosCallUpdate): void {
    const call = this.state().calls.get(id);
    if (!call) return;
    const keep = <T>(next: T | null, current: T | null) => next ?? current;
    Object.assign(call, normalised({ ...call, ...update }), {
      nodeId: keep(update.nodeId, call.nodeId),
      siteId: keep(update.siteId, call.siteId),
      customerId: keep(update.customerId, call.customerId),
      extension: keep(update.extension, call.extension),
      user: keep(update.user, call.user),
      phoneType: keep(update.phoneType, call.phoneType),
      remoteParty: keep(update.remoteParty, call.remoteParty),
      trunk: keep(update.trunk, call.trunk),
      lastReportAt: Math.max(call.lastReportAt, update.lastReportAt),
      poor: update.poor || call.trap !== null,
      trap: call.trap,
    });
  }

  attachQosTrap(id: number, trap: QosTrapMeasures, fill: { extension: string | null; user: string | null; trunk: string | null }): void {
    const call = this.state().calls.get(id);
    if (!call) return;
    call.trap = { ...trap };
    call.poor = true;
    call.extension ??= fill.extension;
    call.user ??= fill.user;
    call.trunk ??= fill.trunk;
  }

  insertQosSamples(samples: Array<Omit<QosSample, 'id'>>): void {
    const state = this.state();
    for (const sample of samples) {
      if (!state.calls.has(sample.callId)) throw new Error(`FOREIGN KEY constraint failed: no call ${sample.callId}`);
      state.samples.push({ ...structuredClone(sample), id: ++state.lastSampleId });
    }
  }

  getQosCall(id: number): QosCall | null {
    const call = this.state().calls.get(id);
    return call ? structuredClone(call) : null;
  }

  listQosCalls(query: QosCallQuery): QosCall[] {
    return [...this.state().calls.values()]
      .filter((call) => matches(call, query))
      .sort(newestFirst)
      .slice(0, query.limit)
      .map((call) => structuredClone(call));
  }

  listQosSamples(callId: number, limit: number): QosSample[] {
    return this.state()
      .samples.filter((sample) => sample.callId === callId)
      .sort((a, b) => a.at - b.at || a.id - b.id)
      .slice(0, limit)
      .map((sample) => structuredClone(sample));
  }

  findQosCallForTrap(match: QosTrapMatch): QosCall | null {
    const calls = [...this.state().calls.values()].filter((call) => call.nodeId === match.nodeId);
    if (match.callId !== null) {
      const byCallId = calls.filter((call) => call.trap?.callId === match.callId).sort((a, b) => b.id - a.id)[0];
      if (byCallId) return structuredClone(byCallId);
    }
    if (match.extension === null) return null;
    const found = calls
      .filter((call) => call.extension === match.extension && call.startedAt <= match.at && (call.endedAt ?? call.lastReportAt) >= match.at - match.graceMs)
      .sort(newestFirst)[0];
    return found ? structuredClone(found) : null;
  }

  summariseQos(query: { nodeIds?: string[]; from: number; to: number; limit: number }): QosSummary {
    const calls = [...this.state().calls.values()].filter((call) => matches(call, { from: query.from, to: query.to, limit: 0, ...(query.nodeIds && { nodeIds: query.nodeIds }) }));
    return {
      sites: summarise(calls, (c) => [`${c.customerId}\u0000${c.siteId}`, c.siteId ?? 'unattributed', null], query.limit),
      trunks: summarise(calls.filter((c) => c.trunk !== null), (c) => [`${c.nodeId}\u0000${c.trunk}`, c.trunk!, c.nodeId], query.limit),
      extensions: summarise(calls.filter((c) => c.extension !== null), (c) => [`${c.nodeId}\u0000${c.extension}`, c.extension!, c.nodeId], query.limit),
    };
  }

  qosWindow(since: number, until: number): QosWindowGroup[] {
    const inWindow = [...this.state().calls.values()].filter((c) => c.lastReportAt >= since && c.lastReportAt < until && c.reports > 0);
    const groups = new Map<string, QosWindowGroup>();
    const add = (key: string, base: Omit<QosWindowGroup, 'calls' | 'poorCalls'>, poor: boolean) => {
      const group = groups.get(key) ?? { ...base, calls: 0, poorCalls: 0 };
      group.calls += 1;
      if (poor) group.poorCalls += 1;
      groups.set(key, group);
    };
    for (const c of inWindow) {
      if (c.siteId !== null) add(`site\u0000${c.customerId}\u0000${c.siteId}`, { kind: 'site', customerId: c.customerId, siteId: c.siteId, nodeId: null, trunk: null }, c.poor);
    }
    for (const c of inWindow) {
      if (c.trunk !== null) add(`trunk\u0000${c.nodeId}\u0000${c.trunk}`, { kind: 'trunk', customerId: c.customerId, siteId: c.siteId, nodeId: c.nodeId, trunk: c.trunk }, c.poor);
    }
    return [...groups.values()];
  }

  applyQosRetention(before: number): number {
    const state = this.state();
    const removed = new Set<number>();
    for (const [id, call] of state.calls) {
      if (call.lastReportAt < before) {
        state.calls.delete(id);
        removed.add(id);
      }
    }
    state.samples = state.samples.filter((sample) => !removed.has(sample.callId));
    return removed.size;
  }
}

/** Stores what SQLite would give back: thresholds in canonical order, a copy of everything. */
function normalised<T extends Omit<QosCall, 'id'>>(call: T): T {
  return { ...structuredClone(call), thresholds: thresholdsFromText(thresholdsToText(call.thresholds)) };
}

function newestFirst(a: QosCall, b: QosCall): number {
  return b.startedAt - a.startedAt || b.id - a.id;
}

function matches(call: QosCall, query: QosCallQuery): boolean {
  if (query.extension !== undefined && call.extension !== query.extension) return false;
  if (query.trunk !== undefined && call.trunk !== query.trunk) return false;
  if (query.nodeIds !== undefined && (call.nodeId === null || !query.nodeIds.includes(call.nodeId))) return false;
  if (query.to !== undefined && call.startedAt >= query.to) return false;
  if (query.from !== undefined && (call.lastReportAt < query.from || call.startedAt < query.from - QOS_MAX_SEGMENT_MS)) return false;
  if (query.poor !== undefined && call.poor !== query.poor) return false;
  if (query.before !== undefined && !(call.startedAt < query.before.startedAt || (call.startedAt === query.before.startedAt && call.id < query.before.id))) return false;
  return true;
}

type GroupOf = (call: QosCall) => [key: string, label: string, nodeId: string | null];

function summarise(calls: QosCall[], groupOf: GroupOf, limit: number): QosSummaryRow[] {
  const groups = new Map<string, { label: string; nodeId: string | null; calls: QosCall[] }>();
  for (const call of calls) {
    const [key, label, nodeId] = groupOf(call);
    const group = groups.get(key) ?? { label, nodeId, calls: [] };
    group.calls.push(call);
    groups.set(key, group);
  }
  const mean = (values: Array<number | null>) => {
    const known = values.filter((v): v is number => v !== null);
    return known.length === 0 ? null : known.reduce((sum, v) => sum + v, 0) / known.length;
  };
  const extreme = (values: Array<number | null>, pick: (...v: number[]) => number) => {
    const known = values.filter((v): v is number => v !== null);
    return known.length === 0 ? null : pick(...known);
  };
  const maxText = (values: Array<string | null>) => values.filter((v): v is string => v !== null).sort().at(-1) ?? null;
  return [...groups.values()]
    .map(({ label, nodeId, calls: members }) => ({
      nodeId,
      siteId: maxText(members.map((c) => c.siteId)),
      customerId: maxText(members.map((c) => c.customerId)),
      key: label,
      calls: members.length,
      poorCalls: members.filter((c) => c.poor).length,
      mosMean: mean(members.map((c) => c.mos)),
      mosMin: extreme(members.map((c) => c.mosMin), Math.min),
      jitterMaxMs: extreme(members.map((c) => c.jitterMaxMs), Math.max),
      lossMeanPercent: mean(members.map((c) => c.lossPercent)),
      rttMaxMs: extreme(members.map((c) => c.rttMaxMs), Math.max),
    }))
    .sort((a, b) => b.poorCalls - a.poorCalls || b.calls - a.calls || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, limit);
}
