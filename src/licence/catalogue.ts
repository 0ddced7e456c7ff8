import { compileConditions, releaseReader, type Condition, type MatchSubject } from '../../rules/compile-match.js';
import { TEXT_MATCHES_FLAGS } from '../../rules/match-schema.js';
import { LICENCE_TRACK } from '../../rules/licence-cross-checks.js';
import { CLEARED_SUFFIX, type LicenceCatalogue, type LicenceMode, type LicenceSignal, type LicenceTransitionRule } from '../../rules/licence-schema.js';
import type { NodeFacts } from '../correlation/rule-matcher.js';
import type { FleetEvent } from '../events/fleet-event.js';
import type { NodeConfig } from '../fleet/node-schema.js';

interface CompiledSignal {
  signal: LicenceSignal;
  /** Any one alternative must hold; each is a list of conditions that must all hold. */
  alternatives: Array<{ conditions: Condition[]; textPattern: RegExp | null }>;
}

/** A signal an event raised or cleared, with the licence type it names (shortage signals). */
export interface FiredSignal {
  signal: LicenceSignal;
  /** "configuration-error" or "configuration-error.cleared": what transitions name in `on`. */
  ref: string;
  cleared: boolean;
  licenceType: string | null;
}

/**
 * The catalogue made ready for the engine: modes by id and by the names a report may use, transitions indexed by
 * (from mode, signal reference), signal conditions compiled once with the known-issue matcher's own compiler.
 */
export class CompiledLicenceCatalogue {
  private readonly modes = new Map<string, LicenceMode>();
  private readonly modesByName = new Map<string, LicenceMode>();
  private readonly leaving = new Map<string, LicenceTransitionRule>();
  private readonly entering = new Map<string, LicenceTransitionRule[]>();
  private readonly signalTracks = new Map<string, Set<string>>();
  private readonly signals: CompiledSignal[];
  private readonly readRelease = releaseReader();

  constructor(readonly catalogue: LicenceCatalogue) {
    for (const mode of catalogue.modes) {
      this.modes.set(mode.id, mode);
      for (const name of [mode.id, mode.name, ...(mode.aliases ?? [])]) this.modesByName.set(name.trim().toLowerCase(), mode);
    }
    for (const transition of catalogue.transitions) {
      for (const from of transition.from) this.leaving.set(`${from}|${transition.on}`, transition);
      const signal = transition.on.endsWith(CLEARED_SUFFIX) ? transition.on.slice(0, -CLEARED_SUFFIX.length) : transition.on;
      const track = this.modes.get(transition.to)?.track;
      if (track !== undefined) this.signalTracks.set(signal, new Set([...(this.signalTracks.get(signal) ?? []), track]));
      const list = this.entering.get(transition.to) ?? [];
      list.push(transition);
      this.entering.set(transition.to, list);
    }
    this.signals = catalogue.signals.map((signal) => ({
      signal,
      alternatives: signal.match.map((match) => ({
        conditions: compileConditions(match, { indexed: new Set() }),
        textPattern: match.textMatches !== undefined ? new RegExp(match.textMatches, TEXT_MATCHES_FLAGS) : null,
      })),
    }));
  }

  get tracks(): LicenceCatalogue['tracks'] {
    return this.catalogue.tracks;
  }

  mode(id: string): LicenceMode | undefined {
    return this.modes.get(id);
  }

  /** By id, name or alias, ignoring case: what a report or an API caller may send. */
  modeNamed(name: string): LicenceMode | undefined {
    return this.modesByName.get(name.trim().toLowerCase());
  }

  modesOf(track: string): LicenceMode[] {
    return this.catalogue.modes.filter((mode) => mode.track === track);
  }

  /** The transition leaving `mode` on a signal reference, if the catalogue has one. */
  transition(mode: string, ref: string): LicenceTransitionRule | undefined {
    return this.leaving.get(`${mode}|${ref}`);
  }

  /** The tracks a signal matters to: those its transitions move, and the licence track for shortage and evidence signals. */
  tracksOf(signalId: string): ReadonlySet<string> {
    const signal = this.catalogue.signals.find((candidate) => candidate.id === signalId);
    const tracks = new Set(this.signalTracks.get(signalId) ?? []);
    if (signal?.shortage || signal?.evidenceOnly) tracks.add(LICENCE_TRACK);
    return tracks;
  }

  /** Whether `ref` leads into `mode` from anywhere without a suspect mark: such a signal confirms a suspect mode. */
  confirms(mode: string, ref: string): boolean {
    return (this.entering.get(mode) ?? []).some((transition) => transition.on === ref && transition.suspect === undefined);
  }

  /** The starting mode of a node on a track; undefined when the track does not apply to it. */
  initialMode(track: string, node: Pick<NodeConfig, 'role' | 'licenceSource'>): LicenceMode | undefined {
    const entry = this.catalogue.tracks
      .find((candidate) => candidate.id === track)
      ?.initial.find((initial) => (initial.licenceSource === undefined || initial.licenceSource === node.licenceSource) && (initial.roles === undefined || initial.roles.includes(node.role)));
    return entry ? this.modes.get(entry.mode) : undefined;
  }

  /** Every signal the event raises or clears. Pure. */
  signalsOf(event: FleetEvent, node: NodeFacts | null): FiredSignal[] {
    let lower: string | undefined;
    const subject: MatchSubject = {
      event,
      node,
      lowerText: () => (lower ??= event.text.toLowerCase()),
      release: () => this.readRelease(node),
    };
    const fired: FiredSignal[] = [];
    for (const { signal, alternatives } of this.signals) {
      // An info event (an SSA entry scrolling off, a plain message) neither raises nor clears; evidence is evidence.
      if (event.severity === 'info' && !signal.evidenceOnly) continue;
      const hit = alternatives.find((alternative) => alternative.conditions.every((condition) => condition(subject)));
      if (!hit) continue;
      const cleared = event.severity === 'cleared';
      fired.push({ signal, ref: cleared ? `${signal.id}${CLEARED_SUFFIX}` : signal.id, cleared, licenceType: signal.shortage ? licenceTypeOf(event, hit.textPattern, signal) : null });
    }
    return fired;
  }
}

/** The regex group `licenceType`, else the event's licenceType attribute, else the signal's default. */
function licenceTypeOf(event: FleetEvent, pattern: RegExp | null, signal: LicenceSignal): string | null {
  const fromText = pattern?.exec(event.text)?.groups?.['licenceType']?.trim();
  if (fromText) return fromText;
  const attribute = event.attributes['licenceType'];
  if (typeof attribute === 'string' && attribute.trim() !== '') return attribute.trim();
  return signal.licenceType ?? null;
}
