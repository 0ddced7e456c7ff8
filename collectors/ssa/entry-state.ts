import type { SsaState } from './snapshot.js';

/** What we remember of one SSA entry between snapshots (per node and list, stored in SQLite). */
export interface SsaEntryState {
  key: string;
  text: string;
  occurrences: number;
  state: SsaState;
  lastDateOfError: number | null;
  lastDateText: string;
}
