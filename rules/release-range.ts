import { compareReleases, parseRelease, type IpoRelease } from './release.js';

/**
 * How a catalogue names releases:
 * - a string is one release line with everything in it: "10.0" is every 10.0 build, "9.0.3" every 9.0 SP3 build;
 * - `{ from, before, through }`: `from` inclusive, `before` exclusive, `through` inclusive of the whole line it names
 *   ("through: 9.1.4" includes 9.1.4.0 build 12). Any one bound may be left out; `before` and `through` exclude
 *   each other.
 */
export type ReleaseSpec = string | { from?: string | undefined; before?: string | undefined; through?: string | undefined };

export interface ReleaseRange {
  from?: IpoRelease | undefined;
  before?: IpoRelease | undefined;
  through?: IpoRelease | undefined;
  /** For people: "10.0", "10.0 to before 10.0 SP1", "up to 9.1.4". */
  text: string;
}

/** The range a spec describes, or the reason it describes none (a bound that is not a release, or an empty range). */
export function parseReleaseSpec(spec: ReleaseSpec): { range: ReleaseRange } | { error: string } {
  if (typeof spec === 'string') {
    const line = parseRelease(spec);
    return line ? { range: { from: line, through: line, text: line.text } } : { error: `"${spec}" is not an IP Office release` };
  }
  const bounds: Partial<Record<'from' | 'before' | 'through', IpoRelease>> = {};
  for (const key of ['from', 'before', 'through'] as const) {
    const text = spec[key];
    if (text === undefined) continue;
    const release = parseRelease(text);
    if (!release) return { error: `${key} "${text}" is not an IP Office release` };
    bounds[key] = release;
  }
  const { from, before, through } = bounds;
  if (!from && !before && !through) return { error: 'give at least one of from, before, through' };
  if (before && through) return { error: 'give before or through, not both' };
  if (from && before && compareReleases(from, before) >= 0) return { error: `the range is empty: from ${from.text} is not before ${before.text}` };
  if (from && through && compareReleases(from, through, through.precision) > 0) return { error: `the range is empty: from ${from.text} is after ${through.text}` };
  return { range: { from, before, through, text: describe(from, before, through) } };
}

export function releaseInRange(release: IpoRelease, range: ReleaseRange): boolean {
  if (range.from && compareReleases(release, range.from) < 0) return false;
  if (range.before && compareReleases(release, range.before) >= 0) return false;
  if (range.through && compareReleases(release, range.through, range.through.precision) > 0) return false;
  return true;
}

function describe(from?: IpoRelease, before?: IpoRelease, through?: IpoRelease): string {
  const upper = before ? `before ${before.text}` : through ? `up to ${through.text}` : undefined;
  if (from && upper) return `${from.text} to ${upper}`;
  if (from) return `${from.text} and later`;
  return upper!;
}
