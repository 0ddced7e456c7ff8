import type { SsaEntryState } from '../../collectors/ssa/entry-state.js';
import type { SsaEntryChanges } from './store.js';

/** MemoryStore's SSA entries by node, list and key: the twin of SqliteSsaEntries. */
export type SsaEntryMap = Map<string, SsaEntryState>;

const keyOf = (nodeId: string, list: string, key: string) => `${nodeId}\u0000${list}\u0000${key}`;

export function listSsaEntries(map: SsaEntryMap, nodeId: string, list: string): SsaEntryState[] {
  const prefix = keyOf(nodeId, list, '');
  return [...map].filter(([k]) => k.startsWith(prefix)).map(([, entry]) => ({ ...entry }));
}

export function saveSsaEntries(map: SsaEntryMap, nodeId: string, list: string, changes: SsaEntryChanges): void {
  for (const entry of changes.upsert) map.set(keyOf(nodeId, list, entry.key), { ...entry });
  for (const key of changes.remove) map.delete(keyOf(nodeId, list, key));
}
