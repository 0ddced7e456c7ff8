import type { LicenceMode } from '../../rules/licence-schema.js';
import type { FleetEvent } from '../events/fleet-event.js';
import type { LicenceSource } from '../fleet/node-schema.js';
import type { CompiledLicenceCatalogue } from './catalogue.js';
import type { EscalationPolicy } from './config.js';
import { DAY_MS, daysInGrace, graceSeverity, reminderKey } from './escalation.js';
import {
  clearEvent,
  dailyAlarmEvent,
  featuresLostEvent,
  graceEvent,
  LICENCE_CODES,
  modeChangedEvent,
  type EventNode,
  type SuspectNote,
} from './licence-events.js';
import { freshState, type LicenceState, type LicenceTransition } from './state.js';

/** What the pure steps need besides the state: the catalogue, the policy, the node, the time. */
export interface MachineContext {
  catalogue: CompiledLicenceCatalogue;
  escalation: EscalationPolicy;
  node: EventNode;
  now: number;
  suspectNote: (ruleId: string) => SuspectNote | null;
}

/** A change of mode to make. */
export interface Entry {
  to: LicenceMode;
  /** When it happened: the event's receive time, the grace's expiry, the assertion's time. */
  at: number;
  cause: string;
  eventIds: number[];
  user?: string | null;
  note?: string | null;
  /** Known-issue rule that makes this entry suspect while no licence is short. */
  suspect?: string | undefined;
  licenceSource?: LicenceSource;
  configuredSource?: LicenceSource;
  /** Days left as the device (or a person) says, instead of the full grace. */
  graceDaysRemaining?: number | undefined;
}

export interface EntryPlan {
  next: LicenceState;
  transition: Omit<LicenceTransition, 'id'>;
  /** The events that announce the change, once the transition has its id. */
  announce(transition: LicenceTransition): FleetEvent[];
}

/**
 * Leaves the current mode and enters `entry.to`: the previous mode's alarms are cleared, a grace starts afresh (a
 * new episode, so a new alarm), a mode that loses features raises its critical alarm. Pure.
 */
export function enterMode(ctx: MachineContext, state: LicenceState, entry: Entry): EntryPlan {
  const from = ctx.catalogue.mode(state.mode);
  const to = entry.to;
  const base = {
    nodeId: state.nodeId,
    track: state.track,
    licenceSource: entry.licenceSource ?? state.licenceSource,
    configuredSource: entry.configuredSource ?? state.configuredSource,
  };
  let next: LicenceState = { ...freshState(base, to.id, entry.at, state.shortages), lastEvidence: state.lastEvidence, updatedAt: ctx.now };
  if (to.grace) next = { ...next, ...startGrace(to, entry), episode: `${to.id}@${new Date(entry.at).toISOString()}` };
  if (to.alarm !== 'none') next = { ...next, reminderKey: alarmDay(next, to, ctx.now) };
  if (to.grace?.dailyAlarm) next = { ...next, dailyAlarms: 1 };
  if (entry.suspect !== undefined && state.shortages.length === 0) next = { ...next, suspect: entry.suspect };

  const transition: Omit<LicenceTransition, 'id'> = {
    nodeId: state.nodeId,
    track: state.track,
    at: entry.at,
    fromMode: from ? state.mode : null,
    toMode: to.id,
    cause: entry.cause,
    eventIds: entry.eventIds,
    user: entry.user ?? null,
    note: entry.note ?? null,
  };
  const announce = (stored: LicenceTransition): FleetEvent[] => [
    ...leavingEvents(ctx, state, from, to),
    modeChangedEvent(ctx.node, stored, from, to, next),
    ...alarmEvents(ctx, next, to, true),
  ];
  return { next, transition, announce };
}

function startGrace(mode: LicenceMode, entry: Entry): Pick<LicenceState, 'graceStartedAt' | 'graceExpiresAt'> {
  const days = mode.grace?.days ?? null;
  if (entry.graceDaysRemaining !== undefined) {
    const expiresAt = entry.at + entry.graceDaysRemaining * DAY_MS;
    return { graceStartedAt: days !== null ? expiresAt - days * DAY_MS : entry.at, graceExpiresAt: expiresAt };
  }
  return { graceStartedAt: entry.at, graceExpiresAt: days !== null ? entry.at + days * DAY_MS : null };
}

