import { isProblem, severityRank } from '../../events/severity.js';
import type { Alarm } from '../alarm.js';
import { reductionKey } from '../keys.js';
import type { Stage } from '../decision.js';

/**
 * A problem event (raisesAlarm, with a problem severity) either raises a new alarm, updates the open alarm with the
 * same reduction key (occurrences, last seen, severity), or reopens that
 * alarm if it had been cleared.
 */
export const reduceStage: Stage = (decision, ctx) => {
  const { event } = decision;
  if (!event.raisesAlarm || !isProblem(event.severity)) return decision;
  const key = reductionKey(event);
  const existing = ctx.alarms.findLatestByReductionKey(key);
  const at = event.receivedAt;

  if (!existing) {
    const alarm: Alarm = {
      id: 0,
      reductionKey: key,
      source: event.source,
      code: event.code,
      nodeId: event.nodeId,
      sourceAddress: event.sourceAddress,
      entity: event.entity,
      category: event.category,
      severity: event.severity,
      highestSeverity: event.severity,
      state: 'active',
      text: event.text,
      occurrences: 1,
      firstSeen: at,
      lastSeen: at,
      clearedAt: null,
    };
    const raised = { at, kind: 'raised', fromState: null, toState: 'active', severity: event.severity, user: null, note: null } as const;
    return { ...decision, reductionKey: key, alarm, transitions: [...decision.transitions, raised] };
  }

  const reopening = existing.state === 'cleared';
  const highestSeverity =
    reopening || severityRank(event.severity) > severityRank(existing.highestSeverity) ? event.severity : existing.highestSeverity;
  const alarm: Alarm = {
    ...existing,
    severity: event.severity,
    highestSeverity,
    state: reopening ? 'active' : existing.state,
    text: event.text,
    occurrences: existing.occurrences + 1,
    lastSeen: Math.max(existing.lastSeen, at),
    clearedAt: null,
  };
  const transitions = [...decision.transitions];
  if (reopening) {
    transitions.push({ at, kind: 'reopened', fromState: 'cleared', toState: 'active', severity: event.severity, user: null, note: null });
  } else if (existing.severity !== event.severity) {
    transitions.push({ at, kind: 'severity-changed', fromState: existing.state, toState: existing.state, severity: event.severity, user: null, note: null });
  }
  return { ...decision, reductionKey: key, alarm, transitions };
};
