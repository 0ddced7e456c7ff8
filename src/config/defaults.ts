import { DEFAULT_AUTH_CONFIG } from '../api/auth/config.js';
import { DEFAULT_RTCP_CONFIG } from '../../collectors/rtcp/config.js';
import { DEFAULT_SNMP_CONFIG } from '../../collectors/snmp/config.js';
import { DEFAULT_SSA_CONFIG } from '../../collectors/ssa/config.js';
import { DEFAULT_SYSLOG_CONFIG } from '../../collectors/syslog/config.js';
import { DEFAULT_CORRELATION_CONFIG } from '../correlation/policy.js';
import { DEFAULT_LICENCE_CONFIG } from '../licence/config.js';
import { DEFAULT_RESILIENCY_CONFIG } from '../resiliency/config.js';
import { DEFAULT_NOTIFIERS_CONFIG } from '../../notifiers/config-schema.js';
import { DEFAULT_SINKS_CONFIG } from '../sinks/config-schema.js';

/**
 * Every default of the configuration, one named object per section. The schema
 * (schema.ts) reads them from here and config/example.yaml documents the same
 * values; defaults.test.ts keeps defaultConfig() equal to DEFAULTS.
 */

export const DEFAULT_SERVER_CONFIG = {
  http: {
    /** Loopback: any other address needs server.auth users or tokens. */
    listenAddress: '127.0.0.1',
    port: 8080,
    /**
     * Reverse proxies whose X-Forwarded-For is believed (addresses or CIDR blocks). Empty: the socket's peer is the
     * client, so a client cannot pick the address its rate limits and audit entries are kept under.
     */
    trustedProxies: [] as readonly string[],
  },
  /** Base of the links in notifications (the alarm at <publicUrl>/api/v1/alarms/<id>). */
  publicUrl: 'http://127.0.0.1:8080',
  auth: DEFAULT_AUTH_CONFIG,
} as const;

export const DEFAULT_STORAGE_CONFIG = {
  /** Relative paths are resolved against the working directory. */
  dataDir: './data',
  retention: {
    eventsDays: 30,
    clearedAlarmsDays: 90,
    auditDays: 365,
  },
} as const;

export const DEFAULT_PIPELINE_CONFIG = {
  queueCapacity: 10000,
  batchSize: 500,
} as const;

export const DEFAULT_LOG_CONFIG = {
  level: 'info',
} as const;

export const DEFAULT_FLEET_CONFIG = {
  customers: [],
} as const;

/** All defaults in one object, including the collectors', which live beside their own schemas. */
export const DEFAULTS = {
  server: DEFAULT_SERVER_CONFIG,
  storage: DEFAULT_STORAGE_CONFIG,
  pipeline: DEFAULT_PIPELINE_CONFIG,
  log: DEFAULT_LOG_CONFIG,
  correlation: DEFAULT_CORRELATION_CONFIG,
  licence: DEFAULT_LICENCE_CONFIG,
  resiliency: DEFAULT_RESILIENCY_CONFIG,
  collectors: {
    syslog: DEFAULT_SYSLOG_CONFIG,
    snmp: DEFAULT_SNMP_CONFIG,
    ssa: DEFAULT_SSA_CONFIG,
    rtcp: DEFAULT_RTCP_CONFIG,
  },
  sinks: DEFAULT_SINKS_CONFIG,
  notifiers: DEFAULT_NOTIFIERS_CONFIG,
  fleet: DEFAULT_FLEET_CONFIG,
} as const;