/** The day number an alarmed mode is announced by: days remaining in a grace, days in the mode for a loss. */
function alarmDay(state: LicenceState, mode: LicenceMode, now: number): number | null {
  if (mode.alarm === 'grace') return reminderKey(state, now);
  if (mode.alarm === 'features-lost') return daysInGrace(state.since, now);
  return null;
}

function leavingEvents(ctx: MachineContext, state: LicenceState, from: LicenceMode | undefined, to: LicenceMode): FleetEvent[] {
  if (!from) return [];
  const events: FleetEvent[] = [];
  const why = `${from.name} ended on ${ctx.node.name}: now ${to.name}`;
  if (from.alarm === 'grace') {
    events.push(clearEvent(ctx.node, LICENCE_CODES.grace, state.episode ?? state.track, ctx.now, why, state.track));
    if (from.grace?.dailyAlarm) events.push(clearEvent(ctx.node, LICENCE_CODES.subscriptionDaily, state.episode ?? state.track, ctx.now, why, state.track));
  }
  if (from.alarm === 'features-lost' && to.alarm !== 'features-lost') events.push(clearEvent(ctx.node, LICENCE_CODES.featuresLost, state.track, ctx.now, why, state.track));
  return events;
}

/** The alarms of the mode the state is in, as of ctx.now; the daily alarm only when a new day is counted. */
function alarmEvents(ctx: MachineContext, state: LicenceState, mode: LicenceMode, newDay: boolean): FleetEvent[] {
  if (mode.alarm === 'features-lost') return [featuresLostEvent(ctx.node, state, mode, ctx.now)];
  if (mode.alarm !== 'grace') return [];
  const remaining = state.graceExpiresAt !== null ? reminderKey(state, ctx.now) : null;
  const expiresTo = mode.grace?.expiresTo ? ctx.catalogue.mode(mode.grace.expiresTo) : undefined;
  const suspect = state.suspect !== null ? (ctx.suspectNote(state.suspect) ?? { ruleId: state.suspect, vendorId: null, title: 'a documented false state', workaround: '' }) : null;
  const events = [graceEvent(ctx.node, state, mode, expiresTo, graceSeverity(ctx.escalation, remaining), ctx.now, suspect)];
  if (newDay && mode.grace?.dailyAlarm) events.push(dailyAlarmEvent(ctx.node, state, mode, ctx.now));
  return events;
}

/** Once a day in an alarmed mode: the countdown (and the daily alarm), or the loss again. Null when the day has not changed. */
export function remind(ctx: MachineContext, state: LicenceState): { next: LicenceState; events: FleetEvent[] } | null {
  const mode = ctx.catalogue.mode(state.mode);
  if (!mode || mode.alarm === 'none') return null;
  const day = alarmDay(state, mode, ctx.now);
  if (day === state.reminderKey) return null;
  const next = { ...state, reminderKey: day, dailyAlarms: state.dailyAlarms + (mode.grace?.dailyAlarm ? 1 : 0), updatedAt: ctx.now };
  return { next, events: alarmEvents(ctx, next, mode, true) };
}

/** The current alarms again, e.g. after the shortages or the suspect flag changed; counts no new day. */
export function reannounce(ctx: MachineContext, state: LicenceState): FleetEvent[] {
  const mode = ctx.catalogue.mode(state.mode);
  return mode ? alarmEvents(ctx, state, mode, false) : [];
}

/** The mode a grace runs out into, once its time has come. */
export function expiryDue(catalogue: CompiledLicenceCatalogue, state: LicenceState, now: number): LicenceMode | null {
  const expiresTo = catalogue.mode(state.mode)?.grace?.expiresTo;
  if (!expiresTo || state.graceExpiresAt === null || state.graceExpiresAt > now) return null;
  return catalogue.mode(expiresTo) ?? null;
}

/** Moves the end of the current grace to what a report or a person says is left. */
export function withGraceDaysRemaining(catalogue: CompiledLicenceCatalogue, state: LicenceState, daysLeft: number, at: number): LicenceState {
  const days = catalogue.mode(state.mode)?.grace?.days ?? null;
  const expiresAt = at + daysLeft * DAY_MS;
  return { ...state, graceExpiresAt: expiresAt, graceStartedAt: days !== null ? expiresAt - days * DAY_MS : state.graceStartedAt, updatedAt: at };
}
