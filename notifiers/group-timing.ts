/** Alertmanager's three timers, in ms. */
export interface GroupTiming {
  groupWaitMs: number;
  groupIntervalMs: number;
  repeatIntervalMs: number;
}

/** What the dispatcher keeps per (profile, group). */
export interface GroupClock {
  /** When the oldest transition still waiting in the group arrived; null when none waits. */
  firstPendingAt: number | null;
  /** When the group last produced a message (alarms or reminder); null if never. */
  lastFlushAt: number | null;
  /** Alarms the group told are firing and not yet told resolved. */
  firing: number;
}

/**
 * When the group should next produce a message, or null for "nothing to do".
 * - new transitions in a new (or long quiet) group: group wait after the first arrived;
 * - new transitions in a group that sent recently: group interval after its last message;
 * - nothing new but alarms still firing: repeat interval after its last message.
 */
export function nextFlushAt(group: GroupClock, timing: GroupTiming): number | null {
  if (group.firstPendingAt !== null) {
    if (group.lastFlushAt === null || group.lastFlushAt + timing.groupIntervalMs <= group.firstPendingAt) return group.firstPendingAt + timing.groupWaitMs;
    return group.lastFlushAt + timing.groupIntervalMs;
  }
  if (group.firing > 0 && group.lastFlushAt !== null) return group.lastFlushAt + timing.repeatIntervalMs;
  return null;
}
