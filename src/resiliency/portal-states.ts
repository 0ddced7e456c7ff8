/**
 * one-X Portal Administration › Health › Resiliency, read from a line of text (001:1864-1931): rows of
 * "Resiliency Component  FQDN / IP Address  Status", e.g. "Primary one-X Portal brad-se-r10-pri.avayatrial.com Stopped",
 * "Primary IP Office Connection 10.129.116.116 Failed Passive", "Secondary DB State - Started Active". Pure.
 */
export interface PortalStates {
  primaryPortal?: string;
  secondaryPortal?: string;
  primaryIpOffice?: string;
  secondaryIpOffice?: string;
  primaryDb?: string;
  secondaryDb?: string;
}

const STATUS = '((?:Connected|Failed|Disconnected|Started|Stopped)(?:[ \\t]+(?:Active|Passive))?)';
/** Each row's component name on the Health › Resiliency page, as read and as described. */
const LABELS: Record<keyof PortalStates, string> = {
  primaryPortal: 'Primary one-X Portal',
  secondaryPortal: 'Secondary one-X Portal',
  primaryIpOffice: 'Primary IP Office Connection',
  secondaryIpOffice: 'Secondary IP Office Connection',
  primaryDb: 'Primary DB State',
  secondaryDb: 'Secondary DB State',
};
const ROWS = (Object.keys(LABELS) as Array<keyof PortalStates>).map((key) => [key, new RegExp(`\\b${LABELS[key]}\\s+\\S+\\s+${STATUS}`, 'i')] as const);

/** The rows a text carries; null when it names no one-X Portal resiliency row. */
export function readPortalStates(text: string): PortalStates | null {
  if (!/one-X Portal|IP Office Connection|DB State/i.test(text)) return null;
  const subject = text.slice(0, 4096);
  const states: PortalStates = {};
  for (const [key, pattern] of ROWS) {
    const match = pattern.exec(subject);
    if (match) states[key] = match[1]!.replace(/\s+/g, ' ');
  }
  return Object.keys(states).length > 0 ? states : null;
}

/**
 * Failover: the Primary portal stopped, or the Secondary's database became the active one (001:1293-1298).
 * Failback: the Primary portal started with its database active again. Null: the rows say neither.
 */
export function portalPhase(states: PortalStates): 'failover' | 'failback' | null {
  if (/^stopped/i.test(states.primaryPortal ?? '') || /active$/i.test(states.secondaryDb ?? '')) return 'failover';
  if (/^started/i.test(states.primaryPortal ?? '') && (states.primaryDb === undefined || /active$/i.test(states.primaryDb))) return 'failback';
  return null;
}

/** "Primary one-X Portal Stopped, Secondary DB State Started Active" — the rows that were read, for the timeline. */
export function describePortalStates(states: PortalStates): string {
  return ROWS.filter(([key]) => states[key] !== undefined)
    .map(([key]) => `${LABELS[key]} ${states[key]}`)
    .join(', ');
}
