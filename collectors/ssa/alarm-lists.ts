import { SSA_LISTS, type SsaList } from './snapshot.js';

/**
 * An alarm list as people and SSA write it: "Service Alarms" (the title SSA
 * prints above the table, 001:1143), "Service", "services" (COM's spelling,
 * 003:1426), "Trunks". Null when it is none of SSA_LISTS.
 */
export function normaliseListName(name: string): SsaList | null {
  const words = name.trim().toLowerCase().replace(/[\s_-]+/g, ' ').replace(/\s*\balarms?$/, '').trim();
  const singular = words.endsWith('s') && !(SSA_LISTS as readonly string[]).includes(words) ? words.slice(0, -1) : words;
  return (SSA_LISTS as readonly string[]).includes(singular) ? (singular as SsaList) : null;
}

/** A line that is only a list title, such as "Service Alarms" followed by SSA's trailing tabs. */
export function isListTitle(cells: readonly string[]): boolean {
  const filled = cells.filter((cell) => cell.trim() !== '');
  return filled.length === 1 && /\balarms\s*$/i.test(filled[0] ?? '');
}
