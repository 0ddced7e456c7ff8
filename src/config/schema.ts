import { z } from 'zod';
import { isAddressOrCidr } from '../../collectors/shared/address-prefix.js';
import { authConfigSchema, authRequiredProblem } from '../api/auth/config.js';
import { collectorsConfigSchema } from '../../collectors/config-schema.js';
import { correlationConfigSchema } from '../correlation/policy.js';
import { fleetSchema } from '../fleet/fleet-schema.js';
import { licenceConfigSchema } from '../licence/config.js';
import { resiliencyConfigSchema } from '../resiliency/config.js';
import { notifiersConfigSchema } from '../../notifiers/config-schema.js';
import { sinksConfigSchema } from '../sinks/config-schema.js';
import { DEFAULT_LOG_CONFIG, DEFAULT_PIPELINE_CONFIG, DEFAULT_SERVER_CONFIG, DEFAULT_STORAGE_CONFIG } from './defaults.js';

/** pino's levels; "silent" turns logging off. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const MAX_RETENTION_DAYS = 3650;

const httpSchema = z.strictObject({
  listenAddress: z.union([z.ipv4(), z.ipv6()]).default(DEFAULT_SERVER_CONFIG.http.listenAddress),
  /** 0 picks a free port (tests); the bound port is logged. */
  port: z.number().int().min(0).max(65535).default(DEFAULT_SERVER_CONFIG.http.port),
  /** Behind a reverse proxy: its address, so rate limits and the audit log see each client, not the proxy. */
  trustedProxies: z
    .array(z.string().refine(isAddressOrCidr, { error: 'expected an IPv4/IPv6 address or CIDR block, e.g. 10.0.0.5 or 10.0.0.0/24' }))
    .default([...DEFAULT_SERVER_CONFIG.http.trustedProxies]),
});

const serverSchema = z
  .strictObject({
    http: httpSchema.prefault({}),
    /** Where people reach the web UI and API; links in notifications start with it. */
    publicUrl: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL such as https://noc.example.com' }).default(DEFAULT_SERVER_CONFIG.publicUrl),
    /** Users, API tokens, sessions and rate limits (src/api/auth/README.md). */
    auth: authConfigSchema.prefault({}),
  })
  .superRefine((server, context) => {
    // Exposed beyond this machine without anyone configured would mean an open NOC: refuse to start.
    const problem = authRequiredProblem(server.http.listenAddress, server.auth);
    if (problem) context.addIssue({ code: 'custom', path: ['http', 'listenAddress'], message: problem });
  });

const retentionSchema = z.strictObject({
  eventsDays: z.number().int().min(1).max(MAX_RETENTION_DAYS).default(DEFAULT_STORAGE_CONFIG.retention.eventsDays),
  /** Active alarms are never removed; only cleared ones age out. */
  clearedAlarmsDays: z.number().int().min(1).max(MAX_RETENTION_DAYS).default(DEFAULT_STORAGE_CONFIG.retention.clearedAlarmsDays),
  /** Audit log entries (who acknowledged, silenced, signed in) older than this are deleted. */
  auditDays: z.number().int().min(1).max(MAX_RETENTION_DAYS).default(DEFAULT_STORAGE_CONFIG.retention.auditDays),
});

const storageSchema = z.strictObject({
  dataDir: z.string().min(1).default(DEFAULT_STORAGE_CONFIG.dataDir),
  retention: retentionSchema.prefault({}),
});

const pipelineSchema = z.strictObject({
  /** Events wait here between collectors and the store; when full, collectors count refusals. */
  queueCapacity: z.number().int().min(1).max(10_000_000).default(DEFAULT_PIPELINE_CONFIG.queueCapacity),
  /** Events stored per transaction. */
  batchSize: z.number().int().min(1).max(100_000).default(DEFAULT_PIPELINE_CONFIG.batchSize),
});

const logSchema = z.strictObject({
  level: z.enum(LOG_LEVELS).default(DEFAULT_LOG_CONFIG.level),
});

/** The whole configuration file. Every section is optional: an empty file gives the defaults. */
export const configSchema = z.strictObject({
  server: serverSchema.prefault({}),
  storage: storageSchema.prefault({}),
  pipeline: pipelineSchema.prefault({}),
  log: logSchema.prefault({}),
  correlation: correlationConfigSchema.prefault({}),
  licence: licenceConfigSchema.prefault({}),
  resiliency: resiliencyConfigSchema.prefault({}),
  collectors: collectorsConfigSchema.prefault({}),
  sinks: sinksConfigSchema.prefault({}),
  notifiers: notifiersConfigSchema.prefault({}),
  fleet: fleetSchema.prefault({ customers: [] }),
});

export type Config = z.infer<typeof configSchema>;

/** The configuration used when no file is given. */
export function defaultConfig(): Config {
  return configSchema.parse({});
}
