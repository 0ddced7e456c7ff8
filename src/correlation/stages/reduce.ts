import { isProblem, severityRank } from '../../events/severity.js';
import type { Alarm } from '../alarm.js';
import { withAnnotation } from '../annotate.js';
import type { Decision, PendingTransition, Stage } from '../decision.js';
import { reductionKey } from '../keys.js';

/**
 * A problem event (raisesAlarm, with a problem severity) either raises a new
 * alarm, updates the open alarm with the same reduction key (occurrences, last
 * seen, severity), or — after a clear — reopens that alarm or starts a new one
 * (policy.reoccurrence). Known-issue matches become annotations.
 */
export const reduceStage: Stage = (decision, ctx) => {
  const { event } = decision;
  if (!event.raisesAlarm || !isProblem(event.severity)) return decision;
  const key = reductionKey(event);
  const existing = ctx.alarms.findLatestByReductionKey(key);
  const at = event.receivedAt;
  const transitions = [...decision.transitions];
  let alarm: Alarm;

  if (!existing || (existing.state === 'cleared' && ctx.policy.reoccurrence === 'new')) {
    alarm = newAlarm(decision, key);
    transitions.push(transition(at, 'raised', null, event.severity));
  } else {
    const reopening = existing.state === 'cleared';
    alarm = {
      ...existing,
      severity: event.severity,
      highestSeverity: reopening || severityRank(event.severity) > severityRank(existing.highestSeverity) ? event.severity : existing.highestSeverity,
      state: reopening ? 'active' : existing.state,
      text: event.text,
      occurrences: existing.occurrences + occurrencesOf(event),
      lastSeen: Math.max(existing.lastSeen, at),
      clearedAt: null,
      acknowledgedBy: reopening ? null : existing.acknowledgedBy,
      acknowledgedAt: reopening ? null : existing.acknowledgedAt,
    };
    if (reopening) transitions.push(transition(at, 'reopened', 'cleared', event.severity));
    else if (existing.severity !== event.severity) transitions.push(transition(at, 'severity-changed', existing.state, event.severity, existing.state));
  }

  for (const match of decision.matches) {
    alarm = withAnnotation(alarm, {
      kind: 'known-issue',
      key: match.ruleId,
      title: match.title,
      text: match.workaround,
      at,
      ...(match.vendorId !== undefined && { vendorId: match.vendorId }),
      references: match.references,
      effect: match.effect,
    });
  }
  return { ...decision, reductionKey: key, alarm, transitions };
};

function newAlarm(decision: Decision, key: string): Alarm {
  const { event } = decision;
  return {
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
    occurrences: Math.max(1, occurrencesOf(event)),
    firstSeen: event.receivedAt,
    lastSeen: event.receivedAt,
    clearedAt: null,
    acknowledgedBy: null,
    acknowledgedAt: null,
    annotations: [],
  };
}

/**
 * How many occurrences one event reports: 1, unless the collector read a device's own counter and says how many
 * it went up by in `attributes.occurrences` (SSA: 4 → 22 is 18 occurrences, 001:1147, 001:1168).
 */
function occurrencesOf(event: Decision['event']): number {
  const reported = event.attributes['occurrences'];
  return typeof reported === 'number' && Number.isSafeInteger(reported) && reported >= 0 ? reported : 1;
}

function transition(
  at: number,
  kind: PendingTransition['kind'],
  fromState: PendingTransition['fromState'],
  severity: PendingTransition['severity'],
  toState: PendingTransition['toState'] = 'active',
): PendingTransition {
  return { at, kind, fromState, toState, severity, user: null, note: null };
}
