import type { Alarm } from '../alarm.js';
import type { Stage } from '../decision.js';
import { reductionKey } from '../keys.js';

/**
 * A cleared-severity event clears the open alarm with the same key (the
 * clear key: collectors give a resolution the same code, entity and alarm key
 * as the problem it resolves, e.g. an Operational trap and its Failure). A
 * clear with nothing open is kept as an event and changes no alarm.
 */
export const clearStage: Stage = (decision, ctx) => {
  const { event } = decision;
  if (event.severity !== 'cleared') return decision;
  const key = reductionKey(event);
  const existing = ctx.alarms.findLatestByReductionKey(key);
  if (!existing || existing.state === 'cleared') return { ...decision, reductionKey: key };

  const at = event.receivedAt;
  const alarm: Alarm = { ...existing, severity: 'cleared', state: 'cleared', lastSeen: Math.max(existing.lastSeen, at), clearedAt: at };
  const cleared = { at, kind: 'cleared', fromState: existing.state, toState: 'cleared', severity: 'cleared', user: null, note: null } as const;
  return { ...decision, reductionKey: key, alarm, transitions: [...decision.transitions, cleared] };
};
