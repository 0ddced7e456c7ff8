import type { FleetEvent } from '../../src/events/fleet-event.js';
import { SSA_CHANGES, type SsaChange } from './diff.js';
import { LICENCE_SIGNALS, type LicenceSignal } from './ssa-texts.js';

/**
 * What an SSA licence alarm tells the licence engine (issue 8): which signal,
 * for which licence type, on which node, and whether it was raised, counted
 * again, cleared or merely scrolled off. The engine subscribes to stored
 * events (Pipeline.addListener) and reads them with licenceObservationOf.
 */
export interface SsaLicenceObservation {
  nodeId: string;
  signal: LicenceSignal;
  licenceType: string | null;
  change: SsaChange;
  /** Red (active) or black (cleared) in SSA after this change; unknown when the snapshot had no colours. */
  state: 'active' | 'cleared' | 'unknown';
  /** Occurrences this event stands for (the increase). */
  occurrences: number;
  /** SSA's "Last Date Of Error", epoch ms, when it could be read. */
  lastDateOfError: number | null;
  text: string;
  receivedAt: number;
}

/** The observation an SSA licence event carries; null for any other event. */
export function licenceObservationOf(event: FleetEvent): SsaLicenceObservation | null {
  if (event.source !== 'ssa' || event.nodeId === null) return null;
  const a = event.attributes;
  const signal = a['licenceSignal'];
  const change = a['ssaChange'];
  if (!isOneOf(signal, LICENCE_SIGNALS) || !isOneOf(change, SSA_CHANGES)) return null;
  const state = a['ssaState'];
  const lastDate = typeof a['lastDateOfError'] === 'string' ? Date.parse(a['lastDateOfError']) : Number.NaN;
  return {
    nodeId: event.nodeId,
    signal,
    licenceType: typeof a['licenceType'] === 'string' ? a['licenceType'] : null,
    change,
    state: state === 'active' || state === 'cleared' ? state : 'unknown',
    occurrences: typeof a['occurrences'] === 'number' ? a['occurrences'] : 0,
    lastDateOfError: Number.isNaN(lastDate) ? null : lastDate,
    text: event.text,
    receivedAt: event.receivedAt,
  };
}

function isOneOf<T extends string>(value: unknown, values: readonly T[]): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}
