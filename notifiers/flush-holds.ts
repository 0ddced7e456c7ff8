import type { Alarm } from '../src/correlation/alarm.js';
import type { ResiliencyHolds } from '../src/correlation/decision.js';
import { alarmMatches, type InhibitRule } from '../src/correlation/policy.js';
import { describeWindow, occurrenceAt, type RecurringWindow } from '../src/correlation/recurring-window.js';
import { silenceActive, silenceMatches, type Silence } from '../src/correlation/silence.js';
import type { AlarmRepository } from '../src/storage/store.js';
import type { Place } from './place.js';

export interface HoldSources {
  alarms: Pick<AlarmRepository, 'findOpenAlarm'>;
  inhibitRules: readonly InhibitRule[];
  silences: () => readonly Silence[];
  maintenanceWindows: () => readonly RecurringWindow[];
  /** Root-cause holds of the resiliency engine; none when absent. */
  resiliency?: ResiliencyHolds | undefined;
}

/**
 * Correlation holds a transition when it happens; Alertmanager checks again
 * when the group is sent. During group wait a root cause may arrive (the node
 * becomes unreachable) or a maintenance window may start: then the waiting
 * firing transition is held here, with the reason. Null = send it.
 */
export function holdAtFlush(alarm: Alarm, place: Place, now: number, sources: HoldSources): { status: 'inhibited' | 'silenced'; reason: string } | null {
  if (alarm.state === 'cleared') return null;
  if (alarm.nodeId !== null && !sources.resiliency?.isRootCause(alarm)) {
    const incident = sources.resiliency?.holdOf(alarm);
    if (incident) return { status: 'inhibited', reason: `at send time: ${incident.reason}` };
    for (const rule of sources.inhibitRules) {
      if (!alarmMatches(rule.target, alarm) || alarmMatches(rule.source, alarm)) continue;
      const source = sources.alarms.findOpenAlarm({ nodeId: alarm.nodeId, codePrefix: rule.source.codePrefix, category: rule.source.category, excludeId: alarm.id });
      if (!source) continue;
      if (rule.equal.includes('entity') && JSON.stringify(source.entity) !== JSON.stringify(alarm.entity)) continue;
      return { status: 'inhibited', reason: `inhibited at send time by open alarm ${source.id} "${source.text}" (rule ${rule.id})` };
    }
  }
  const facts = { nodeId: alarm.nodeId, siteId: place.siteId, customerId: place.customerId, category: alarm.category, code: alarm.code, text: alarm.text };
  const silence = sources.silences().find((s) => silenceActive(s, now) && silenceMatches(s.matchers, facts));
  if (silence) return { status: 'silenced', reason: `${silence.kind === 'maintenance' ? 'maintenance window' : 'silence'} ${silence.id} began during group wait (until ${new Date(silence.endsAt).toISOString()}): ${silence.comment}` };
  for (const window of sources.maintenanceWindows()) {
    if (!silenceMatches(window.matchers, facts)) continue;
    const zone = window.timeZone ?? place.timeZone;
    const occurrence = occurrenceAt(window, now, zone);
    if (occurrence) return { status: 'silenced', reason: `recurring maintenance window ${window.id} (${describeWindow(window, zone)}) began during group wait, until ${new Date(occurrence.endsAt).toISOString()}` };
  }
  return null;
}
