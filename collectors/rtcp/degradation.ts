import { reductionKey } from '../../src/correlation/keys.js';
import type { FleetEvent } from '../../src/events/fleet-event.js';
import type { FleetIndex } from '../../src/fleet/fleet-index.js';
import type { QosWindowGroup } from '../../src/qos/qos-call.js';
import type { QosRecorder } from '../../src/qos/qos-recorder.js';
import type { RtcpConfig } from './config.js';
import { DEGRADATION_CODES, degradationEvent, type DegradationTarget } from './map.js';

/** Open degradation alarms are found again after a restart among at most this many open QoS alarms. */
const RESUME_LIMIT = 10_000;

interface Raised {
  event: FleetEvent;
  /** poor/calls when last emitted: a change re-emits the problem with the new figures. */
  figures: string;
}

/**
 * Sustained degradation (not a single call): every `evaluateSeconds`, calls
 * with RTCP reports in the last `windowMinutes` are counted per site and per
 * trunk; more than `poorPercent` poor among at least `minCalls` raises a
 * major alarm, which clears once the share is back at or below the limit
 * (or no calls are left in the window).
 */
export class DegradationWatch {
  private readonly raised = new Map<string, Raised>();
  private resumed = false;

  constructor(
    private readonly settings: RtcpConfig['degradation'],
    private readonly recorder: Pick<QosRecorder, 'qosWindow' | 'listAlarms'>,
    private readonly fleet: FleetIndex | undefined,
    private readonly emit: (event: FleetEvent) => void,
  ) {}

  evaluate(now: number): void {
    if (!this.resumed) this.resume(now);
    const windowMs = this.settings.windowMinutes * 60_000;
    const seen = new Set<string>();
    for (const group of this.recorder.qosWindow(now - windowMs, now + 1)) {
      const target = this.targetOf(group);
      if (!target) continue;
      const problem = degradationEvent(group, target, 'degraded', this.settings, now);
      const key = reductionKey(problem);
      seen.add(key);
      const percent = (group.poorCalls / group.calls) * 100;
      const degraded = group.calls >= this.settings.minCalls && percent > this.settings.poorPercent;
      const figures = `${group.poorCalls}/${group.calls}`;
      const current = this.raised.get(key);
      if (degraded && current?.figures !== figures) {
        this.raised.set(key, { event: problem, figures });
        this.emit(problem);
      } else if (!degraded && current && percent <= this.settings.poorPercent) {
        this.raised.delete(key);
        this.emit(degradationEvent(group, target, 'recovered', this.settings, now));
      }
    }
    // Nothing left in the window: no evidence of degradation any more.
    for (const [key, { event }] of this.raised) {
      if (seen.has(key)) continue;
      this.raised.delete(key);
      const text = `Call quality recovered: no calls with reports in the last ${this.settings.windowMinutes} minutes`;
      this.emit({ ...event, receivedAt: now, severity: 'cleared', raisesAlarm: false, text, attributes: { ...event.attributes, calls: 0, poorCalls: 0, poorPercent: 0 }, raw: { encoding: 'utf8', data: text } });
    }
  }

  /** Alarms raised before a restart are still open: take them over, so they clear when quality recovers. */
  private resume(now: number): void {
    this.resumed = true;
    const open = this.recorder.listAlarms({ open: true, category: 'QoS', limit: RESUME_LIMIT });
    for (const alarm of open) {
      if (alarm.code !== DEGRADATION_CODES.site && alarm.code !== DEGRADATION_CODES.trunk) continue;
      const event: FleetEvent = {
        receivedAt: now,
        source: 'rtcp',
        collector: 'rtcp',
        sourceAddress: alarm.sourceAddress,
        nodeId: alarm.nodeId,
        entity: alarm.entity,
        category: 'QoS',
        severity: alarm.severity,
        raisesAlarm: true,
        code: alarm.code,
        text: alarm.text,
        attributes: {},
        raw: { encoding: 'utf8', data: alarm.text },
      };
      this.raised.set(alarm.reductionKey, { event, figures: '' });
    }
  }

  /** A site's alarm sits on its first node in the fleet; a trunk's on the trunk's node, with the trunk as entity. */
  private targetOf(group: QosWindowGroup): DegradationTarget | null {
    if (group.kind === 'site') {
      const row = this.fleet?.nodes().find((r) => r.site.id === group.siteId && r.customer.id === group.customerId);
      if (!row) return null;
      return { nodeId: row.node.id, sourceAddress: row.node.addresses[0]!, entity: null, label: `site ${row.site.name}` };
    }
    if (group.nodeId === null || group.trunk === null) return null;
    const row = this.fleet?.node(group.nodeId);
    if (!row) return null;
    return { nodeId: row.node.id, sourceAddress: row.node.addresses[0]!, entity: { kind: 'trunk', id: group.trunk, name: group.trunk }, label: `trunk ${group.trunk} of ${row.node.name}` };
  }
}
