import type { Stage } from '../decision.js';

/**
 * Matches the event against the known-issue catalogue. A "raise" rule turns a
 * plain message into a problem with the rule's code, severity and category
 * (the original code is kept in the attributes); "annotate" and "benign" are
 * applied to the alarm by later stages.
 */
export const matchRulesStage: Stage = (decision, ctx) => {
  const matches = ctx.rules().match(decision.event, decision.node);
  if (matches.length === 0) return decision;
  const raising = matches.find((match) => match.effect === 'raise' && match.raise);
  let event = decision.event;
  if (raising?.raise && event.severity !== 'cleared') {
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
