import { localTime } from '../../src/time/zoned-time.js';

/** One row of an SSA alarm list, as SSA shows it (red while active, black once cleared). */
export interface SsaEntry {
  text: string;
  occurrences: number;
  lastAt: Date;
  active: boolean;
}

export type SsaList = 'Configuration' | 'Service' | 'Trunk' | 'Link' | 'Security';

/**
 * An SSA alarm list as support staff copy it (tab-separated, 001:1143-1153) with the State column that copying
 * loses, dates as DD/MM/YYYY HH:MM:SS in the node's site time zone (collectors/ssa/README.md). Pure.
 */
export function ssaSnapshotTsv(nodeId: string, list: SsaList, entries: readonly SsaEntry[], timeZone: string): string {
  const lines = [`# node: ${nodeId}`, `${list} Alarms`, 'Last Date Of Error\tOccurrences\tError Description\tState'];
  for (const entry of entries) lines.push(`${ssaDate(entry.lastAt, timeZone)}\t${entry.occurrences}\t${entry.text}\t${entry.active ? 'active' : 'cleared'}`);
  return `${lines.join('\n')}\n`;
}

/** DD/MM/YYYY HH:MM:SS in the zone, as SSA prints it (the project's zoned clock, whose formatter is cached per zone). */
export function ssaDate(at: Date, timeZone: string): string {
  const t = localTime(at.getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(t.day)}/${pad(t.month)}/${t.year} ${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}`;
}
