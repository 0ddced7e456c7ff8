import type { PendingNotification, Stage } from '../decision.js';
import { NOTIFIED_TRANSITIONS } from '../notification.js';

/**
 * Decides, for each transition worth announcing, whether it goes to the
 * notifiers (pending) or is held, and why. A benign known issue holds; so do
 * the holds earlier stages found (flapping, inhibited, silenced, maintenance).
 */
export const notifyStage: Stage = (decision) => {
  if (!decision.alarm || decision.transitions.length === 0) return decision;
  const benign = decision.matches.find((match) => match.effect === 'benign');
  const holds = benign
    ? [{ kind: 'benign' as const, reason: `benign known issue ${benign.vendorId ?? benign.ruleId}: ${benign.title}` }, ...decision.holds]
    : decision.holds;
  const notifications: PendingNotification[] = [];
  decision.transitions.forEach((transition, transitionIndex) => {
    if (!NOTIFIED_TRANSITIONS.includes(transition.kind)) return;
    const hold = holds[0];
    notifications.push(
      hold
        ? { transitionIndex, kind: transition.kind, status: 'held', reason: hold.reason }
        : { transitionIndex, kind: transition.kind, status: 'pending', reason: 'ready for the notifiers' },
    );
  });
  return { ...decision, holds, notifications };
};
