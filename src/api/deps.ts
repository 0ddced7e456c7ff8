import type { SsaIngestApi } from '../../collectors/ssa/ssa-api.js';
import type { Endpoint } from '../../collectors/types.js';
import type { KnownIssueExposure, NodeInventoryFacts } from '../../rules/known-issues-for-node.js';
import type { SilenceCache } from '../correlation/silence-cache.js';
import type { FleetIndex } from '../fleet/fleet-index.js';
import type { LicenceEngine } from '../licence/engine.js';
import type { MetricsRegistry } from '../metrics/registry.js';
import type { ResiliencyEngine } from '../resiliency/engine.js';
import type { Store } from '../storage/store.js';

export interface HealthSnapshot {
  startedAt: number;
  queueDepth: number;
  queueCapacity: number;
  collectors: Array<{ type: string; endpoints: Endpoint[] }>;
}

/** What the HTTP API reads; built in main.ts, faked in tests. */
export interface ApiDeps {
  store: Store;
  fleet: FleetIndex;
  silences: SilenceCache;
  /** The inventory a collector polled from the node (null when none has), e.g. SNMP entity and phone tables. */
  inventory: (nodeId: string) => object | null;
  /** Known issues a node is exposed to by its role, platform, version and licence source. */
  knownIssues: (node: NodeInventoryFacts) => KnownIssueExposure[];
  metrics: MetricsRegistry;
  version: string;
  health: () => HealthSnapshot;
  now: () => number;
  /** The SSA collector's ingest (POST /api/v1/ssa/alarms); absent: the route answers 404. */
  ssaIngest?: SsaIngestApi;
  /** The licence engine (GET /api/v1/licences…); absent: those routes answer 404. */
  licence?: LicenceEngine;
  /** The resiliency engine (GET /api/v1/resiliency); absent: the route answers 404. */
  resiliency?: Pick<ResiliencyEngine, 'list' | 'open'>;
}
