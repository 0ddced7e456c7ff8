import { z } from 'zod';
import { isAddressOrCidr } from '../shared/address-prefix.js';
import { DEFAULT_RATE_LIMIT, rateLimitSchema } from '../shared/source-rate-limit.js';

/** Every default of the syslog collector, in one place (README and sample.yaml show the same values). */
export const DEFAULT_SYSLOG_CONFIG = {
  enabled: true,
  udp: {
    enabled: true,
    listenAddress: '0.0.0.0',
    port: 5514,
    receiveBufferBytes: 4194304,
    allowedSources: [],
    unlistedSources: 'keep',
  },
  tcp: {
    enabled: false,
    listenAddress: '0.0.0.0',
    port: 5514,
    maxConnections: 256,
    maxConnectionsPerSource: 32,
    idleTimeoutSeconds: 3600,
    allowedSources: [],
    unlistedSources: 'keep',
  },
  tls: {
    enabled: false,
    listenAddress: '0.0.0.0',
    port: 6514,
    maxConnections: 256,
    maxConnectionsPerSource: 32,
    idleTimeoutSeconds: 3600,
    certFile: null,
    keyFile: null,
    caFile: null,
    requireClientCert: false,
    allowedSources: [],
    unlistedSources: 'keep',
  },
  maxMessageBytes: 8192,
  rateLimit: DEFAULT_RATE_LIMIT,
} as const;

const address = z.union([z.ipv4(), z.ipv6()]);
const port = z.number().int().min(0).max(65535);
const sourceList = z.array(
  z.string().refine(isAddressOrCidr, { message: 'expected an IPv4 or IPv6 address or CIDR block such as 10.0.0.0/8' }),
);
/** keep: the message is stored, flagged unlistedSource and counted; refuse: it is refused (TCP/TLS: the connection is closed). */
const unlistedSources = z.enum(['keep', 'refuse']);
const file = z.string().min(1).nullable();

const udpSchema = z.strictObject({
  enabled: z.boolean().default(DEFAULT_SYSLOG_CONFIG.udp.enabled),
  listenAddress: address.default(DEFAULT_SYSLOG_CONFIG.udp.listenAddress),
  port: port.default(DEFAULT_SYSLOG_CONFIG.udp.port),
  /** SO_RCVBUF: what the kernel holds while we are busy; the kernel caps it at net.core.rmem_max. 0 keeps the OS default. */
  receiveBufferBytes: z.number().int().min(0).max(1 << 30).default(DEFAULT_SYSLOG_CONFIG.udp.receiveBufferBytes),
  allowedSources: sourceList.default([]),
  unlistedSources: unlistedSources.default(DEFAULT_SYSLOG_CONFIG.udp.unlistedSources),
});

const streamFields = (defaults: typeof DEFAULT_SYSLOG_CONFIG.tcp | typeof DEFAULT_SYSLOG_CONFIG.tls) => ({
  enabled: z.boolean().default(defaults.enabled),
  listenAddress: address.default(defaults.listenAddress),
  port: port.default(defaults.port),
  /** Connections beyond this are closed at once and counted. */
  maxConnections: z.number().int().min(1).max(100_000).default(defaults.maxConnections),
  /** Open connections from one sender address at most; more are closed at once and counted. */
  maxConnectionsPerSource: z.number().int().min(1).max(100_000).default(defaults.maxConnectionsPerSource),
  /** A connection silent this long is closed; 0 never closes one. */
  idleTimeoutSeconds: z.number().int().min(0).max(86_400 * 7).default(defaults.idleTimeoutSeconds),
  allowedSources: sourceList.default([]),
  unlistedSources: unlistedSources.default(defaults.unlistedSources),
});

const tcpSchema = z.strictObject(streamFields(DEFAULT_SYSLOG_CONFIG.tcp));

const tlsSchema = z
  .strictObject({
    ...streamFields(DEFAULT_SYSLOG_CONFIG.tls),
    /** PEM files; the key stays in its file (never inline in the config). */
    certFile: file.default(DEFAULT_SYSLOG_CONFIG.tls.certFile),
    keyFile: file.default(DEFAULT_SYSLOG_CONFIG.tls.keyFile),
    caFile: file.default(DEFAULT_SYSLOG_CONFIG.tls.caFile),
    requireClientCert: z.boolean().default(DEFAULT_SYSLOG_CONFIG.tls.requireClientCert),
  })
  .superRefine((tls, ctx) => {
    if (!tls.enabled) return;
    if (tls.certFile === null) ctx.addIssue({ code: 'custom', path: ['certFile'], message: 'required when tls.enabled is true: the server certificate, a PEM file' });
    if (tls.keyFile === null) ctx.addIssue({ code: 'custom', path: ['keyFile'], message: 'required when tls.enabled is true: the private key of certFile, a PEM file' });
    if (tls.requireClientCert && tls.caFile === null) {
      ctx.addIssue({ code: 'custom', path: ['caFile'], message: 'required when requireClientCert is true: the CA that signed the senders’ certificates, a PEM file' });
    }
  });

export const syslogConfigSchema = z.strictObject({
  enabled: z.boolean().default(DEFAULT_SYSLOG_CONFIG.enabled),
  udp: udpSchema.prefault({}),
  tcp: tcpSchema.prefault({}),
  tls: tlsSchema.prefault({}),
  /** Longer messages are refused (reason "oversize"), not truncated: a cut alarm text would mislead. */
  maxMessageBytes: z.number().int().min(480).max(1_048_576).default(DEFAULT_SYSLOG_CONFIG.maxMessageBytes),
  /** Per sender address, over every listener; the excess is dropped (reason rate-limited) and raises collector.source-storm. */
  rateLimit: rateLimitSchema.prefault({}),
});

export type SyslogConfig = z.infer<typeof syslogConfigSchema>;
