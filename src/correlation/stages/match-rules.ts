import type { Stage } from '../decision.js';

/**
 * Matches the event against the known-issue catalogue. A "raise" rule turns a
 * plain message of warning or worse into a problem with the rule's code,
 * severity and category (the original code is kept in the attributes). It
 * leaves alone events that already raise (their collector's code is what
 * their clear carries) and info notices (e.g. an SSA entry scrolling off),
 * which must not re-raise anything. "annotate" and "benign" are applied to
 * the alarm by later stages.
 */
export const matchRulesStage: Stage = (decision, ctx) => {
  const matches = ctx.rules().match(decision.event, decision.node);
  if (matches.length === 0) return decision;
  const raising = matches.find((match) => match.effect === 'raise' && match.raise);
  let event = decision.event;
  if (raising?.raise && !event.raisesAlarm && event.severity !== 'cleared' && event.severity !== 'info') {
    event = {
      ...event,
      raisesAlarm: true,
      code: raising.raise.code,
      severity: raising.raise.severity,
      category: raising.raise.category,
      attributes: { ...event.attributes, derivedFrom: event.code, derivedBy: raising.ruleId },
    };
  }
  return { ...decision, event, matches };
};
