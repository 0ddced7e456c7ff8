import type { Stage } from '../decision.js';
import { silenceActive, silenceMatches } from '../silence.js';

/** Maintenance windows and silences hold notifications of matching alarms; the alarms themselves are still recorded. */
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
  if (!silence) return decision;
  const kind = silence.kind === 'maintenance' ? 'maintenance' : 'silenced';
  const reason = `${silence.kind === 'maintenance' ? 'maintenance window' : 'silence'} ${silence.id} by ${silence.createdBy} until ${new Date(silence.endsAt).toISOString()}: ${silence.comment}`;
  return { ...decision, holds: [...decision.holds, { kind, reason }] };
};
