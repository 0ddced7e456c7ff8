import type { CollectorContext } from '../types.js';
import type { SsaEntryChanges, Store } from '../../src/storage/store.js';
import { diffSnapshot, SSA_CHANGES, type SsaChange } from './diff.js';
import type { SsaEntryState } from './entry-state.js';
import { namesFromFileName } from './file-name.js';
import { mapDiffItem, type SnapshotOrigin } from './map.js';
import { parseSnapshot } from './parse-snapshot.js';
import { resolveSnapshot, type NodeLookup, type SsaSnapshot } from './resolve-snapshot.js';
import type { Named, SnapshotFormat, SnapshotRefusal, SnapshotWarning, SsaList } from './snapshot.js';
import type { SsaMetrics } from './ssa-metrics.js';

export interface SsaIngestRequest {
  body: Uint8Array;
  via: 'api' | 'folder';
  /** The HTTP client's address; empty for files. */
  sourceAddress: string;
  format?: SnapshotFormat | undefined;
  contentType?: string | undefined;
  fileName?: string | undefined;
  /** Query parameters node and list. */
  node?: string | undefined;
  list?: string | undefined;
}

export interface SsaIngestCounts {
  nodeId: string;
  list: SsaList;
  entries: number;
  /** Entries with nothing new since the previous snapshot. */
  unchanged: number;
  events: { accepted: number; dropped: number };
  changes: Record<SsaChange, number>;
  warnings: SnapshotWarning[];
}

/**
 * refused: bad input, nothing changed. stored: the events are in the store and the snapshot is remembered.
 * queued: the events are accepted but not yet stored (the pipeline is busy); nothing to resend.
 * partial: the queue was full; entries whose events were not taken keep their old state, so sending the
 * same snapshot again delivers exactly what is missing.
 */
export type SsaIngestOutcome = { status: 'refused'; refusal: SnapshotRefusal } | ({ status: 'stored' | 'queued' | 'partial' } & SsaIngestCounts);

export interface IngestDeps {
  ctx: CollectorContext;
  store: Pick<Store, 'listSsaEntries' | 'saveSsaEntries'>;
  lookup: NodeLookup;
  metrics: SsaMetrics;
  storeWaitMs: number;
}

/**
 * The one way in for both the API and the drop folder: parse, resolve, diff
 * against the last snapshot, emit one event per change, then remember the
 * new snapshot once the pipeline has stored those events.
 *
 * The promise (README "Delivery"): what is remembered in SQLite is never ahead
 * of what is stored, so after a crash sending the snapshot again re-emits
 * anything that was lost (at least once; a crash in the instant between
 * storing the events and remembering the snapshot repeats them). While the
 * process runs, the in-memory copy is remembered at once, so a retry or a
 * newer snapshot never emits the same change twice.
 */
export class SsaIngest {
  private readonly remembered = new Map<string, Map<string, SsaEntryState>>();
  private readonly persisting = new Map<string, Promise<void>>();

  constructor(private readonly deps: IngestDeps) {}

  async ingest(request: SsaIngestRequest): Promise<SsaIngestOutcome> {
    const { ctx, metrics } = this.deps;
    ctx.metrics.received();
    const resolved = this.resolve(request);
    if (!resolved.ok) {
      ctx.metrics.refused(resolved.refusal.reason);
      metrics.snapshot(request.via, 'refused');
      return { status: 'refused', refusal: resolved.refusal };
    }
    const { counts, changes, complete } = this.apply(resolved.value, request);
    metrics.snapshot(request.via, complete ? 'accepted' : 'partial');
    const saved = this.remember(resolved.value, changes);
    if (!complete) return { status: 'partial', ...counts };
    return { status: (await settlesWithin(saved, this.deps.storeWaitMs)) ? 'stored' : 'queued', ...counts };
  }

  /** Waits (at most maxWaitMs) until every snapshot accepted so far is remembered in the store. */
  async settle(maxWaitMs: number): Promise<boolean> {
    return settlesWithin(Promise.all(this.persisting.values()).then(() => undefined), maxWaitMs);
  }

