import type { StoredEvent } from '../events/fleet-event.js';
import type { FiredSignal } from './catalogue.js';
import type { LicenceState } from './state.js';

/**
 * The node's active licence shortages after a shortage signal: raised adds the (signal, licence type) pair once,
 * cleared removes it. Two alarms may name one type ("insufficient" and "no license installed" for CTI Link Pro);
 * the type stays short until both clear. Returns the same state when nothing changed. Pure.
 */
export function withShortage(state: LicenceState, fired: FiredSignal, event: StoredEvent): { state: LicenceState; added: boolean; changed: boolean } {
  if (!fired.signal.shortage || fired.licenceType === null) return { state, added: false, changed: false };
  const type = fired.licenceType;
  const same = (shortage: LicenceState['shortages'][number]) => shortage.signal === fired.signal.id && shortage.licenceType.toLowerCase() === type.toLowerCase();
  const present = state.shortages.some(same);
  if (fired.cleared) {
    if (!present) return { state, added: false, changed: false };
    return { state: { ...state, shortages: state.shortages.filter((shortage) => !same(shortage)) }, added: false, changed: true };
  }
  if (present) return { state, added: false, changed: false };
  const shortage = { signal: fired.signal.id, licenceType: type, since: event.receivedAt, eventId: event.id };
  return { state: { ...state, shortages: [...state.shortages, shortage] }, added: true, changed: true };
}

/** The stored events the active shortages rest on: evidence for entering an unlicensed mode. */
export function shortageEventIds(state: Pick<LicenceState, 'shortages'>): number[] {
  return state.shortages.map((shortage) => shortage.eventId).filter((id): id is number => id !== null);
}
