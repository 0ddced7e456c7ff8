import type { LicenceTransitionQuery } from '../licence/licence-repository.js';
import type { LicenceState, LicenceTransition } from '../licence/state.js';
import { stateFromRow, stateToRow } from './sqlite-licence.js';

/** MemoryStore's licence tables: the twin of SqliteLicence. Lives in the store's state, so rollbacks cover it. */
export interface LicenceTables {
  states: Map<string, LicenceState>;
  transitions: LicenceTransition[];
}

export function emptyLicenceTables(): LicenceTables {
  return { states: new Map(), transitions: [] };
}

export function saveLicenceState(tables: LicenceTables, state: LicenceState): void {
  // Through the row mapping, so what comes back is shaped exactly as from SQLite.
  tables.states.set(`${state.nodeId}\u0000${state.track}`, stateFromRow(stateToRow(state)));
}

export function listLicenceStates(tables: LicenceTables): LicenceState[] {
  return [...tables.states.values()].map((state) => structuredClone(state));
}

export function insertLicenceTransition(tables: LicenceTables, transition: Omit<LicenceTransition, 'id'>): LicenceTransition {
  const stored = { ...structuredClone(transition), id: tables.transitions.length + 1 };
  tables.transitions.push(stored);
  return structuredClone(stored);
}

export function listLicenceTransitions(tables: LicenceTables, query: LicenceTransitionQuery): LicenceTransition[] {
  return tables.transitions
    .filter((t) => t.nodeId === query.nodeId && (query.track === undefined || t.track === query.track))
    .reverse()
    .slice(0, query.limit)
    .map((t) => structuredClone(t));
}
