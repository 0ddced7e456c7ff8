import type { Alarm, TransitionKind } from '../src/correlation/alarm.js';
import type { AlarmLinks } from '../src/correlation/alarm-links.js';
import type { Severity } from '../src/events/severity.js';
import type { GroupByLabel } from './group-key.js';
import type { Place } from './place.js';
import type { RouteFilter } from './route.js';

/** A profile as the dispatcher sees it, whatever the notifier. */
export interface DispatchProfile extends RouteFilter {
  name: string;
  groupBy: readonly GroupByLabel[];
  recipients: readonly string[];
}

/** One change a message tells about. */
export interface AlarmChange {
  kind: TransitionKind;
  at: number;
  severity: Severity;
}

export interface AlarmItem {
  alarm: Alarm;
  place: Place;
  /** Oldest first; empty in reminders and summaries (the alarm's state is the news). */
  changes: AlarmChange[];
  /** The call record and resiliency incident the alarm is about, or is a symptom of (absent: none looked up). */
  links?: AlarmLinks;
}

/** True when the latest change is a clear (or, without changes, when the alarm is cleared). */
export function isResolved(item: AlarmItem): boolean {
  const last = item.changes.at(-1);
  return last ? last.kind === 'cleared' : item.alarm.state === 'cleared';
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

export interface DigestInput {
  /** One item per alarm whose changes the brake held. */
  items: readonly AlarmItem[];
  /** Changes held (an alarm may have several). */
  changeCount: number;
  heldSince: number;
  brake: string;
  /** Where to see them all. */
  listUrl: string;
}

export interface MaintenanceSummaryInput {
  windowId: string;
  windowLabel: string;
  endedAt: number;
  items: readonly AlarmItem[];
}

/** What a notifier renders; pure. The email notifier's is render.ts. */
export interface MessageRenderer {
  alarms(profile: DispatchProfile, kind: 'alarms' | 'reminder', groupLabel: string, items: readonly AlarmItem[]): RenderedMessage;
  digest(profile: DispatchProfile, input: DigestInput): RenderedMessage;
  maintenanceSummary(profile: DispatchProfile, input: MaintenanceSummaryInput): RenderedMessage;
}
