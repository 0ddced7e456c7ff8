import type { SsaEntryState } from './entry-state.js';
import type { SsaEntry } from './resolve-snapshot.js';

/** What happened to an SSA entry between two snapshots of the same node and list. */
export const SSA_CHANGES = ['new', 'new-cleared', 'increase', 'reactivated', 'cleared', 'scrolled-off'] as const;
export type SsaChange = (typeof SSA_CHANGES)[number];

export interface DiffItem {
  change: SsaChange;
  key: string;
  /** The entry as this snapshot shows it; for scrolled-off, as the previous one did. */
  entry: SsaEntryState & { line: number | null; source: string | null; licenceType: string | null };
  /** Occurrences this item stands for: the whole count when new, the increase otherwise, 0 for clears and scroll-offs. */
  occurrences: number;
  /** The count went down, or stayed equal with a new date: SSA started counting again (restart or Clear All). */
  counterReset: boolean;
}

/** Everything one key contributes: its items in order, and the state to remember once they are accepted. */
export interface KeyChange {
  key: string;
  items: DiffItem[];
  /** The new state of the key; null to forget it (scrolled off). */
  next: SsaEntryState | null;
  /** Whether `next` differs from what is stored. */
  changed: boolean;
}

/**
 * Compares a snapshot with the state of the previous one of the same node and
 * list. Pure. Occurrence counts give the increases (001:1147 → 1168 → 1187:
 * 4 → 22 → 47); red/black states give clears and reactivations when the
 * snapshot carries them; an entry missing from the new snapshot scrolled off
 * SSA's 50-entry list (003:1363), which is not a clear. The same snapshot
 * twice gives no items the second time.
 */
export function diffSnapshot(previous: readonly SsaEntryState[], entries: readonly SsaEntry[]): { keys: KeyChange[]; unchanged: number } {
  const before = new Map(previous.map((state) => [state.key, state]));
  const keys: KeyChange[] = [];
  let unchanged = 0;
  for (const entry of entries) {
    const change = diffEntry(before.get(entry.key) ?? null, entry);
    before.delete(entry.key);
    if (change.items.length === 0) unchanged++;
    keys.push(change);
  }
  for (const gone of before.values()) {
    const entry = { ...gone, line: null, source: null, licenceType: null };
    keys.push({ key: gone.key, items: [{ change: 'scrolled-off', key: gone.key, entry, occurrences: 0, counterReset: false }], next: null, changed: true });
  }
  return { keys, unchanged };
}

function diffEntry(previous: SsaEntryState | null, entry: SsaEntry): KeyChange {
  const { key } = entry;
  const shown = { key, text: entry.text, occurrences: entry.occurrences, state: entry.state, lastDateOfError: entry.lastDateOfError, lastDateText: entry.lastDateText };
  const item = (change: SsaChange, occurrences: number, counterReset = false): DiffItem => ({
    change,
    key,
    entry: { ...shown, line: entry.line, source: entry.source, licenceType: entry.licenceType },
    occurrences,
    counterReset,
  });
  if (!previous) {
    // First seen already cleared (black): it came and went unseen, so it is reported as a clear, not raised.
    const first = entry.state === 'cleared' ? item('new-cleared', entry.occurrences) : item('new', entry.occurrences);
    return { key, items: [first], next: shown, changed: true };
  }

  const reset = entry.occurrences < previous.occurrences || (entry.occurrences === previous.occurrences && !sameDate(entry, previous));
  const delta = reset ? entry.occurrences : entry.occurrences - previous.occurrences;
  const items: DiffItem[] = [];
  if (previous.state === 'cleared' && entry.state === 'active') items.push(item('reactivated', delta, reset));
  else if (delta > 0) items.push(item('increase', delta, reset));
  if (entry.state === 'cleared' && (previous.state !== 'cleared' || delta > 0)) items.push(item('cleared', 0));

  // Without a state in this snapshot, keep what we knew unless it occurred again (then we no longer know).
  const state = entry.state !== 'unknown' ? entry.state : delta > 0 ? 'unknown' : previous.state;
  const next = { ...shown, state };
  return { key, items, next, changed: !sameState(previous, next) };
}

function sameDate(a: Pick<SsaEntryState, 'lastDateOfError' | 'lastDateText'>, b: Pick<SsaEntryState, 'lastDateOfError' | 'lastDateText'>): boolean {
  if (a.lastDateOfError !== null && b.lastDateOfError !== null) return a.lastDateOfError === b.lastDateOfError;
  return a.lastDateText.trim() === b.lastDateText.trim();
}

function sameState(a: SsaEntryState, b: SsaEntryState): boolean {
  return a.text === b.text && a.occurrences === b.occurrences && a.state === b.state && a.lastDateOfError === b.lastDateOfError && a.lastDateText === b.lastDateText;
}
