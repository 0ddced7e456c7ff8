import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { ResiliencyHolds } from '../correlation/decision.js';
import type { FleetEvent } from '../events/fleet-event.js';
import type { FleetIndex } from '../fleet/fleet-index.js';
import type { RecordedDecision } from '../pipeline/record-decision.js';
import { holdOf, isRootCause } from './holds.js';
import { withEntry, type ResiliencyIncident, type TimelineEntry } from './incident.js';
import { newIncident, type IncidentSubject } from './new-incident.js';
import { SERVICE_NAMES } from './relations.js';
import type { ResiliencyRepository } from './resiliency-repository.js';
import { failedText, incidentText, minutes, nameOf, RESILIENCY_CODES, resiliencyEvent, takenOverText } from './resiliency-events.js';
import { signalOf, type Signal } from './signals.js';
import { DEFAULT_TIMING, type ResiliencyTiming } from './timing.js';

/** Closed incidents kept in memory for the API; all of them stay in the repository. */
const CLOSED_KEPT = 500;
/** Open incidents read back at start; more than this many open at once means something else is wrong. */
const OPEN_RESUMED = 10_000;

export interface ResiliencyEngineOptions {
  fleet: FleetIndex;
  clock: Clock;
  /** Where incidents are kept (the Store); open ones resume at start(). */
  repository: ResiliencyRepository;
  /** Hands the engine's own events to the pipeline (main.ts: pipeline.offer). */
  emit: (event: FleetEvent) => unknown;
  /** The waits (config `resiliency:`); IP Office's defaults when absent. */
  timing?: ResiliencyTiming;
  log?: Logger;
  /** Called with each incident that changed, at the time of the change (the InfluxDB annotations). */
  onChange?: (incident: ResiliencyIncident, entry: TimelineEntry) => void;
}

/**
 * Turns node and line losses into one incident each: opens it on the loss (one critical alarm saying what failed,
 * what takes over, what is degraded), notes the failover after the failover wait, the failback once the node has
 * been up the failback wait, then closes it with its durations. Voicemail Pro and one-X Portal failing over on a
 * node that is up make a service incident, closed by their failback. While an incident is open the symptoms around
 * it are held (holds()). A loss that repeats within the flap window stays in the same incident and raises one
 * flapping alarm. Incidents are saved at every change, so a restart resumes them and recomputes their waits.
 */
export class ResiliencyEngine {
  private readonly incidents = new Map<string, ResiliencyIncident>();
  private readonly timing: ResiliencyTiming;
  private sequence = 0;

  constructor(private readonly options: ResiliencyEngineOptions) {
    this.timing = options.timing ?? DEFAULT_TIMING;
  }

