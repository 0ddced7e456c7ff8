import type { LicenceMode } from '../../rules/licence-schema.js';
import type { ProblemSeverity } from '../events/severity.js';
import type { FleetNodeRow } from '../fleet/fleet-index.js';
import type { LicenceSource } from '../fleet/node-schema.js';
import type { LicenceConfigFinding } from './config-checks.js';
import type { LicenceEngine } from './engine.js';
import { daysRemaining, graceSeverity } from './escalation.js';
import type { SuspectNote } from './licence-events.js';
import type { LicenceState, LicenceTransition } from './state.js';

/** Features a node has lost (since `at`) or will lose (at `at`, the end of its grace; null when that is not known). */
export interface FeatureLoss {
  track: string;
  status: 'lost' | 'at-risk';
  features: string[];
  at: string | null;
  because: string;
}

export interface TrackView {
  track: string;
  mode: { id: string; name: string; since: string; until: string | null; licensed: boolean; inferred: boolean };
  grace: { startedAt: string | null; expiresAt: string | null; daysRemaining: number | null; severity: ProblemSeverity; dailyAlarms: number; expiresTo: { id: string; name: string } | null } | null;
  suspect: SuspectNote | null;
  lastEvidence: { signal: string; eventId: number | null; at: string } | null;
}

export interface LicenceNodeView {
  node: { id: string; name: string; role: string; site: { id: string; name: string }; customer: { id: string; name: string } };
  licenceSource: { configured: LicenceSource; effective: LicenceSource };
  /** The licence track first, then the others (select). */
  tracks: TrackView[];
  shortages: Array<{ licenceType: string; since: string; signal: string; eventId: number | null }>;
  losses: FeatureLoss[];
  findings: LicenceConfigFinding[];
}

export interface LicenceFleetView {
  generatedAt: string;
  summary: { nodes: number; byMode: Record<string, number>; inGrace: number; losingFeatures: number; suspect: number };
  customers: Array<{ id: string; name: string; nodes: LicenceNodeView[] }>;
}

/** One node's licence picture: modes with since and until, the countdown, the suspect flag, what it loses when. Pure reads. */
export function licenceNodeView(engine: LicenceEngine, row: FleetNodeRow, now: number): LicenceNodeView {
  const { node, site, customer } = row;
  const states = engine.list().filter((state) => state.nodeId === node.id).sort((a, b) => (a.track === 'licence' ? -1 : b.track === 'licence' ? 1 : a.track < b.track ? -1 : 1));
  const licence = states.find((state) => state.track === 'licence');
  const tracks = states.flatMap((state) => {
    const mode = engine.catalogue.mode(state.mode);
    return mode ? [trackView(engine, state, mode, now)] : [];
  });
  return {
    node: { id: node.id, name: node.name, role: node.role, site: { id: site.id, name: site.name }, customer: { id: customer.id, name: customer.name } },
    licenceSource: { configured: node.licenceSource, effective: licence?.licenceSource ?? node.licenceSource },
    tracks,
    shortages: (licence?.shortages ?? []).map(({ licenceType, since, signal, eventId }) => ({ licenceType, since: iso(since), signal, eventId })),
    losses: states.flatMap((state) => lossesOf(engine, state)),
    findings: engine.findings.filter((finding) => finding.nodeId === node.id),
  };
}

/** The fleet by customer: which nodes lose which features when. Worst first within a customer (lost, then at risk soonest). */
export function licenceFleetView(engine: LicenceEngine, now: number, filter: { customer?: string | undefined; mode?: string | undefined } = {}): LicenceFleetView {
  const byCustomer = new Map<string, { id: string; name: string; nodes: LicenceNodeView[] }>();
  for (const row of engine.fleet.nodes()) {
    if (filter.customer !== undefined && row.customer.id !== filter.customer) continue;
    const view = licenceNodeView(engine, row, now);
    if (filter.mode !== undefined && !view.tracks.some((track) => track.mode.id === filter.mode)) continue;
    const entry = byCustomer.get(row.customer.id) ?? { id: row.customer.id, name: row.customer.name, nodes: [] };
    entry.nodes.push(view);
    byCustomer.set(row.customer.id, entry);
  }
  const customers = [...byCustomer.values()].map((customer) => ({ ...customer, nodes: customer.nodes.sort(worstFirst) }));
  const nodes = customers.flatMap((customer) => customer.nodes);
  const byMode: Record<string, number> = {};
  for (const view of nodes) for (const track of view.tracks) byMode[track.mode.id] = (byMode[track.mode.id] ?? 0) + 1;
  return {
    generatedAt: iso(now),
    summary: {
      nodes: nodes.length,
      byMode,
      inGrace: nodes.filter((view) => view.tracks.some((track) => track.grace !== null)).length,
      losingFeatures: nodes.filter((view) => view.losses.length > 0).length,
      suspect: nodes.filter((view) => view.tracks.some((track) => track.suspect !== null)).length,
    },
    customers,
  };
}

