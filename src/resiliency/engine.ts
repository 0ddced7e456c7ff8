import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { ResiliencyHolds } from '../correlation/decision.js';
import type { FleetEvent, StoredEvent } from '../events/fleet-event.js';
import type { FleetIndex } from '../fleet/fleet-index.js';
import type { RecordedDecision } from '../pipeline/record-decision.js';
import { holdOf, isRootCause } from './holds.js';
import { withEntry, type ResiliencyIncident, type TimelineEntry } from './incident.js';
import { dependentsOf, linePeersOf, linkPeerOf, SERVICE_NAMES, takeoversOf } from './relations.js';
import { failedText, incidentText, minutes, nameOf, RESILIENCY_CODES, RESILIENCY_COLLECTOR, resiliencyEvent, takenOverText } from './resiliency-events.js';
import { FAILBACK_MS, FAILOVER_MS, FLAP_LOSSES, FLAP_WINDOW_MS } from './timing.js';

/** Where incidents are kept; the in-memory twin is MemoryResiliencyRepository. */
export interface ResiliencyRepository {
  listResiliencyIncidents(): ResiliencyIncident[];
  saveResiliencyIncident(incident: ResiliencyIncident): void;
}

export class MemoryResiliencyRepository implements ResiliencyRepository {
  private readonly rows = new Map<string, ResiliencyIncident>();
  listResiliencyIncidents(): ResiliencyIncident[] {
    return [...this.rows.values()];
  }
  saveResiliencyIncident(incident: ResiliencyIncident): void {
    this.rows.set(incident.id, incident);
  }
}

export interface ResiliencyEngineOptions {
  fleet: FleetIndex;
  clock: Clock;
  repository: ResiliencyRepository;
  /** Hands the engine's own events to the pipeline (main.ts: pipeline.offer). */
  emit: (event: FleetEvent) => unknown;
  log?: Logger;
  /** Called with each incident that changed, at the time of the change (the InfluxDB annotations). */
  onChange?: (incident: ResiliencyIncident, entry: TimelineEntry) => void;
}

type Signal = { kind: 'down' | 'up'; nodeId: string; peerId: string | null } | { kind: 'restart'; nodeId: string };

const RESTART_CODES = ['snmp.ipo.restart', 'snmp.restart'];
const LINK_CODES = ['snmp.ipo.link', 'snmp.ipo.trunk'];

/** What a stored event says about a node or a line; null for everything else (including our own events). */
export function signalOf(fleet: FleetIndex, event: StoredEvent): Signal | null {
  if (event.nodeId === null || (event.source === 'internal' && event.collector === RESILIENCY_COLLECTOR)) return null;
  const kind = event.severity === 'cleared' ? 'up' : 'down';
  if (event.code === 'poll.node-unreachable') return { kind, nodeId: event.nodeId, peerId: null };
  if (RESTART_CODES.includes(event.code)) return { kind: 'restart', nodeId: event.nodeId };
  if (LINK_CODES.includes(event.code)) {
    const peerId = linkPeerOf(fleet, event.nodeId, event.entity);
    return peerId ? { kind, nodeId: event.nodeId, peerId } : null;
  }
  return null;
}

/**
 * Turns node and line losses into one incident each: opens it on the loss (one critical alarm saying what failed,
 * what takes over, what is degraded), notes the failover after 3 minutes, the failback once the node has been up
 * 10 minutes, then closes it with its durations. While it is open the symptoms around it are held (holds()).
 * A loss that repeats within 5 minutes stays in the same incident and raises one flapping alarm.
 */
export class ResiliencyEngine {
  private readonly incidents = new Map<string, ResiliencyIncident>();
  private sequence = 0;

  constructor(private readonly options: ResiliencyEngineOptions) {}

  start(): void {
    for (const incident of this.options.repository.listResiliencyIncidents()) {
      this.incidents.set(incident.id, incident);
      this.sequence = Math.max(this.sequence, Number(incident.id.split('-').pop()) || 0);
    }
    this.tick();
  }

  onRecorded(recorded: readonly RecordedDecision[]): void {
    for (const { event } of recorded) {
      try {
        const signal = signalOf(this.options.fleet, event);
        if (signal) this.apply(signal, event.receivedAt, event.id);
      } catch (error) {
        this.options.log?.error({ err: error, eventId: event.id }, 'resiliency engine could not apply an event; state unchanged');
      }
    }
    this.tick();
  }

  /** Failovers, failbacks and closes whose time has come. Idempotent; call it often. */
  tick(now: number = this.options.clock.now()): void {
    for (const incident of this.open()) {
      if (incident.down && incident.kind === 'node' && incident.failedOverAt === null && now - incident.since >= FAILOVER_MS) this.failover(incident, incident.since + FAILOVER_MS);
      else if (!incident.down) {
        const settle = incident.failedOverAt !== null ? FAILBACK_MS : FLAP_WINDOW_MS;
        if (now - incident.since >= settle) this.close(incident, incident.since + settle);
      }
    }
  }

