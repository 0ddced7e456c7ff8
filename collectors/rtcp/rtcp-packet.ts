/** RTCP packet types (RFC 3550, 4585, 3611, 5450). */
export const PT = { IJ: 195, SR: 200, RR: 201, SDES: 202, BYE: 203, APP: 204, RTPFB: 205, PSFB: 206, XR: 207 } as const;

/** RFC 3550 §6.4.1 report block: one source's reception statistics, as the reporter saw them. */
export interface ReportBlock {
  ssrc: number;
  /** Lost / expected since the previous report, × 256 (0…255). */
  fractionLost: number;
  /** Signed 24 bit: duplicates can make it negative. */
  cumulativeLost: number;
  extendedHighestSeq: number;
  /** In RTP timestamp units of the reported stream. */
  jitter: number;
  /** Middle 32 bits of the NTP time of the last SR received from the source; 0 = none. */
  lsr: number;
  /** Delay since that SR, 1/65536 s. */
  dlsr: number;
}

export interface SenderInfo {
  ntpSeconds: number;
  ntpFraction: number;
  rtpTimestamp: number;
  packetCount: number;
  octetCount: number;
}

export interface SenderReport {
  type: 'sr';
  ssrc: number;
  sender: SenderInfo;
  reports: ReportBlock[];
}

export interface ReceiverReport {
  type: 'rr';
  ssrc: number;
  reports: ReportBlock[];
}

export interface SdesItem {
  /** 1 CNAME, 2 NAME, 3 EMAIL, 4 PHONE, 5 LOC, 6 TOOL, 7 NOTE, 8 PRIV. */
  type: number;
  text: string;
}

export interface SourceDescription {
  type: 'sdes';
  chunks: Array<{ ssrc: number; items: SdesItem[] }>;
}

export interface Goodbye {
  type: 'bye';
  ssrcs: number[];
  reason: string | null;
}

/** Avaya `-AV-` APP subtype 4: the phone's own reception statistics (layout from public parsers; confirm with captures). */
export interface AvayaSubtype4 {
  subtype: 4;
  incomingSsrc: number;
  metricMask: number;
  receivedPackets: number;
  receivedOctets: number;
  roundTripMs: number;
  jitterBufferDelayMs: number;
  largestSeqJump: number;
  largestSeqFall: number;
  maxJitter: number;
  seqJumpInstances: number;
  seqFallInstances: number;
  remoteAddress: string;
  remoteRtcpPort: number;
  payloadType: number;
  frameSize: number;
  ttl: number;
  dscp: number;
  mediaEncryption: number;
  silenceSuppression: number;
  rtpSourcePort: number;
  rtpDestinationPort: number;
}

/** Avaya `-AV-` APP subtype 5: the path to the communications controller. */
export interface AvayaSubtype5 {
  subtype: 5;
  incomingSsrc: number;
  metricMask: number;
  controllerAddress: string;
  hops: string[];
}

export interface AppPacket {
  type: 'app';
  subtype: number;
  ssrc: number;
  /** Four ASCII characters, e.g. "-AV-", "PING". */
  name: string;
  /** Application data as hex, kept raw. */
  dataHex: string;
  /** Decoded `-AV-` subtypes 4 and 5; null for other names, other subtypes, or data too short. */
  avaya: AvayaSubtype4 | AvayaSubtype5 | null;
}

/** RFC 3611 §4.7 VoIP Metrics (BT 7); 127 means unavailable where the RFC says so (null here). */
export interface VoipMetrics {
  blockType: 7;
  ssrc: number;
  /** 0…255, /256. */
  lossRate: number;
  discardRate: number;
  burstDensity: number;
  gapDensity: number;
  burstDurationMs: number;
  gapDurationMs: number;
  /** 0 = unavailable (null). */
  roundTripDelayMs: number | null;
  endSystemDelayMs: number | null;
  signalLevelDbm: number | null;
  noiseLevelDbm: number | null;
  rerlDb: number | null;
  gmin: number;
  rFactor: number | null;
  extRFactor: number | null;
  /** MOS × 10 on the wire; here the MOS (1.0…5.0). */
  mosLq: number | null;
  mosCq: number | null;
  /** PLC: 3 standard, 2 enhanced, 1 disabled, 0 unspecified. */
  plc: number;
  /** JBA: 3 adaptive, 2 non-adaptive, 0 unknown. */
  jitterBufferAdaptive: number;
  jitterBufferRate: number;
  jitterBufferNominalMs: number;
  jitterBufferMaxMs: number;
  jitterBufferAbsMaxMs: number;
}

export interface ReceiverReferenceTime {
  blockType: 4;
  ntpSeconds: number;
  ntpFraction: number;
}

/** DLRR (BT 5): lets a receiver compute round trip: A − LRR − DLRR. */
export interface Dlrr {
  blockType: 5;
  subBlocks: Array<{ ssrc: number; lrr: number; dlrr: number }>;
}

export interface OtherXrBlock {
  blockType: number;
  /** Block length in 32-bit words (not counting the block header). */
  words: number;
}

export type XrBlock = VoipMetrics | ReceiverReferenceTime | Dlrr | OtherXrBlock;

export interface ExtendedReport {
  type: 'xr';
  ssrc: number;
  blocks: XrBlock[];
}

/** RFC 4585 transport or payload-specific feedback: kept as a header only. */
export interface Feedback {
  type: 'rtpfb' | 'psfb';
  fmt: number;
  senderSsrc: number;
  mediaSsrc: number;
}

export type RtcpPacket = SenderReport | ReceiverReport | SourceDescription | Goodbye | AppPacket | ExtendedReport | Feedback;

export function isVoipMetrics(block: XrBlock): block is VoipMetrics {
  return block.blockType === 7 && 'mosLq' in block;
}
