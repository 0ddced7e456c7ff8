import { z } from 'zod';
import { DEFAULT_RATE_LIMIT, rateLimitSchema } from '../shared/source-rate-limit.js';

/** Every default of the SNMP collector, in one place (README and sample.yaml show the same values). */
export const DEFAULT_SNMP_CONFIG = {
  /** Off until configured: an SNMP listener on every interface is a choice, and its port must be free. */
  enabled: false,
  traps: {
    enabled: true,
    listenAddress: '0.0.0.0',
    port: 1162,
  },
  communities: ['public'],
  users: [],
  engineId: null,
  mibFolder: null,
  polling: {
    enabled: true,
    timeoutMs: 2000,
    retries: 1,
  },
  rateLimit: DEFAULT_RATE_LIMIT,
} as const;

export const AUTH_PROTOCOLS = ['md5', 'sha', 'sha224', 'sha256', 'sha384', 'sha512'] as const;
export const PRIV_PROTOCOLS = ['des', 'aes', 'aes256b', 'aes256r'] as const;
export const SECURITY_LEVELS = ['noAuthNoPriv', 'authNoPriv', 'authPriv'] as const;

/**
 * A secret: never logged (src/log.ts redacts *.community, *.authKey, *.privKey),
 * never echoed in config errors (the messages below do not start with
 * "expected", so the loader does not quote the value), never stored in events.
 */
export const secretSchema = (what: string, min = 1) =>
  z
    .string()
    // A custom issue: the loader prints its message as is, without "got <value>".
    .superRefine((value, ctx) => {
      if (value.length < min) ctx.addIssue({ code: 'custom', message: `must be at least ${min} character${min === 1 ? "" : "s"} long (the value is secret and not shown)` });
    })
    .describe(`secret: ${what}`)
    .meta({ secret: true, expected: `a ${what} (secret)` });

export const snmpUserSchema = z
  .strictObject({
    name: z.string().min(1).max(32),
    level: z.enum(SECURITY_LEVELS).default('authPriv'),
    authProtocol: z.enum(AUTH_PROTOCOLS).default('sha'),
    /** RFC 3414 §11.2: passwords of at least 8 characters. */
    authKey: secretSchema('v3 authentication password', 8).optional(),
    privProtocol: z.enum(PRIV_PROTOCOLS).default('aes'),
    privKey: secretSchema('v3 privacy password', 8).optional(),
  })
  .superRefine((user, ctx) => {
    if (user.level !== 'noAuthNoPriv' && !user.authKey) ctx.addIssue({ code: 'custom', path: ['authKey'], message: `is required for level ${user.level}` });
    if (user.level === 'authPriv' && !user.privKey) ctx.addIssue({ code: 'custom', path: ['privKey'], message: 'is required for level authPriv' });
  });

export type SnmpUserConfig = z.infer<typeof snmpUserSchema>;

const trapsSchema = z.strictObject({
  enabled: z.boolean().default(DEFAULT_SNMP_CONFIG.traps.enabled),
  listenAddress: z.union([z.ipv4(), z.ipv6()]).default(DEFAULT_SNMP_CONFIG.traps.listenAddress),
  port: z.number().int().min(0).max(65535).default(DEFAULT_SNMP_CONFIG.traps.port),
});

const pollingSchema = z.strictObject({
  enabled: z.boolean().default(DEFAULT_SNMP_CONFIG.polling.enabled),
  timeoutMs: z.number().int().min(100).max(60_000).default(DEFAULT_SNMP_CONFIG.polling.timeoutMs),
  retries: z.number().int().min(0).max(5).default(DEFAULT_SNMP_CONFIG.polling.retries),
});

/** An SNMP engine id: 5 to 32 octets, written in hex (with or without 0x), quoted in YAML. */
export const engineIdSchema = z
  .union([z.string(), z.number()])
  .superRefine((value, ctx) => {
    if (typeof value !== 'string') ctx.addIssue({ code: 'custom', message: 'expected an SNMP engine id in quotes, e.g. "0x80001f8880c0ffee0001" (unquoted, YAML reads 0x… as a number)' });
    else if (!/^(0x)?([0-9a-fA-F]{2}){5,32}$/.test(value)) ctx.addIssue({ code: 'custom', message: 'expected an SNMP engine id: 5 to 32 octets in hex, e.g. "0x80001f8880c0ffee0001"' });
  })
  .transform((value) => String(value).replace(/^0x/, '').toLowerCase());

export const snmpConfigSchema = z
  .strictObject({
    enabled: z.boolean().default(DEFAULT_SNMP_CONFIG.enabled),
    traps: trapsSchema.prefault({}),
    /** v1/v2c communities accepted from any sender; a node's own list (fleet) narrows it for that node. */
    communities: z.array(secretSchema('community string')).default([...DEFAULT_SNMP_CONFIG.communities]),
    /** SNMPv3 users (USM), shared by the receiver and the poller; nodes name the ones they may use. */
    users: z.array(snmpUserSchema).default([]),
    /** Our engine id, which v3 informs are sent to; null: a new random one at each start. */
    engineId: engineIdSchema.nullable().default(DEFAULT_SNMP_CONFIG.engineId),
    /** A folder of extra SMIv2 MIB files to name OIDs with; null: none. */
    mibFolder: z.string().min(1).nullable().default(DEFAULT_SNMP_CONFIG.mibFolder),
    polling: pollingSchema.prefault({}),
    /** Per sender (UDP source address): the excess is dropped before decoding (reason rate-limited), one collector.source-storm alarm. */
    rateLimit: rateLimitSchema.prefault({}),
  })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.users.forEach((user, i) => {
      if (seen.has(user.name)) ctx.addIssue({ code: 'custom', path: ['users', i, 'name'], message: `duplicate user name "${user.name}"` });
      seen.add(user.name);
    });
  });

export type SnmpConfig = z.infer<typeof snmpConfigSchema>;