  /** Open incidents first, newest first; then closed ones, newest first. */
  list(): ResiliencyIncident[] {
    return [...this.incidents.values()].sort((a, b) => Number(a.closedAt !== null) - Number(b.closedAt !== null) || b.openedAt - a.openedAt);
  }

  open(): ResiliencyIncident[] {
    return [...this.incidents.values()].filter((i) => i.closedAt === null);
  }

  /** The hook correlation and the notifiers consult (StageContext.resiliency). */
  holds(): ResiliencyHolds {
    return { holdOf: (alarm) => holdOf(this.options.fleet, this.open(), alarm), isRootCause };
  }

  private apply(signal: Signal, at: number, eventId: number): void {
    if (signal.kind === 'restart') {
      const found = this.openFor(signal.nodeId, null);
      if (!found) return;
      // Traps from the node mean it is back: the restart marks the recovery.
      const incident = this.entry(found, { at, kind: 'restart', text: `${nameOf(this.options.fleet, signal.nodeId)} restarted (cold/warm start)`, eventId });
      if (incident.down) this.recover(incident, at, eventId);
      return;
    }
    if (signal.peerId !== null) {
      // A line to or from a node that is down is one of that node's symptoms, not an incident of its own.
      const nodeIncident = this.openFor(signal.nodeId, null) ?? this.openFor(signal.peerId, null);
      if (nodeIncident?.down) {
        const text = `IP Office Line ${nameOf(this.options.fleet, signal.nodeId)} <-> ${nameOf(this.options.fleet, signal.peerId)} ${signal.kind}`;
        this.entry(nodeIncident, { at, kind: signal.kind === 'down' ? 'link-down' : 'link-up', text, eventId });
        return;
      }
    }
    const incident = this.openFor(signal.nodeId, signal.peerId);
    if (signal.kind === 'down') {
      if (!incident) this.openIncident(signal.nodeId, signal.peerId, at, eventId);
      else if (!incident.down) this.lose(incident, at, eventId);
    } else if (incident?.down) this.recover(incident, at, eventId);
  }

  private openIncident(nodeId: string, peerId: string | null, at: number, eventId: number): void {
    const fleet = this.options.fleet;
    const row = fleet.node(nodeId)!;
    const kind = peerId === null ? 'node' : 'link';
    const takeovers = kind === 'node' ? takeoversOf(fleet, nodeId) : [];
    const incident: ResiliencyIncident = {
      id: `res-${at}-${++this.sequence}`,
      kind,
      nodeId,
      peerId,
      siteId: row.site.id,
      openedAt: at,
      closedAt: null,
      down: true,
      since: at,
      recentLosses: [at],
      flapping: false,
      failedOverAt: null,
      failedBackAt: null,
      takeovers,
      degraded: kind === 'node' ? this.degradedOf(nodeId) : [`calls between ${nameOf(fleet, nodeId)} and ${nameOf(fleet, peerId!)} (SCN)`],
      dependents: kind === 'node' ? dependentsOf(fleet, nodeId) : [peerId!],
      downMs: 0,
      timeline: [],
    };
    this.incidents.set(incident.id, incident);
    const opened = this.entry(incident, { at, kind: kind === 'node' ? 'node-down' : 'link-down', text: failedText(fleet, incident), eventId });
    this.send(resiliencyEvent(fleet, opened, at, { code: RESILIENCY_CODES.incident, severity: 'critical', raisesAlarm: true, text: incidentText(fleet, opened), attributes: { phase: 'opened', takenOver: takenOverText(fleet, opened), degraded: opened.degraded.join('; ') } }));
  }

  private degradedOf(nodeId: string): string[] {
    const fleet = this.options.fleet;
    const node = fleet.node(nodeId)!.node;
    const backed = new Set(takeoversOf(fleet, nodeId).map((t) => t.service));
    const degraded = [`calls anchored on ${node.name} lose their audio (003:668-669)`];
    const peers = linePeersOf(fleet, nodeId);
    if (peers.length > 0) degraded.push(`IP Office Lines to ${peers.map((p) => nameOf(fleet, p)).join(', ')} down`);
    if (backed.has('phones')) degraded.push('failed-over phones run as guests: basic calls only, user changes lost at failback (003:664-692)');
    if (node.resilience?.voicemailDualActive) degraded.push('Dual Active Voicemail Pro: the peer serves every mailbox at half the channel capacity');
    for (const service of ['phones', 'huntGroups', 'voicemail'] as const) if (!backed.has(service)) degraded.push(`${SERVICE_NAMES[service]}: no backup configured, out of service`);
    return degraded;
  }

  private lose(incident: ResiliencyIncident, at: number, eventId: number): void {
    const recentLosses = [...incident.recentLosses.filter((t) => at - t < FLAP_WINDOW_MS), at];
    let next: ResiliencyIncident = { ...incident, down: true, since: at, recentLosses };
    next = this.entry(next, { at, kind: incident.kind === 'node' ? 'node-down' : 'link-down', text: `${failedText(this.options.fleet, next)} again`, eventId });
    if (!next.flapping && recentLosses.length >= FLAP_LOSSES) {
      const text = `Resiliency: ${failedText(this.options.fleet, next).replace(/ is down$/, '')} is flapping: ${recentLosses.length} losses within ${minutes(FLAP_WINDOW_MS)}; kept as incident ${next.id}`;
      next = this.entry({ ...next, flapping: true }, { at, kind: 'flapping', text, eventId });
      this.send(resiliencyEvent(this.options.fleet, next, at, { code: RESILIENCY_CODES.flapping, severity: 'major', raisesAlarm: true, text }));
    }
  }