  start(): void {
    const { repository } = this.options;
    const loaded = [...repository.listResiliencyIncidents({ open: true, limit: OPEN_RESUMED }), ...repository.listResiliencyIncidents({ open: false, limit: CLOSED_KEPT })];
    for (const incident of loaded) {
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

  /** Failovers, failbacks and closes whose time has come, each at the time it was due. Idempotent; call it often. */
  tick(now: number = this.options.clock.now()): void {
    const { failoverMs, failbackMs, stableMs } = this.timing;
    for (const incident of this.open()) {
      if (incident.kind === 'service') continue; // closed by the application's own failback
      if (incident.down && incident.kind === 'node' && incident.failedOverAt === null && now - incident.since >= failoverMs) this.failover(incident, incident.since + failoverMs);
      else if (!incident.down) {
        const settle = incident.failedOverAt !== null ? failbackMs : stableMs;
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

  /** Forgets incidents closed before `closedBefore`, here and in the repository (storage retention). */
  applyRetention(closedBefore: number): number {
    for (const incident of this.incidents.values()) if (incident.closedAt !== null && incident.closedAt < closedBefore) this.incidents.delete(incident.id);
    return this.options.repository.deleteClosedResiliencyIncidents(closedBefore);
  }

  /** The hook correlation and the notifiers consult (StageContext.resiliency). */
  holds(): ResiliencyHolds {
    return { holdOf: (alarm) => holdOf(this.options.fleet, this.open(), alarm), isRootCause };
  }

  private apply(signal: Signal, at: number, eventId: number): void {
    const fleet = this.options.fleet;
    switch (signal.kind) {
      case 'restart': {
        const found = this.openFor({ kind: 'node', nodeId: signal.nodeId });
        if (!found) return;
        // Traps from the node mean it is back: the restart marks the recovery.
        const incident = this.entry(found, { at, kind: 'restart', text: `${nameOf(fleet, signal.nodeId)} restarted (cold/warm start)`, eventId });
        if (incident.down) this.recover(incident, at, eventId);
        return;
      }
      case 'entity':
        for (const incident of this.open().filter((i) => i.nodeId === signal.nodeId || i.peerId === signal.nodeId || i.dependents.includes(signal.nodeId))) {
          const text = `Entity ${signal.failed ? 'failure' : 'operational'} on ${nameOf(fleet, signal.nodeId)}: ${signal.text}`;
          this.entry(incident, { at, kind: signal.failed ? 'entity-failure' : 'entity-ok', text, eventId });
        }
        return;
      case 'service':
        return this.applyService(signal, at, eventId);
      default:
        return this.applyLoss(signal, at, eventId);
    }
  }

  private applyLoss(signal: Extract<Signal, { kind: 'down' | 'up' }>, at: number, eventId: number): void {
    const fleet = this.options.fleet;
    if (signal.peerId !== null) {
      // A line to or from a node that is down is one of that node's symptoms, not an incident of its own; its
      // recovery while the node's incident is open (until failback) goes on that incident's timeline too.
      const nodeIncident = this.openFor({ kind: 'node', nodeId: signal.nodeId }) ?? this.openFor({ kind: 'node', nodeId: signal.peerId });
      if (nodeIncident && (nodeIncident.down || signal.kind === 'up')) {
        const text = `IP Office Line ${nameOf(fleet, signal.nodeId)} <-> ${nameOf(fleet, signal.peerId)} ${signal.kind}`;
        this.entry(nodeIncident, { at, kind: signal.kind === 'down' ? 'link-down' : 'link-up', text, eventId });
        // A line incident opened before the node's incident still needs its own recovery, or it would stay open.
        const lineIncident = signal.kind === 'up' ? this.openFor({ kind: 'link', nodeId: signal.nodeId, peerId: signal.peerId }) : undefined;
        if (!lineIncident?.down) return;
      }
    }
    const subject: IncidentSubject = signal.peerId === null ? { kind: 'node', nodeId: signal.nodeId } : { kind: 'link', nodeId: signal.nodeId, peerId: signal.peerId };
    const incident = this.openFor(subject);
    if (signal.kind === 'down') {
      if (!incident) this.openIncident(subject, at, eventId);
      else if (!incident.down) this.lose(incident, at, eventId);
    } else if (incident?.down) this.recover(incident, at, eventId);
  }

  private applyService(signal: Extract<Signal, { kind: 'service' }>, at: number, eventId: number): void {
    const kind = signal.phase === 'failover' ? 'service-failover' : 'service-failback';
    const text = `${SERVICE_NAMES[signal.service]} of ${nameOf(this.options.fleet, signal.nodeId)}: ${signal.phase}; ${signal.text}`;
    const nodeIncident = this.openFor({ kind: 'node', nodeId: signal.nodeId });
    if (nodeIncident) {
      this.entry(nodeIncident, { at, kind, text, eventId });
      return;
    }
    const incident = this.openFor({ kind: 'service', nodeId: signal.nodeId, service: signal.service });
    if (signal.phase === 'failover' && !incident) this.openIncident({ kind: 'service', nodeId: signal.nodeId, service: signal.service }, at, eventId, text);
    else if (signal.phase === 'failback' && incident) {
      const back = this.entry({ ...incident, down: false, failedBackAt: at, downMs: at - incident.since }, { at, kind, text, eventId });
      this.send(resiliencyEvent(this.options.fleet, back, this.options.clock.now(), { code: RESILIENCY_CODES.failback, severity: 'info', raisesAlarm: false, text: `Failback: ${text}`, attributes: { phase: 'failback' } }));
      this.finish(back, at);
    }
  }

  private openIncident(subject: IncidentSubject, at: number, eventId: number, text?: string): void {
    const fleet = this.options.fleet;
    const incident = newIncident(fleet, subject, `res-${at}-${++this.sequence}`, at);
    this.incidents.set(incident.id, incident);
    const kind = subject.kind === 'node' ? 'node-down' : subject.kind === 'link' ? 'link-down' : 'service-failover';
    // Lines of this node down in an incident of their own are its symptoms: their story continues here, first.
    const lines = subject.kind === 'node' ? this.open().filter((i) => i.kind === 'link' && i.down && (i.nodeId === subject.nodeId || i.peerId === subject.nodeId)) : [];
    let withLines = incident;
    for (const line of lines) withLines = this.entry(withLines, { at: line.since, kind: 'folded', text: `${failedText(fleet, line)} since ${new Date(line.since).toISOString()} (incident ${line.id}, folded in)`, eventId });
    const opened = this.entry(withLines, { at, kind, text: text ?? failedText(fleet, incident), eventId });
    const severity = subject.kind === 'service' ? 'major' : 'critical';
    this.send(resiliencyEvent(fleet, opened, at, { code: RESILIENCY_CODES.incident, severity, raisesAlarm: true, text: incidentText(fleet, opened), attributes: { phase: 'opened', takenOver: takenOverText(fleet, opened), degraded: opened.degraded.join('; ') } }));
    for (const line of lines) this.fold(line, opened, at);
  }

  private lose(incident: ResiliencyIncident, at: number, eventId: number): void {
    const { flapWindowMs, flapLosses } = this.timing;
    const recentLosses = [...incident.recentLosses.filter((t) => at - t < flapWindowMs), at];
    let next: ResiliencyIncident = { ...incident, down: true, since: at, recentLosses };
    next = this.entry(next, { at, kind: incident.kind === 'node' ? 'node-down' : 'link-down', text: `${failedText(this.options.fleet, next)} again`, eventId });
    if (!next.flapping && recentLosses.length >= flapLosses) {
      const text = `Resiliency: ${failedText(this.options.fleet, next).replace(/ is down$/, '')} is flapping: ${recentLosses.length} losses within ${minutes(flapWindowMs)}; kept as incident ${next.id}`;
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
      const text = `Failback: ${back.map((t) => SERVICE_NAMES[t.service]).join(', ') || 'services'} back on ${nameOf(fleet, incident.nodeId)} after it was up ${minutes(this.timing.failbackMs)}; failed over for ${minutes(at - incident.failedOverAt)}`;
      next = this.entry({ ...next, failedBackAt: at }, { at, kind: 'failback', text, eventId: null });
      this.send(resiliencyEvent(fleet, next, now, { code: RESILIENCY_CODES.failback, severity: 'info', raisesAlarm: false, text, attributes: { phase: 'failback' } }));
      const accs = incident.takeovers.find((t) => t.service === 'accs');
      if (accs) {
        const accsText = `ACCS stays on ${nameOf(fleet, accs.by)} after ${nameOf(fleet, incident.nodeId)} returned; move it back by hand (IPOFFICE-81237)`;
        next = this.entry(next, { at, kind: 'accs-stays', text: accsText, eventId: null });
        this.send(resiliencyEvent(fleet, next, now, { code: RESILIENCY_CODES.accsOnSecondary, severity: 'warning', raisesAlarm: true, text: accsText, nodeId: accs.by }));
      }
    }
    this.finish(next, at);
  }

  /**
   * Closes a line incident into the incident of a node at one end, found down after the line: one incident for one
   * root cause, whichever was reported first. Its alarm clears naming the incident that carries on.
   */
  private fold(line: ResiliencyIncident, into: ResiliencyIncident, at: number): void {
    const downMs = line.downMs + (at - line.since);
    const text = `Resiliency incident folded: ${failedText(this.options.fleet, line).replace(/ is down$/, '')} is a symptom: ${failedText(this.options.fleet, into)}; followed in incident ${into.id}`;
    this.finish({ ...line, down: false, since: at, downMs, foldedInto: into.id }, at, text);
  }

  /** Closes the incident: the clear of its alarm carries the durations and the timeline. */
  private finish(incident: ResiliencyIncident, at: number, foldedText?: string): void {
    const fleet = this.options.fleet;
    const openMs = at - incident.openedAt;
    const overMs = incident.failedOverAt !== null ? (incident.failedBackAt ?? at) - incident.failedOverAt : null;
    const summary = foldedText ?? `Resiliency incident closed: ${failedText(fleet, incident).replace(/ is down$/, '')} recovered; down ${minutes(incident.downMs)}, incident open ${minutes(openMs)}${overMs !== null ? `, failed over ${minutes(overMs)}` : ''}`;
    const next = this.entry({ ...incident, closedAt: at }, { at, kind: 'closed', text: summary, eventId: null });
    const now = this.options.clock.now();
    const durations = {
      phase: incident.foldedInto ? 'folded' : 'closed',
      ...(incident.foldedInto && { foldedInto: incident.foldedInto }),
      downSeconds: incident.downMs / 1000,
      openSeconds: openMs / 1000,
      timeline: next.timeline.map((e) => `${new Date(e.at).toISOString()} ${e.kind}: ${e.text}`).join('\n').slice(0, 4000),
    };
    this.send(resiliencyEvent(fleet, next, now, { code: RESILIENCY_CODES.incident, severity: 'cleared', raisesAlarm: false, text: summary, attributes: durations }));
    if (incident.flapping) this.send(resiliencyEvent(fleet, next, now, { code: RESILIENCY_CODES.flapping, severity: 'cleared', raisesAlarm: false, text: `${summary} (no longer flapping)` }));
    this.forgetOldClosed();
  }

  private openFor(subject: IncidentSubject): ResiliencyIncident | undefined {
    return this.open().find((i) => {
      if (i.kind !== subject.kind) return false;
      if (subject.kind === 'link') return (i.nodeId === subject.nodeId && i.peerId === subject.peerId) || (i.nodeId === subject.peerId && i.peerId === subject.nodeId);
      return i.nodeId === subject.nodeId && (subject.kind === 'node' || i.service === subject.service);
    });
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

  private forgetOldClosed(): void {
    const closed = [...this.incidents.values()].filter((i) => i.closedAt !== null);
    if (closed.length <= CLOSED_KEPT) return;
    closed.sort((a, b) => a.openedAt - b.openedAt);
    for (const incident of closed.slice(0, closed.length - CLOSED_KEPT)) this.incidents.delete(incident.id);
  }

  private send(event: FleetEvent): void {
    if (this.options.emit(event) === 'queue-full') this.options.log?.warn({ code: event.code, nodeId: event.nodeId }, 'pipeline queue full: a resiliency event was dropped');
  }
}
