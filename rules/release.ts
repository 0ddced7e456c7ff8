/**
 * IP Office release numbers, parsed and compared.
 *
 * Two schemes are in the seeds. From R10, five groups: Major.Minor.FeaturePack.ServicePack.Special
 * ("10.0.0.0.0 build 550", 001:93-101). Before R10, four: Major.Minor.ServicePack.Special ("9.1.4" is 9.1 SP4,
 * 002:208-210), where a fifth group is the build ("9.0.2.0.41 (9.0 Service Pack 2)", 001:669). Both map onto one
 * canonical tuple, so "9.1.4", "9.1 SP4" and "9.1.4.0 build 12" compare as the same service pack.
 */

/** Canonical positions: major, minor, feature pack, service pack, special release, build. */
export const RELEASE_POSITIONS = ['major', 'minor', 'featurePack', 'servicePack', 'special', 'build'] as const;

export interface IpoRelease {
  /** Six numbers in RELEASE_POSITIONS order; positions not written are 0. */
  parts: readonly number[];
  /** How many leading positions the text pinned down: "10.0" → 2, "10.0 SP1" → 4, "… build 300" → 6. */
  precision: number;
  text: string;
}

const PREFIX = /^(?:r(?:elease)?\s*)?/i;
const DOTTED = /^(\d+)(?:\.(\d+)){0,4}/;
const QUALIFIER = /^\s*(?:(ga)\b|fp\s*(\d+)|(?:sp|service\s+pack)\s*(\d+)|build\s*(\d+)|\(\s*(\d+)\s*\))/i;

// Where each dotted group lands in the canonical tuple, by scheme.
const R10_GROUPS = [0, 1, 2, 3, 4];
const PRE_R10_GROUPS = [0, 1, 3, 4, 5];
const FIVE_GROUP_SCHEME_FROM = 10;
const SERVICE_PACK = 3;
const FEATURE_PACK = 2;
const BUILD = 5;

/**
 * Reads "9.1", "9.1.4", "9.1 SP12", "10.0 SP1", "10.0.0.1 build 300", "11.0 FP4 SP2", "8.1 (65)", "R10.0",
 * "9.0.2.0.41". Undefined when the text is not a release (configured versions are free text; callers treat an
 * unreadable version as unknown).
 */
export function parseRelease(text: string): IpoRelease | undefined {
  let rest = text.trim().replace(PREFIX, '');
  const dotted = DOTTED.exec(rest);
  if (!dotted) return undefined;
  const groups = dotted[0].split('.').map(Number);
  const major = groups[0]!;
  const slots = major >= FIVE_GROUP_SCHEME_FROM ? R10_GROUPS : PRE_R10_GROUPS;
  const parts = [0, 0, 0, 0, 0, 0];
  groups.forEach((value, index) => (parts[slots[index]!] = value));
  let precision = slots[groups.length - 1]! + 1;
  rest = rest.slice(dotted[0].length);

  const seen = new Set<string>();
  for (let q = QUALIFIER.exec(rest); q; q = QUALIFIER.exec(rest)) {
    rest = rest.slice(q[0].length);
    const [, ga, fp, sp, build, parenBuild] = q;
    const kind = ga ? 'sp' : fp ? 'fp' : sp ? 'sp' : 'build';
    if (seen.has(kind)) return undefined;
    seen.add(kind);
    if (kind === 'fp') {
      // Feature packs exist from R10; the position must not already be written as a dotted group.
      if (major < FIVE_GROUP_SCHEME_FROM || precision > FEATURE_PACK) return undefined;
      parts[FEATURE_PACK] = Number(fp);
      precision = FEATURE_PACK + 1;
    } else if (kind === 'sp') {
      if (precision > SERVICE_PACK) return undefined;
      parts[SERVICE_PACK] = ga ? 0 : Number(sp);
      precision = SERVICE_PACK + 1;
    } else {
      parts[BUILD] = Number(build ?? parenBuild);
      precision = BUILD + 1;
    }
  }
  if (rest.trim() !== '') return undefined;
  return { parts, precision, text: text.trim() };
}

/** Negative when a is older, 0 when equal, positive when newer; unwritten positions count as 0. */
export function compareReleases(a: IpoRelease, b: IpoRelease, positions: number = RELEASE_POSITIONS.length): number {
  for (let i = 0; i < positions; i++) {
    const diff = (a.parts[i] ?? 0) - (b.parts[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
