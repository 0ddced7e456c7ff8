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

export function ssaDate(at: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return `${parts['day']}/${parts['month']}/${parts['year']} ${parts['hour']}:${parts['minute']}:${parts['second']}`;
}
