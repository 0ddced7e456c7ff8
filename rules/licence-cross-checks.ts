import { LICENCE_SOURCES } from '../src/fleet/node-schema.js';
import type { Report } from '../src/fleet/claim.js';
import { itemsOf, stringOf, stringsOf, type Loose } from '../src/fleet/parsed-items.js';

/** The track every node has; its initial modes must cover every licence source. */
export const LICENCE_TRACK = 'licence';
const CLEARED = '.cleared';

/**
 * What the licence catalogue's schema cannot say field by field: ids are unique, every reference names a mode,
 * signal or track that exists, a transition stays on one track, a grace that expires names where it goes, no two
 * transitions leave one mode on one signal, and every signal is used. Runs on half-valid data too, so one message
 * lists everything: it reads defensively.
 */
export function checkLicenceCatalogue(catalogue: unknown, report: Report): void {
  const tracks = uniqueIds(catalogue, 'tracks', report);
  const modes = uniqueIds(catalogue, 'modes', report);
  const signals = uniqueIds(catalogue, 'signals', report);
  const trackOf = new Map<string, string>();
  const alarmed = new Set<string>();
  for (const [index, mode] of itemsOf(catalogue, 'modes')) {
    const id = stringOf(mode, 'id');
    const track = stringOf(mode, 'track');
    // A duplicate id is reported by uniqueIds; the first mode of an id is the one the other checks see.
    if (id !== undefined && track !== undefined && !trackOf.has(id)) {
      trackOf.set(id, track);
      if (stringOf(mode, 'alarm') !== 'none') alarmed.add(id);
    }
    if (track !== undefined && !tracks.has(track)) report(['modes', index, 'track'], `no track "${track}"; tracks are ${list(tracks)}`);
    checkModeAlarm(mode, ['modes', index], report);
  }
  for (const [index, mode] of itemsOf(catalogue, 'modes')) checkGrace(mode, ['modes', index], modes, trackOf, report);
  checkTracks(catalogue, modes, trackOf, alarmed, report);
  const used = checkTransitions(catalogue, modes, signals, trackOf, report);
  for (const [index, signal] of itemsOf(catalogue, 'signals')) {
    const id = stringOf(signal, 'id');
    if (id === undefined || used.has(id) || signal['shortage'] === true || signal['evidenceOnly'] === true) continue;
    report(['signals', index, 'id'], `signal "${id}" moves no mode: use it in a transition, or mark it shortage: true or evidenceOnly: true`);
  }
}

function uniqueIds(catalogue: unknown, key: string, report: Report): Set<string> {
  const seen = new Map<string, number>();
  for (const [index, item] of itemsOf(catalogue, key)) {
    const id = stringOf(item, 'id');
    if (id === undefined) continue;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, index);
    else report([key, index, 'id'], `id "${id}" is already used by ${key}[${first}]`);
  }
  return new Set(seen.keys());
}

function checkModeAlarm(mode: Loose, path: Array<string | number>, report: Report): void {
  const alarm = stringOf(mode, 'alarm');
  const hasGrace = typeof mode['grace'] === 'object' && mode['grace'] !== null;
  const lost = Array.isArray(mode['featuresLost']) ? mode['featuresLost'].length : 0;
  if (alarm === 'grace' && !hasGrace) report([...path, 'alarm'], 'a "grace" alarm needs a grace: give grace: { days, expiresTo }');
  if (hasGrace && alarm !== 'grace') report([...path, 'alarm'], `a mode with a grace period raises the "grace" alarm; got ${JSON.stringify(alarm)}`);
  if (alarm === 'features-lost' && lost === 0) report([...path, 'featuresLost'], 'a "features-lost" alarm needs the features that stop: list them');
  if (hasGrace && lost > 0) report([...path, 'featuresLost'], 'a grace mode keeps its features; list them on the mode its grace expires to');
  if (mode['licensed'] === false && lost === 0) report([...path, 'featuresLost'], 'an unlicensed mode loses features: list them');
}

