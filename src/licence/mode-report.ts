import type { FleetEvent } from '../events/fleet-event.js';

/** A device or poller saying which mode the node is in (e.g. SSA's licence page), and how many grace days are left. */
export interface ModeReport {
  mode: string;
  graceDaysRemaining: number | undefined;
}

/**
 * Any collector may report the mode directly: attributes `licenceMode` (a mode name as IP Office shows it, or a
 * catalogue id) and optionally `graceDaysRemaining` (whole days). Info events count: a report is not an alarm.
 */
export function modeReportOf(event: FleetEvent): ModeReport | null {
  const mode = event.attributes['licenceMode'];
  if (typeof mode !== 'string' || mode.trim() === '') return null;
  const days = event.attributes['graceDaysRemaining'];
  const graceDaysRemaining = typeof days === 'number' && Number.isInteger(days) && days >= 0 && days <= 365 ? days : undefined;
  return { mode, graceDaysRemaining };
}