function trackView(engine: LicenceEngine, state: LicenceState, mode: LicenceMode, now: number): TrackView {
  const remaining = state.graceExpiresAt !== null ? daysRemaining(state.graceExpiresAt, now) : null;
  const expiresTo = mode.grace?.expiresTo ? engine.catalogue.mode(mode.grace.expiresTo) : undefined;
  return {
    track: state.track,
    mode: { id: mode.id, name: mode.name, since: iso(state.since), until: isoOrNull(state.graceExpiresAt), licensed: mode.licensed, inferred: mode.inferred },
    grace: mode.grace
      ? {
          startedAt: isoOrNull(state.graceStartedAt),
          expiresAt: isoOrNull(state.graceExpiresAt),
          daysRemaining: remaining,
          severity: graceSeverity(engine.escalation, remaining),
          dailyAlarms: state.dailyAlarms,
          expiresTo: expiresTo ? { id: expiresTo.id, name: expiresTo.name } : null,
        }
      : null,
    suspect: state.suspect !== null ? (engine.knownIssue(state.suspect) ?? { ruleId: state.suspect, vendorId: null, title: state.suspect, workaround: '' }) : null,
    lastEvidence: state.lastEvidence && { ...state.lastEvidence, at: iso(state.lastEvidence.at) },
  };
}

function lossesOf(engine: LicenceEngine, state: LicenceState): FeatureLoss[] {
  const mode = engine.catalogue.mode(state.mode);
  if (!mode) return [];
  const losses: FeatureLoss[] = [];
  if (mode.featuresLost.length > 0) losses.push({ track: state.track, status: 'lost', features: mode.featuresLost, at: iso(state.since), because: mode.name });
  const expiresTo = mode.grace?.expiresTo ? engine.catalogue.mode(mode.grace.expiresTo) : undefined;
  if (mode.grace) {
    losses.push({ track: state.track, status: 'at-risk', features: expiresTo?.featuresLost ?? ['licensed features (the end of this grace is not documented)'], at: isoOrNull(state.graceExpiresAt), because: `${mode.name}: grace ends` });
  }
  if (state.shortages.length > 0) {
    const types = [...new Set(state.shortages.map((shortage) => shortage.licenceType))];
    losses.push({ track: state.track, status: 'lost', features: types, at: iso(Math.min(...state.shortages.map((shortage) => shortage.since))), because: 'licence alarms active: these licence types are short' });
  }
  return losses;
}

/** Lost before at risk; earlier before later; nodes with nothing to lose last. */
function worstFirst(a: LicenceNodeView, b: LicenceNodeView): number {
  return rank(a) - rank(b) || soonest(a) - soonest(b) || (a.node.id < b.node.id ? -1 : 1);
}

function rank(view: LicenceNodeView): number {
  if (view.losses.some((loss) => loss.status === 'lost')) return 0;
  if (view.losses.length > 0) return 1;
  return 2;
}

function soonest(view: LicenceNodeView): number {
  const times = view.losses.map((loss) => loss.at).filter((at): at is string => at !== null).map((at) => Date.parse(at));
  return times.length > 0 ? Math.min(...times) : Number.MAX_SAFE_INTEGER;
}

function iso(at: number): string {
  return new Date(at).toISOString();
}

function isoOrNull(at: number | null): string | null {
  return at === null ? null : iso(at);
}

/** A stored change of mode as the API shows it. */
export function serialiseLicenceTransition(transition: LicenceTransition): Omit<LicenceTransition, 'at'> & { at: string } {
  return { ...transition, at: iso(transition.at) };
}