  private resolve(request: SsaIngestRequest) {
    const parsed = parseSnapshot(request.body, request);
    if (!parsed.ok) return parsed;
    const fromFile = request.fileName ? namesFromFileName(request.fileName) : { node: [], list: [] };
    const query = (key: 'node' | 'list'): Named[] => (request[key] ? [{ value: request[key], where: `query parameter ${key}`, line: null }] : []);
    return resolveSnapshot(parsed.value, { node: [...query('node'), ...fromFile.node], list: [...query('list'), ...fromFile.list] }, this.deps.lookup);
  }

  /** Synchronous from reading the remembered state to updating it, so two snapshots never interleave. */
  private apply(snapshot: SsaSnapshot, request: SsaIngestRequest) {
    const { ctx, metrics } = this.deps;
    const state = this.stateOf(snapshot.nodeId, snapshot.list);
    const { keys, unchanged } = diffSnapshot([...state.values()], snapshot.entries);
    const origin: SnapshotOrigin = { nodeId: snapshot.nodeId, list: snapshot.list, receivedAt: ctx.clock.now(), via: request.via, sourceAddress: request.sourceAddress, file: request.fileName };
    const counts: SsaIngestCounts = {
      nodeId: snapshot.nodeId,
      list: snapshot.list,
      entries: snapshot.entries.length,
      unchanged,
      events: { accepted: 0, dropped: 0 },
      changes: Object.fromEntries(SSA_CHANGES.map((change) => [change, 0])) as Record<SsaChange, number>,
      warnings: snapshot.warnings,
    };
    const changes: SsaEntryChanges = { upsert: [], remove: [] };
    let full = false;
    for (const key of keys) {
      let taken = 0;
      for (const item of key.items) {
        // Once the queue is full the rest would be refused too; stop offering and let a resend deliver them.
        if (full || ctx.emit(mapDiffItem(item, origin)) !== 'accepted') {
          full = true;
          break;
        }
        taken++;
        counts.changes[item.change]++;
        metrics.change(item.change);
      }
      counts.events.accepted += taken;
      counts.events.dropped += key.items.length - taken;
      if (taken < key.items.length || !key.changed) continue;
      if (key.next) {
        state.set(key.key, key.next);
        changes.upsert.push(key.next);
      } else {
        state.delete(key.key);
        changes.remove.push(key.key);
      }
    }
    return { counts, changes, complete: !full };
  }

  private stateOf(nodeId: string, list: SsaList): Map<string, SsaEntryState> {
    const id = `${nodeId}\u0000${list}`;
    let state = this.remembered.get(id);
    if (!state) {
      state = new Map(this.deps.store.listSsaEntries(nodeId, list).map((entry) => [entry.key, entry]));
      this.remembered.set(id, state);
    }
    return state;
  }

  /** Writes the changes after the events are stored, in order per node and list. */
  private remember(snapshot: SsaSnapshot, changes: SsaEntryChanges): Promise<void> {
    if (changes.upsert.length === 0 && changes.remove.length === 0) return Promise.resolve();
    const { ctx, store } = this.deps;
    const id = `${snapshot.nodeId}\u0000${snapshot.list}`;
    const previous = this.persisting.get(id) ?? Promise.resolve();
    const next = previous
      .then(() => ctx.stored?.())
      .then(() => store.saveSsaEntries(snapshot.nodeId, snapshot.list, changes, ctx.clock.now()))
      .catch((error: unknown) => {
        // Remembered in memory only: a restart before the next good write diffs against the older state and re-emits.
        ctx.log.error({ err: error, nodeId: snapshot.nodeId, list: snapshot.list }, 'ssa: cannot remember the snapshot in the store');
      });
    this.persisting.set(id, next);
    void next.then(() => {
      if (this.persisting.get(id) === next) this.persisting.delete(id);
    });
    return next;
  }
}

/** True when the promise settles within ms (0: only if it already has). */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
