import type { PacketBody } from './parse-reports.js';
import type { PacketResult } from './parse-result.js';
import type { AvayaSubtype4, AvayaSubtype5 } from './rtcp-packet.js';

export const AVAYA_APP_NAME = '-AV-';
const SUBTYPE4_BYTES = 46;
const MAX_HOPS = 32;

/** APP (RFC 3550 §6.7): subtype, SSRC, 4-character name, raw data; Avaya `-AV-` subtypes 4 and 5 decoded too. */
export function parseApp({ bytes, start, end, count }: PacketBody): PacketResult {
  if (end - start < 8) return { skip: 'malformed-app' };
  const name = bytes.toString('latin1', start + 4, start + 8);
  const data = bytes.subarray(start + 8, end);
  const avaya = name === AVAYA_APP_NAME ? decodeAvaya(count, data) : null;
  return { packet: { type: 'app', subtype: count, ssrc: bytes.readUInt32BE(start), name, dataHex: data.toString('hex'), avaya } };
}

/**
 * The layouts come from a public parser, not from Avaya (collectors/rtcp/README.md
 * "Known limits"): data too short for the layout is kept raw only.
 */
function decodeAvaya(subtype: number, data: Buffer): AvayaSubtype4 | AvayaSubtype5 | null {
  if (subtype === 4 && data.length >= SUBTYPE4_BYTES) {
    return {
      subtype: 4,
      incomingSsrc: data.readUInt32BE(0),
      metricMask: data.readUInt32BE(4),
      receivedPackets: data.readUInt32BE(8),
      receivedOctets: data.readUInt32BE(12),
      roundTripMs: data.readUInt16BE(16),
      jitterBufferDelayMs: data.readUInt16BE(18),
      largestSeqJump: data[20]!,
      largestSeqFall: data[21]!,
      maxJitter: data.readUInt32BE(22),
      seqJumpInstances: data.readUInt16BE(26),
      seqFallInstances: data.readUInt16BE(28),
      remoteAddress: ipv4(data, 30),
      remoteRtcpPort: data.readUInt16BE(34),
      payloadType: data[36]!,
      frameSize: data[37]!,
      ttl: data[38]!,
      dscp: data[39]!,
      mediaEncryption: data[40]!,
      silenceSuppression: data[41]!,
      rtpSourcePort: data.readUInt16BE(42),
      rtpDestinationPort: data.readUInt16BE(44),
    };
  }
  if (subtype === 5 && data.length >= 13) {
    const count = Math.min(data[12]!, MAX_HOPS, Math.floor((data.length - 13) / 4));
    const hops: string[] = [];
    for (let i = 0; i < count; i++) hops.push(ipv4(data, 13 + 4 * i));
    return { subtype: 5, incomingSsrc: data.readUInt32BE(0), metricMask: data.readUInt32BE(4), controllerAddress: ipv4(data, 8), hops };
  }
  return null;
}

function ipv4(bytes: Buffer, at: number): string {
  return `${bytes[at]}.${bytes[at + 1]}.${bytes[at + 2]}.${bytes[at + 3]}`;
}
