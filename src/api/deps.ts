import type { RtcpThresholds } from '../../collectors/rtcp/config.js';
import type { SsaIngestApi } from '../../collectors/ssa/ssa-api.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { LiveBroadcaster } from '../web/live/broadcaster.js';
import type { AuthSettings } from './auth/auth-runtime.js';
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
  /** The QoS thresholds of a call's site (collectors.rtcp), to colour figures and draw limits in the web UI; absent: IP Office's defaults. */
  qosThresholds?: (customerId: string | null, siteId: string | null) => RtcpThresholds;
  /** The resiliency engine (GET /api/v1/resiliency); absent: the route answers 404. */
  resiliency?: Pick<ResiliencyEngine, 'list' | 'open'>;
  /** server.http.trustedProxies: peers whose X-Forwarded-For names the client (request.ip); absent or empty: none. */
  trustedProxies?: readonly string[];
  /** server.auth and server.publicUrl; absent: authentication off (every caller is OPEN_PRINCIPAL). */
  auth?: AuthSettings;
  /** Where acknowledgements, silences and sign-ins are recorded; absent: an AuditLog on `store`. */
  audit?: AuditLog;
  /** Alarm changes for the web UI's live stream (GET /api/v1/stream), fed by the pipeline; absent: a stream nothing feeds. */
  live?: LiveBroadcaster;
}
