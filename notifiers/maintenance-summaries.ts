import type { Alarm } from '../src/correlation/alarm.js';
import { describeWindow, occurrencesEndingBetween, type RecurringWindow } from '../src/correlation/recurring-window.js';
import { silenceMatches, type SilenceMatchers } from '../src/correlation/silence.js';
import { queueMessage, type DispatchContext } from './dispatch-context.js';
import type { DispatchProfile } from './message-renderer.js';
import { placeOf } from './place.js';
import { profileTakes } from './route.js';

/** Open alarms listed per summary at most. */
const MAX_ALARMS = 1000;

export interface EndedWindow {
  id: string;
  label: string;
  endsAt: number;
  matchers: SilenceMatchers;
  /** For a recurring window in each site's local time: only the sites in this zone ended now. */
  zone: string | null;
}

/** Recurring windows and one-off maintenance silences that ended in (from, to]. */
export function endedWindows(ctx: DispatchContext, windows: readonly RecurringWindow[], from: number, to: number): EndedWindow[] {
  const ended: EndedWindow[] = [];
  const siteZones = [...new Set(ctx.fleet.nodes().map((row) => row.site.timeZone))];
  for (const window of windows) {
    const zones = window.timeZone ? [window.timeZone] : siteZones;
    for (const zone of zones) {
      for (const occurrence of occurrencesEndingBetween(window, from, to, zone)) {
        ended.push({ id: window.id, label: describeWindow(window, zone), endsAt: occurrence.endsAt, matchers: window.matchers, zone: window.timeZone ? null : zone });
      }
    }
  }
  for (const silence of ctx.store.listSilences({ endedAfter: from })) {
    if (silence.kind !== 'maintenance' || silence.endsAt <= from || silence.endsAt > to) continue;
    ended.push({ id: `maintenance-${silence.id}`, label: `one-off, by ${silence.createdBy}: ${silence.comment}`, endsAt: silence.endsAt, matchers: silence.matchers, zone: null });
  }
  return ended.sort((a, b) => a.endsAt - b.endsAt);
}

function openAlarmsMatching(ctx: DispatchContext, window: EndedWindow): Alarm[] {
  const { customerId, siteId, nodeId } = window.matchers;
  let nodeIds: string[] | undefined;
  const narrow = (ids: string[]) => (nodeIds = nodeIds === undefined ? ids : nodeIds.filter((id) => ids.includes(id)));
  if (customerId !== undefined) narrow(ctx.fleet.nodeIdsOfCustomer(customerId));
  if (siteId !== undefined) narrow(ctx.fleet.nodeIdsOfSite(siteId));
  if (nodeId !== undefined) narrow([nodeId]);
  const candidates = ctx.store.listAlarms({ open: true, ...(nodeIds !== undefined && { nodeIds }), limit: MAX_ALARMS });
  return candidates.filter((alarm) => {
    const place = placeOf(alarm, ctx.fleet);
    if (window.zone !== null && place.timeZone !== window.zone) return false;
    return silenceMatches(window.matchers, { nodeId: alarm.nodeId, siteId: place.siteId, customerId: place.customerId, category: alarm.category, code: alarm.code, text: alarm.text });
  });
}

/**
 * When a maintenance window ends and matching alarms are still open (their
 * notifications were held while it lasted), each profile that takes any of
 * them gets one summary (Alertmanager #3367). Keyed by window, end and
 * profile, so a restart does not send it twice.
 */
export function queueMaintenanceSummaries(ctx: DispatchContext, profiles: readonly DispatchProfile[], ended: readonly EndedWindow[], now: number): number {
  let queued = 0;
  for (const window of ended) {
    const alarms = openAlarmsMatching(ctx, window);
    if (alarms.length === 0) continue;
    for (const profile of profiles) {
      const items = alarms.map((alarm) => ({ alarm, place: placeOf(alarm, ctx.fleet), changes: [] })).filter((item) => profileTakes(profile, item.alarm, item.place));
      if (items.length === 0) continue;
      const key = `maintenance-end:${window.id}:${window.endsAt}:${window.zone ?? '-'}:${profile.id}`;
      if (ctx.store.listMessages({ notifier: ctx.notifier, profile: profile.id, groupKey: `maintenance=${window.id}`, since: window.endsAt, limit: 100 }).some((m) => m.key === key)) continue;
      const rendered = ctx.render.maintenanceSummary(profile, { windowId: window.id, windowLabel: window.label, endedAt: window.endsAt, items });
      ctx.store.transaction(() => queueMessage(ctx, profile, { key, kind: 'maintenance-summary', groupKey: `maintenance=${window.id}`, rendered, now }, []));
      queued++;
    }
  }
  return queued;
}
