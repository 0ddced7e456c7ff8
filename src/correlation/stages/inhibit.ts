import { withAnnotation } from '../annotate.js';
import type { Stage } from '../decision.js';
import { alarmMatches } from '../policy.js';

/**
 * A root cause mutes its symptoms (Alertmanager's inhibition): while an open
 * alarm matching a rule's source exists on the same node (and entity, if the
 * rule says so), alarms matching its target are recorded and annotated, but
 * their notifications are held. Only checked when the alarm changes state.
 */
export const inhibitStage: Stage = (decision, ctx) => {
  let { alarm } = decision;
  if (!alarm || alarm.nodeId === null || decision.transitions.length === 0) return decision;
  if (ctx.resiliency?.isRootCause(alarm)) return decision;
  const target = alarm;
  const holds = [...decision.holds];
  const incident = ctx.resiliency?.holdOf(target);
  if (incident) {
    alarm = withAnnotation(alarm, { kind: 'resiliency', key: incident.incidentId, title: `Symptom of resiliency incident ${incident.incidentId}`, text: incident.reason, at: decision.event.receivedAt });
    holds.push({ kind: 'inhibited', reason: incident.reason });
    return { ...decision, alarm, holds };
  }

  for (const rule of ctx.inhibitRules) {
    if (!alarmMatches(rule.target, target) || alarmMatches(rule.source, target)) continue;
    const source = ctx.alarms.findOpenAlarm({ nodeId: target.nodeId!, codePrefix: rule.source.codePrefix, category: rule.source.category, excludeId: target.id });
    if (!source) continue;
    if (rule.equal.includes('entity') && JSON.stringify(source.entity) !== JSON.stringify(target.entity)) continue;
    alarm = withAnnotation(alarm, {
      kind: 'inhibited',
      key: String(source.id),
      title: `Inhibited by alarm ${source.id}`,
      text: `${source.text} (rule ${rule.id})`,
      at: decision.event.receivedAt,
    });
    holds.push({ kind: 'inhibited', reason: `inhibited by open alarm ${source.id} "${source.text}" (rule ${rule.id})` });
    break;
  }
  return { ...decision, alarm, holds };
};
