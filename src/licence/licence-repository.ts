import type { LicenceState, LicenceTransition } from './state.js';

export interface LicenceTransitionQuery {
  nodeId: string;
  track?: string;
  limit: number;
}

/** What the licence engine keeps in the store: each node's state per track, and every change of mode with its evidence. */
export interface LicenceRepository {
  /** Every stored state, in no order. */
  listLicenceStates(): LicenceState[];
  /** Inserts or replaces the state of (nodeId, track). */
  saveLicenceState(state: LicenceState): void;
  insertLicenceTransition(transition: Omit<LicenceTransition, 'id'>): LicenceTransition;
  /** Newest first. */
  listLicenceTransitions(query: LicenceTransitionQuery): LicenceTransition[];
}
