import { trunkOf } from '../shared/alarm-line.js';
import type { Arrival } from './timing-smtp-sink.js';

export interface Matched {
  /** Arrival − send, ms, per alarm that arrived, in send order. */
  latencies: number[];
  /** Trunks sent whose email never arrived. */
  missing: number[];
  /** Emails for no trunk sent, or a second one for the same trunk. */
  unexpected: number;
}

/**
 * Pairs each alarm sent (trunk → send time) with the first email that names
 * its trunk. Emails are matched by content, not order: with one group per
 * node they may leave in any order.
 */
export function matchArrivals(sent: ReadonlyMap<number, number>, arrivals: readonly Arrival[]): Matched {
  const firstArrival = new Map<number, number>();
  let unexpected = 0;
  for (const arrival of arrivals) {
    const trunk = trunkOf(unfoldHeaders(arrival.raw));
    if (trunk === null || !sent.has(trunk) || firstArrival.has(trunk)) unexpected++;
    else firstArrival.set(trunk, arrival.at);
  }
  const latencies: number[] = [];
  const missing: number[] = [];
  for (const [trunk, at] of sent) {
    const arrived = firstArrival.get(trunk);
    if (arrived === undefined) missing.push(trunk);
    else latencies.push(arrived - at);
  }
  return { latencies, missing, unexpected };
}

/** RFC 5322 folding: a long Subject continues on the next line after CRLF and white space. */
export function unfoldHeaders(raw: string): string {
  return raw.replace(/\r?\n[ \t]+/g, ' ');
}
