import { z } from 'zod';
import { secretSchema } from '../../../collectors/snmp/config.js';

/** Every default of the InfluxDB sink, in one place (README and sample.yaml show the same values). */
export const DEFAULT_INFLUXDB_SINK_CONFIG = {
  /** Off by default: the embedded stack needs no InfluxDB. */
  enabled: false,
  url: 'http://127.0.0.1:8086',
  apiVersion: 'v2',
  org: '',
  bucket: 'ipo',
  database: 'ipo',
  retentionPolicy: '',
  token: null,
  tokenEnv: null,
  tokenFile: null,
  username: null,
  password: null,
  batchSize: 1000,
  flushIntervalSeconds: 5,
  timeoutSeconds: 10,
  sampleIntervalSeconds: 10,
  retry: { initialSeconds: 1, maxSeconds: 30 },
  spool: { maxBytes: 268435456, warnPercent: 80 },
} as const;

const D = DEFAULT_INFLUXDB_SINK_CONFIG;

const urlSchema = z
  .string()
  .superRefine((value, ctx) => {
    if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) ctx.addIssue({ code: 'custom', message: 'expected an http:// or https:// URL, e.g. http://127.0.0.1:8086' });
  })
  .meta({ expected: 'an http:// or https:// URL' });

const nullableName = z.string().min(1).nullable();

export const influxdbSinkConfigSchema = z
  .strictObject({
    enabled: z.boolean().default(D.enabled),
    url: urlSchema.default(D.url),
    /** v2: /api/v2/write (InfluxDB 2.x, 3.x, 1.8+); v1: /write?db=… (InfluxDB 1.x before 1.8). */
    apiVersion: z.enum(['v2', 'v1']).default(D.apiVersion),
    org: z.string().default(D.org),
    bucket: z.string().min(1).default(D.bucket),
    database: z.string().min(1).default(D.database),
    retentionPolicy: z.string().default(D.retentionPolicy),
    token: secretSchema('InfluxDB API token').nullable().default(D.token),
    tokenEnv: nullableName.default(D.tokenEnv),
    tokenFile: nullableName.default(D.tokenFile),
    username: secretSchema('InfluxDB 1.x user name').nullable().default(D.username),
    password: secretSchema('InfluxDB 1.x password').nullable().default(D.password),
    batchSize: z.number().int().min(1).max(100_000).default(D.batchSize),
    flushIntervalSeconds: z.number().min(0.01).max(3600).default(D.flushIntervalSeconds),
    timeoutSeconds: z.number().min(0.1).max(600).default(D.timeoutSeconds),
    sampleIntervalSeconds: z.number().min(0.1).max(3600).default(D.sampleIntervalSeconds),
    retry: z
      .strictObject({
        initialSeconds: z.number().min(0.01).max(3600).default(D.retry.initialSeconds),
        maxSeconds: z.number().min(0.01).max(3600).default(D.retry.maxSeconds),
      })
      .prefault({}),
    spool: z
      .strictObject({
        maxBytes: z.number().int().min(65_536).max(1_099_511_627_776).default(D.spool.maxBytes),
        warnPercent: z.number().int().min(1).max(99).default(D.spool.warnPercent),
      })
      .prefault({}),
  })
  .superRefine((config, ctx) => {
    const tokenSources = (['token', 'tokenEnv', 'tokenFile'] as const).filter((key) => config[key] !== null);
    if (tokenSources.length > 1) ctx.addIssue({ code: 'custom', path: [tokenSources[1]!], message: `give the token one way only: token, tokenEnv or tokenFile (${tokenSources.join(' and ')} are set)` });
    if ((config.username === null) !== (config.password === null)) ctx.addIssue({ code: 'custom', path: [config.username === null ? 'username' : 'password'], message: 'username and password go together' });
    if (config.retry.maxSeconds < config.retry.initialSeconds) ctx.addIssue({ code: 'custom', path: ['retry', 'maxSeconds'], message: `must be at least retry.initialSeconds (${config.retry.initialSeconds})` });
  });

export type InfluxdbSinkConfig = z.infer<typeof influxdbSinkConfigSchema>;
