import type { LicenceMode } from '../../rules/licence-schema.js';
import type { Attributes, FleetEvent } from '../events/fleet-event.js';
import type { ProblemSeverity } from '../events/severity.js';
import type { NodeConfig } from '../fleet/node-schema.js';
import { daysInGrace, daysRemaining } from './escalation.js';
import type { LicenceState, LicenceTransition } from './state.js';

/** The codes of the events the licence engine emits; the engine ignores them when they come back from the store. */
export const LICENCE_CODES = {
  mode: 'licence.mode',
  grace: 'licence.grace',
  subscriptionDaily: 'licence.subscription-daily',
  featuresLost: 'licence.features-lost',
  configInconsistent: 'licence.config-inconsistent',
} as const;

export const LICENCE_COLLECTOR = 'licence';

/** The node an event is about, as the events need it. */
export type EventNode = Pick<NodeConfig, 'id' | 'name' | 'addresses'>;

/** What a grace alarm says about a suspect mode: the known issue, by the catalogue's own title. */
export interface SuspectNote {
  ruleId: string;
  vendorId: string | null;
  title: string;
  workaround: string;
}

function internalEvent(node: EventNode, at: number, fields: Pick<FleetEvent, 'severity' | 'raisesAlarm' | 'code' | 'text' | 'attributes'> & { alarmKey?: string }): FleetEvent {
  return {
    receivedAt: at,
    source: 'internal',
    collector: LICENCE_COLLECTOR,
    sourceAddress: node.addresses[0] ?? '',
    nodeId: node.id,
    entity: null,
    category: 'License',
    ...fields,
    raw: { encoding: 'utf8', data: fields.text },
  };
}

function isoMinute(at: number): string {
  return `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Info event for every change of mode, so the event log and InfluxDB show the history. */
export function modeChangedEvent(node: EventNode, transition: LicenceTransition, from: LicenceMode | undefined, to: LicenceMode, state: LicenceState): FleetEvent {
  const until = state.graceExpiresAt !== null ? ` until ${isoMinute(state.graceExpiresAt)}` : '';
  const who = transition.user !== null ? ` (asserted by ${transition.user})` : '';
  return internalEvent(node, transition.at, {
    severity: 'info',
    raisesAlarm: false,
    code: LICENCE_CODES.mode,
    text: `Licence mode of ${node.name}: ${from?.name ?? 'none'} -> ${to.name}${until}${who}; cause ${transition.cause}`,
    attributes: { track: transition.track, fromMode: transition.fromMode, toMode: transition.toMode, cause: transition.cause, licenceTransitionId: transition.id, user: transition.user },
  });
}

/** The grace countdown: raised on entry, re-announced each day with the days left, escalating by the policy. */
export function graceEvent(node: EventNode, state: LicenceState, mode: LicenceMode, expiresTo: LicenceMode | undefined, severity: ProblemSeverity, now: number, suspect: SuspectNote | null): FleetEvent {
  const remaining = state.graceExpiresAt !== null ? daysRemaining(state.graceExpiresAt, now) : null;
  const countdown =
    remaining !== null && state.graceExpiresAt !== null
      ? `${remaining} ${remaining === 1 ? 'day' : 'days'} remaining (until ${isoMinute(state.graceExpiresAt)})`
      : `day ${daysInGrace(state.graceStartedAt ?? now, now) + 1} of a grace period of undocumented length`;
  const then = expiresTo ? `; then ${expiresTo.name}: ${expiresTo.featuresLost.join(', ')} stop` : '';
  const doubt = suspect ? `. Suspect: ${suspect.vendorId ?? suspect.ruleId} (${suspect.title}) while no licence is short` : '';
  return internalEvent(node, now, {
    severity,
    raisesAlarm: true,
    code: LICENCE_CODES.grace,
    alarmKey: state.episode ?? state.track,
    text: `${mode.name}: licence grace period, ${countdown}${then}${doubt}`,
    attributes: graceAttributes(state, mode, remaining, suspect),
  });
}

function graceAttributes(state: LicenceState, mode: LicenceMode, remaining: number | null, suspect: SuspectNote | null): Attributes {
  return {
    track: state.track,
    mode: mode.id,
    daysRemaining: remaining,
    graceStartedAt: state.graceStartedAt,
    graceExpiresAt: state.graceExpiresAt,
    suspect: suspect !== null,
    ...(suspect && { knownIssue: suspect.ruleId }),
  };
}

/** The subscription's daily alarm (000:68): one alarm per grace, one occurrence per day. */
export function dailyAlarmEvent(node: EventNode, state: LicenceState, mode: LicenceMode, now: number): FleetEvent {
  const day = daysInGrace(state.graceStartedAt ?? now, now) + 1;
  return internalEvent(node, now, {
    severity: 'warning',
    raisesAlarm: true,
    code: LICENCE_CODES.subscriptionDaily,
    alarmKey: state.episode ?? state.track,
    text: `${mode.name}, day ${day}: the License Server Link is still down (daily alarm)`,
    attributes: { track: state.track, mode: mode.id, day, dailyAlarms: state.dailyAlarms },
  });
}

/** The distinct critical alarm of a mode that loses features; names the short licence types it rests on. */
export function featuresLostEvent(node: EventNode, state: LicenceState, mode: LicenceMode, now: number): FleetEvent {
  const types = shortageTypes(state);
  const allOrNothing =
    mode.id === 'license-configuration-error'
      ? ` WebLM grants licences all or nothing, and the configuration needs more than it holds: ${types.length > 0 ? `short of ${types.join(', ')}` : 'see the SSA licence alarms for the types'}; no licence was acquired.`
      : types.length > 0
        ? ` Licence alarms active for ${types.join(', ')}.`
        : '';
  return internalEvent(node, now, {
    severity: 'critical',
    raisesAlarm: true,
    code: LICENCE_CODES.featuresLost,
    alarmKey: state.track,
    text: `${mode.name} on ${node.name}: ${mode.featuresLost.join(', ')} lost.${allOrNothing}`,
    attributes: { track: state.track, mode: mode.id, licenceTypes: types.join(', ') || null, since: state.since },
  });
}

/** Clears one of the engine's alarms (same code and alarm key as the problem). */
export function clearEvent(node: EventNode, code: string, alarmKey: string, now: number, text: string, track: string): FleetEvent {
  return internalEvent(node, now, { severity: 'cleared', raisesAlarm: true, code, alarmKey, text, attributes: { track } });
}

/** Licence types of the active shortages, each once, in the order they appeared. */
export function shortageTypes(state: Pick<LicenceState, 'shortages'>): string[] {
  return [...new Set(state.shortages.map((shortage) => shortage.licenceType))];
}

/** A licence configuration that cannot work as configured (config-checks.ts): a warning per node and check. */
export function configFindingEvent(node: EventNode, finding: { check: string; message: string; references: string[] }, now: number): FleetEvent {
  return internalEvent(node, now, {
    severity: 'warning',
    raisesAlarm: true,
    code: LICENCE_CODES.configInconsistent,
    alarmKey: finding.check,
    text: finding.message,
    attributes: { check: finding.check, references: finding.references.join(', ') },
  });
}