  private recover(incident: ResiliencyIncident, at: number, eventId: number): void {
    const next = { ...incident, down: false, since: at, downMs: incident.downMs + (at - incident.since) };
    const before = next.kind === 'node' && next.failedOverAt === null ? ' before its phones failed over' : '';
    this.entry(next, { at, kind: next.kind === 'node' ? 'node-up' : 'link-up', text: `${failedText(this.options.fleet, next).replace(/ is down$/, '')} is up again${before}`, eventId });
  }

  private failover(incident: ResiliencyIncident, at: number): void {
    const fleet = this.options.fleet;
    const text = `Failover: ${takenOverText(fleet, incident)} (after ${minutes(at - incident.since)} without ${nameOf(fleet, incident.nodeId)})`;
    const next = this.entry({ ...incident, failedOverAt: at }, { at, kind: 'failover', text, eventId: null });
    this.send(resiliencyEvent(fleet, next, this.options.clock.now(), { code: RESILIENCY_CODES.failover, severity: 'info', raisesAlarm: false, text, attributes: { phase: 'failover' } }));
  }

  private close(incident: ResiliencyIncident, at: number): void {
    const fleet = this.options.fleet;
    const now = this.options.clock.now();
    let next: ResiliencyIncident = incident;
    if (incident.failedOverAt !== null) {
      const back = incident.takeovers.filter((t) => t.service !== 'accs');
      const text = `Failback: ${back.map((t) => SERVICE_NAMES[t.service]).join(', ') || 'services'} back on ${nameOf(fleet, incident.nodeId)} after it was up ${minutes(FAILBACK_MS)}; failed over for ${minutes(at - incident.failedOverAt)}`;
      next = this.entry({ ...next, failedBackAt: at }, { at, kind: 'failback', text, eventId: null });
      this.send(resiliencyEvent(fleet, next, now, { code: RESILIENCY_CODES.failback, severity: 'info', raisesAlarm: false, text, attributes: { phase: 'failback' } }));
      const accs = incident.takeovers.find((t) => t.service === 'accs');
      if (accs) {
        const accsText = `ACCS stays on ${nameOf(fleet, accs.by)} after ${nameOf(fleet, incident.nodeId)} returned; move it back by hand (IPOFFICE-81237)`;
        next = this.entry(next, { at, kind: 'accs-stays', text: accsText, eventId: null });
        this.send(resiliencyEvent(fleet, next, now, { code: RESILIENCY_CODES.accsOnSecondary, severity: 'warning', raisesAlarm: true, text: accsText, nodeId: accs.by }));
      }
    }
    const openMs = at - incident.openedAt;
    const summary = `Resiliency incident closed: ${failedText(fleet, incident).replace(/ is down$/, '')} recovered; down ${minutes(incident.downMs)}, incident open ${minutes(openMs)}${incident.failedOverAt !== null ? `, failed over ${minutes(at - incident.failedOverAt)}` : ''}`;
    next = this.entry({ ...next, closedAt: at }, { at, kind: 'closed', text: summary, eventId: null });
    const durations = { phase: 'closed', downSeconds: incident.downMs / 1000, openSeconds: openMs / 1000, timeline: next.timeline.map((e) => `${new Date(e.at).toISOString()} ${e.kind}: ${e.text}`).join('\n').slice(0, 4000) };
    this.send(resiliencyEvent(fleet, next, now, { code: RESILIENCY_CODES.incident, severity: 'cleared', raisesAlarm: false, text: summary, attributes: durations }));
    if (incident.flapping) this.send(resiliencyEvent(fleet, next, now, { code: RESILIENCY_CODES.flapping, severity: 'cleared', raisesAlarm: false, text: `${summary} (no longer flapping)` }));
  }

  private openFor(nodeId: string, peerId: string | null): ResiliencyIncident | undefined {
    return this.open().find((i) => (peerId === null ? i.kind === 'node' && i.nodeId === nodeId : i.kind === 'link' && ((i.nodeId === nodeId && i.peerId === peerId) || (i.nodeId === peerId && i.peerId === nodeId))));
  }

  private entry(incident: ResiliencyIncident, entry: TimelineEntry): ResiliencyIncident {
    const next = withEntry(incident, entry);
    this.incidents.set(next.id, next);
    this.options.repository.saveResiliencyIncident(next);
    try {
      this.options.onChange?.(next, entry);
    } catch (error) {
      this.options.log?.error({ err: error }, 'a resiliency listener failed');
    }
    return next;
  }

  private send(event: FleetEvent): void {
    if (this.options.emit(event) === 'queue-full') this.options.log?.warn({ code: event.code, nodeId: event.nodeId }, 'pipeline queue full: a resiliency event was dropped');
  }
}
