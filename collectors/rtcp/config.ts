import { z } from 'zod';
import { idSchema } from '../../src/fleet/field-schemas.js';
import { isAddressOrCidr as isPrefix } from '../shared/address-prefix.js';
import { DEFAULT_CODECS } from './codec-table.js';

/** Every default of the RTCP collector, in one place (README and sample.yaml show the same values). */
export const DEFAULT_RTCP_CONFIG = {
  /** Off until configured, like snmp: a listener on every interface is a choice, and 5005 may be taken (README). */
  enabled: false,
  listenAddress: '0.0.0.0',
  port: 5005,
  receiveBufferBytes: 4194304,
  streamTimeoutSeconds: 30,
  flushIntervalMs: 1000,
  maxStreams: 20000,
  maxSamplesPerCall: 4320,
  rttFromLsr: true,
  defaultCodec: 'G.711',
  codecs: DEFAULT_CODECS,
  thresholds: {
    jitterMs: 20,
    roundTripMs: 350,
    lossPercent: 0.5,
    mosBelow: null,
    graceSeconds: 5,
    raiseAlarms: true,
  },
  siteThresholds: [],
  degradation: {
    enabled: true,
    windowMinutes: 15,
    poorPercent: 20,
    minCalls: 5,
    evaluateSeconds: 60,
  },
  sources: [],
  trunks: [],
} as const;

const d = DEFAULT_RTCP_CONFIG;
const address = z.union([z.ipv4(), z.ipv6()]);
const prefix = z.string().refine(isPrefix, { message: 'expected an IPv4 or IPv6 address or CIDR block such as 10.20.0.0/16' });

const codecSchema = z.strictObject({
  name: z.string().min(1),
  payloadTypes: z.array(z.number().int().min(0).max(127)).default([]),
  clockRate: z.number().int().min(1000).max(192000),
  ie: z.number().min(0).max(95),
  bpl: z.number().positive().max(100),
  delayMs: z.number().min(0).max(1000).default(0),
  estimated: z.boolean().default(false),
});

/** IP Office's QoS alarm thresholds (System Events › QoS Monitoring): jitter 20 ms, round trip 350 ms, loss 0.5 %. */
const thresholdFields = {
  jitterMs: z.number().positive().max(10_000),
  roundTripMs: z.number().positive().max(60_000),
  lossPercent: z.number().min(0).max(100),
  /** Poor below this MOS; null: no MOS threshold (IP Office has none). */
  mosBelow: z.number().min(1).max(5).nullable(),
};

const thresholdsSchema = z.strictObject({
  jitterMs: thresholdFields.jitterMs.default(d.thresholds.jitterMs),
  roundTripMs: thresholdFields.roundTripMs.default(d.thresholds.roundTripMs),
  lossPercent: thresholdFields.lossPercent.default(d.thresholds.lossPercent),
  mosBelow: thresholdFields.mosBelow.default(d.thresholds.mosBelow),
  /** No threshold alarm in a segment's first seconds (IP Office: 5 s). */
  graceSeconds: z.number().int().min(0).max(3600).default(d.thresholds.graceSeconds),
  raiseAlarms: z.boolean().default(d.thresholds.raiseAlarms),
});

const siteThresholdSchema = z.strictObject({
  site: idSchema,
  /** Only this customer's site of that id; omitted: every site with the id. */
  customer: idSchema.optional(),
  jitterMs: thresholdFields.jitterMs.optional(),
  roundTripMs: thresholdFields.roundTripMs.optional(),
  lossPercent: thresholdFields.lossPercent.optional(),
  mosBelow: thresholdFields.mosBelow.optional(),
});

const degradationSchema = z.strictObject({
  enabled: z.boolean().default(d.degradation.enabled),
  windowMinutes: z.number().int().min(1).max(1440).default(d.degradation.windowMinutes),
  poorPercent: z.number().min(0).max(100).default(d.degradation.poorPercent),
  minCalls: z.number().int().min(1).max(100_000).default(d.degradation.minCalls),
  evaluateSeconds: z.number().int().min(1).max(3600).default(d.degradation.evaluateSeconds),
});

/** RTCP from these addresses belongs to this node (phone subnets, NAT, an IP Office's other LAN; IPOFFICE-98866). */
const sourceSchema = z.strictObject({ prefix, node: idSchema });

/** A trunk's far-end media addresses: calls whose remote party is one of them count for the trunk. */
const trunkSchema = z.strictObject({ id: idSchema, node: idSchema, addresses: z.array(prefix).min(1) });

export const rtcpConfigSchema = z
  .strictObject({
    enabled: z.boolean().default(d.enabled),
    listenAddress: address.default(d.listenAddress),
    port: z.number().int().min(0).max(65535).default(d.port),
    /** SO_RCVBUF; the kernel caps it at net.core.rmem_max. 0 keeps the OS default. */
    receiveBufferBytes: z.number().int().min(0).max(1 << 30).default(d.receiveBufferBytes),
    /** A stream with no report for this long has ended (phones report every 5 s). */
    streamTimeoutSeconds: z.number().int().min(5).max(3600).default(d.streamTimeoutSeconds),
    /** How often call records and samples are written to the store, ms. */
    flushIntervalMs: z.number().int().min(50).max(60_000).default(d.flushIntervalMs),
    /** Streams tracked at once (memory bound); reports for new streams beyond it are dropped and counted. */
    maxStreams: z.number().int().min(1).max(1_000_000).default(d.maxStreams),
    /** Reports kept per call segment (4320 = 6 h at 5 s); later ones update the record but are not stored. */
    maxSamplesPerCall: z.number().int().min(1).max(1_000_000).default(d.maxSamplesPerCall),
    /** Round trip from LSR/DLSR with our clock as the SR sender's (needs NTP-synchronised clocks). */
    rttFromLsr: z.boolean().default(d.rttFromLsr),
    /** The codec assumed when nothing names it (RTCP carries no payload type). */
    defaultCodec: z.string().min(1).default(d.defaultCodec),
    codecs: z.array(codecSchema).min(1).default(() => structuredClone(DEFAULT_CODECS)),
    thresholds: thresholdsSchema.prefault({}),
    siteThresholds: z.array(siteThresholdSchema).default([]),
    degradation: degradationSchema.prefault({}),
    sources: z.array(sourceSchema).default([]),
    trunks: z.array(trunkSchema).default([]),
  })
  .superRefine((config, ctx) => {
    const names = new Set<string>();
    config.codecs.forEach((codec, i) => {
      if (names.has(codec.name)) ctx.addIssue({ code: 'custom', path: ['codecs', i, 'name'], message: `duplicate codec name "${codec.name}"` });
      names.add(codec.name);
    });
    if (!names.has(config.defaultCodec)) ctx.addIssue({ code: 'custom', path: ['defaultCodec'], message: `expected one of the codecs' names (${[...names].join(', ')})` });
    const trunks = new Set<string>();
    config.trunks.forEach((trunk, i) => {
      if (trunks.has(`${trunk.node}/${trunk.id}`)) ctx.addIssue({ code: 'custom', path: ['trunks', i, 'id'], message: `duplicate trunk "${trunk.id}" on node ${trunk.node}` });
      trunks.add(`${trunk.node}/${trunk.id}`);
    });
  });

export type RtcpConfig = z.infer<typeof rtcpConfigSchema>;
export type RtcpThresholds = Pick<RtcpConfig['thresholds'], 'jitterMs' | 'roundTripMs' | 'lossPercent' | 'mosBelow'>;