function checkGrace(mode: Loose, path: Array<string | number>, modes: Set<string>, trackOf: Map<string, string>, report: Report): void {
  const grace = mode['grace'];
  if (typeof grace !== 'object' || grace === null) return;
  const { days, expiresTo } = grace as Loose;
  const id = stringOf(mode, 'id');
  if (typeof expiresTo === 'string') {
    if (!modes.has(expiresTo)) report([...path, 'grace', 'expiresTo'], `no mode "${expiresTo}"`);
    else if (expiresTo === id) report([...path, 'grace', 'expiresTo'], 'a grace cannot expire into its own mode');
    else if (trackOf.get(expiresTo) !== stringOf(mode, 'track')) report([...path, 'grace', 'expiresTo'], `mode "${expiresTo}" is on another track`);
    if (days === null) report([...path, 'grace', 'days'], 'a grace that expires needs its length in days');
  }
  if (expiresTo === null && typeof days === 'number') report([...path, 'grace', 'expiresTo'], `a grace of ${days} days must say which mode it expires to`);
}

function checkTracks(catalogue: unknown, modes: Set<string>, trackOf: Map<string, string>, alarmed: Set<string>, report: Report): void {
  let licenceTrack: Loose | undefined;
  for (const [index, track] of itemsOf(catalogue, 'tracks')) {
    const id = stringOf(track, 'id');
    if (id === LICENCE_TRACK) licenceTrack = track;
    for (const [entry, initial] of itemsOf(track, 'initial')) {
      const mode = stringOf(initial, 'mode');
      if (mode === undefined) continue;
      if (!modes.has(mode)) report(['tracks', index, 'initial', entry, 'mode'], `no mode "${mode}"`);
      else if (trackOf.get(mode) !== id) report(['tracks', index, 'initial', entry, 'mode'], `mode "${mode}" is on track "${trackOf.get(mode)}", not "${id}"`);
      else if (alarmed.has(mode)) report(['tracks', index, 'initial', entry, 'mode'], `a node starts in a mode with no alarm (nothing is known to be wrong yet); "${mode}" raises one`);
    }
  }
  if (!licenceTrack) {
    report(['tracks'], `the "${LICENCE_TRACK}" track is required: every node has a licence mode`);
    return;
  }
  const covered = new Set(itemsOf(licenceTrack, 'initial').map(([, initial]) => stringOf(initial, 'licenceSource')));
  const missing = LICENCE_SOURCES.filter((source) => !covered.has(source));
  const index = itemsOf(catalogue, 'tracks').find(([, track]) => track === licenceTrack)?.[0] ?? 0;
  if (missing.length > 0) report(['tracks', index, 'initial'], `every licence source needs a starting mode; missing ${missing.join(', ')}`);
}

function checkTransitions(catalogue: unknown, modes: Set<string>, signals: Set<string>, trackOf: Map<string, string>, report: Report): Set<string> {
  const used = new Set<string>();
  const leaving = new Map<string, number>();
  for (const [index, transition] of itemsOf(catalogue, 'transitions')) {
    const path = ['transitions', index];
    const on = stringOf(transition, 'on');
    const signal = on?.endsWith(CLEARED) ? on.slice(0, -CLEARED.length) : on;
    if (signal !== undefined) {
      used.add(signal);
      if (!signals.has(signal)) report([...path, 'on'], `no signal "${signal}"; signals are ${list(signals)}`);
    }
    const to = stringOf(transition, 'to');
    if (to !== undefined && !modes.has(to)) report([...path, 'to'], `no mode "${to}"`);
    for (const [fi, from] of stringsOf(transition, 'from')) {
      if (!modes.has(from)) {
        report([...path, 'from', fi], `no mode "${from}"`);
        continue;
      }
      if (to !== undefined && modes.has(to) && trackOf.get(from) !== trackOf.get(to)) report([...path, 'from', fi], `"${from}" and "${to}" are on different tracks`);
      if (from === to) report([...path, 'from', fi], `a transition must change the mode; "${from}" goes to itself`);
      const key = `${from}|${on}`;
      const first = leaving.get(key);
      if (first !== undefined && first !== index) report([...path, 'from', fi], `transitions[${first}] already leaves "${from}" on "${on}"`);
      else leaving.set(key, index);
    }
  }
  return used;
}

function list(ids: Set<string>): string {
  return [...ids].map((id) => `"${id}"`).join(', ') || '(none)';
}
