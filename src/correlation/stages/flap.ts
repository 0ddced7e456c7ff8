import { withAnnotation, withoutAnnotations } from '../annotate.js';
import type { Stage } from '../decision.js';

const MINUTE_MS = 60_000;

/**
 * An alarm that reopens reopenCount times within the window is flapping: it
 * is annotated and its notifications are held until it has been quiet for a
 * whole window (one email per flap would be a storm).
 */
export const flapStage: Stage = (decision, ctx) => {
  let { alarm } = decision;
  if (!alarm) return decision;
  const at = decision.event.receivedAt;
  const windowMs = ctx.policy.flapping.windowMinutes * MINUTE_MS;
  const reopenedNow = decision.transitions.some((t) => t.kind === 'reopened');

  if (reopenedNow && alarm.id !== 0) {
    const reopens = ctx.alarms.countTransitionsSince(alarm.id, 'reopened', at - windowMs) + 1;
    if (reopens >= ctx.policy.flapping.reopenCount) {
      alarm = withAnnotation(alarm, {
        kind: 'flapping',
        key: 'flapping',
        title: 'Flapping',
        text: `reopened ${reopens} times in ${ctx.policy.flapping.windowMinutes} min; notifications held until it is quiet for ${ctx.policy.flapping.windowMinutes} min`,
        at,
      });
    }
  }
  const flapping = alarm.annotations.find((a) => a.kind === 'flapping');
  if (!flapping) return { ...decision, alarm };
  if (at - flapping.at >= windowMs && !reopenedNow) return { ...decision, alarm: withoutAnnotations(alarm, 'flapping') };
  return { ...decision, alarm, holds: [...decision.holds, { kind: 'flapping', reason: `flapping: ${flapping.text}` }] };
};
