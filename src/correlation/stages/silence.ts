import type { Stage } from '../decision.js';
import { describeWindow, occurrenceAt } from '../recurring-window.js';
import { silenceActive, silenceMatches } from '../silence.js';

/**
 * Maintenance windows and silences hold notifications of matching alarms; the
 * alarms themselves are still recorded. One-off silences and windows come from
 * the API (stored); recurring windows from the configuration, each evaluated
 * in its own time zone or, without one, in the alarm's site's.
 */
export const silenceStage: Stage = (decision, ctx) => {
  const { alarm } = decision;
  if (!alarm || decision.transitions.length === 0) return decision;
  const at = decision.event.receivedAt;
  const row = alarm.nodeId ? ctx.fleet.node(alarm.nodeId) : undefined;
  const facts = {
    nodeId: alarm.nodeId,
    siteId: row?.site.id ?? null,
    customerId: row?.customer.id ?? null,
    category: alarm.category,
    code: alarm.code,
    text: alarm.text,
  };
  const silence = ctx.silences().find((candidate) => silenceActive(candidate, at) && silenceMatches(candidate.matchers, facts));
  if (silence) {
    const kind = silence.kind === 'maintenance' ? 'maintenance' : 'silenced';
    const reason = `${silence.kind === 'maintenance' ? 'maintenance window' : 'silence'} ${silence.id} by ${silence.createdBy} until ${new Date(silence.endsAt).toISOString()}: ${silence.comment}`;
    return { ...decision, holds: [...decision.holds, { kind, reason }] };
  }
  for (const window of ctx.maintenanceWindows?.() ?? []) {
    if (!silenceMatches(window.matchers, facts)) continue;
    const zone = window.timeZone ?? row?.site.timeZone ?? 'UTC';
    const occurrence = occurrenceAt(window, at, zone);
    if (!occurrence) continue;
    const reason = `recurring maintenance window ${window.id} (${describeWindow(window, zone)}) until ${new Date(occurrence.endsAt).toISOString()}${window.comment ? `: ${window.comment}` : ''}`;
    return { ...decision, holds: [...decision.holds, { kind: 'maintenance', reason }] };
  }
  return decision;
};
