// Builds RTCP bytes for tests, fixtures and the benchmark: what real tools on Debian
// cannot send (XR, Avaya -AV-, reduced-size, malformed). Cross-checked against tshark.

export interface BlockSpec {
  ssrc: number;
  fractionLost?: number;
  cumulativeLost?: number;
  extendedHighestSeq?: number;
  jitter?: number;
  lsr?: number;
  dlsr?: number;
}

/** Header + body, with the length field set; `pad` adds RFC 3550 padding (P bit, last octet = count). */
export function packet(pt: number, count: number, body: Buffer, options: { pad?: number; lengthWords?: number } = {}): Buffer {
  const pad = options.pad ?? 0;
  const total = 4 + body.length + pad;
  const out = Buffer.alloc(total);
  out[0] = 0x80 | (pad > 0 ? 0x20 : 0) | (count & 0x1f);
  out[1] = pt;
  out.writeUInt16BE(options.lengthWords ?? total / 4 - 1, 2);
  body.copy(out, 4);
  if (pad > 0) out[total - 1] = pad;
  return out;
}

export function reportBlock(spec: BlockSpec): Buffer {
  const b = Buffer.alloc(24);
  b.writeUInt32BE(spec.ssrc >>> 0, 0);
  b[4] = spec.fractionLost ?? 0;
  b.writeUIntBE((spec.cumulativeLost ?? 0) & 0xffffff, 5, 3);
  b.writeUInt32BE((spec.extendedHighestSeq ?? 1000) >>> 0, 8);
  b.writeUInt32BE(spec.jitter ?? 0, 12);
  b.writeUInt32BE(spec.lsr ?? 0, 16);
  b.writeUInt32BE(spec.dlsr ?? 0, 20);
  return b;
}

export function receiverReport(ssrc: number, blocks: BlockSpec[] = [], options: { count?: number } = {}): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(ssrc >>> 0);
  return packet(201, options.count ?? blocks.length, Buffer.concat([head, ...blocks.map(reportBlock)]));
}

export function senderReport(ssrc: number, sender: { ntpSeconds: number; ntpFraction?: number; rtpTimestamp: number; packetCount: number; octetCount: number }, blocks: BlockSpec[] = []): Buffer {
  const head = Buffer.alloc(24);
  head.writeUInt32BE(ssrc >>> 0, 0);
  head.writeUInt32BE(sender.ntpSeconds >>> 0, 4);
  head.writeUInt32BE((sender.ntpFraction ?? 0) >>> 0, 8);
  head.writeUInt32BE(sender.rtpTimestamp >>> 0, 12);
  head.writeUInt32BE(sender.packetCount >>> 0, 16);
  head.writeUInt32BE(sender.octetCount >>> 0, 20);
  return packet(200, blocks.length, Buffer.concat([head, ...blocks.map(reportBlock)]));
}

/** One chunk with the given items (type, text), ended and padded to 32 bits. */
export function sdes(ssrc: number, items: Array<[number, string]>): Buffer {
  const parts: Buffer[] = [Buffer.alloc(4)];
  parts[0]!.writeUInt32BE(ssrc >>> 0);
  for (const [type, text] of items) {
    const value = Buffer.from(text, 'utf8');
    parts.push(Buffer.from([type, value.length]), value);
  }
  let chunk = Buffer.concat(parts);
  chunk = Buffer.concat([chunk, Buffer.alloc(4 - (chunk.length % 4))]); // ≥ 1 null octet, then to the boundary
  return packet(202, 1, chunk);
}

export function bye(ssrcs: number[], reason?: string): Buffer {
  const parts = ssrcs.map((ssrc) => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(ssrc >>> 0);
    return b;
  });
  if (reason !== undefined) {
    const text = Buffer.from(reason, 'utf8');
    const r = Buffer.concat([Buffer.from([text.length]), text]);
    parts.push(Buffer.concat([r, Buffer.alloc((4 - (r.length % 4)) % 4)]));
  }
  return packet(203, ssrcs.length, Buffer.concat(parts));
}

export function app(ssrc: number, subtype: number, name: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(ssrc >>> 0, 0);
  head.write(name, 4, 'latin1');
  return packet(204, subtype, Buffer.concat([head, data]));
}

export interface AvayaSpec {
  incomingSsrc: number;
  receivedPackets: number;
  roundTripMs: number;
  jitterBufferDelayMs: number;
  maxJitter: number;
  remoteAddress: string;
  payloadType: number;
}

/** Avaya `-AV-` subtype 4 data, 48 bytes, in the layout of the public parser (parse-app.ts). */
export function avayaSubtype4(spec: AvayaSpec): Buffer {
  const d = Buffer.alloc(48);
  d.writeUInt32BE(spec.incomingSsrc >>> 0, 0);
  d.writeUInt32BE(0xffffffff, 4);
  d.writeUInt32BE(spec.receivedPackets, 8);
  d.writeUInt32BE(spec.receivedPackets * 160, 12);
  d.writeUInt16BE(spec.roundTripMs, 16);
  d.writeUInt16BE(spec.jitterBufferDelayMs, 18);
  d[20] = 2;
  d[21] = 1;
  d.writeUInt32BE(spec.maxJitter, 22);
  d.writeUInt16BE(3, 26);
  d.writeUInt16BE(1, 28);
  Buffer.from(spec.remoteAddress.split('.').map(Number)).copy(d, 30);
  d.writeUInt16BE(2049, 34);
  d[36] = spec.payloadType;
  d[37] = 20;
  d[38] = 64;
  d[39] = 46;
  d.writeUInt16BE(2048, 42);
  d.writeUInt16BE(2050, 44);
  return d;
}

export interface VoipMetricsSpec {
  ssrc: number;
  lossRate?: number;
  discardRate?: number;
  burstDensity?: number;
  gapDensity?: number;
  burstDurationMs?: number;
  gapDurationMs?: number;
  roundTripDelayMs?: number;
  endSystemDelayMs?: number;
  signalLevel?: number;
  noiseLevel?: number;
  rerl?: number;
  gmin?: number;
  rFactor?: number;
  extRFactor?: number;
  mosLq?: number;
  mosCq?: number;
  rxConfig?: number;
  jbNominal?: number;
  jbMax?: number;
  jbAbsMax?: number;
}

/** An XR VoIP Metrics block (BT 7, block length 8); MOS values are given ×10 as on the wire. */
export function voipMetricsBlock(spec: VoipMetricsSpec): Buffer {
  const b = Buffer.alloc(36);
  b[0] = 7;
  b.writeUInt16BE(8, 2);
  b.writeUInt32BE(spec.ssrc >>> 0, 4);
  b[8] = spec.lossRate ?? 0;
  b[9] = spec.discardRate ?? 0;
  b[10] = spec.burstDensity ?? 0;
  b[11] = spec.gapDensity ?? 0;
  b.writeUInt16BE(spec.burstDurationMs ?? 0, 12);
  b.writeUInt16BE(spec.gapDurationMs ?? 0, 14);
  b.writeUInt16BE(spec.roundTripDelayMs ?? 0, 16);
  b.writeUInt16BE(spec.endSystemDelayMs ?? 0, 18);
  b.writeInt8(spec.signalLevel ?? 127, 20);
  b.writeInt8(spec.noiseLevel ?? 127, 21);
  b[22] = spec.rerl ?? 127;
  b[23] = spec.gmin ?? 16;
  b[24] = spec.rFactor ?? 127;
  b[25] = spec.extRFactor ?? 127;
  b[26] = spec.mosLq ?? 127;
  b[27] = spec.mosCq ?? 127;
  b[28] = spec.rxConfig ?? 0;
  b.writeUInt16BE(spec.jbNominal ?? 0, 30);
  b.writeUInt16BE(spec.jbMax ?? 0, 32);
  b.writeUInt16BE(spec.jbAbsMax ?? 0, 34);
  return b;
}

/** An XR packet from `ssrc` with the given blocks (already built). */
export function xr(ssrc: number, blocks: Buffer[]): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(ssrc >>> 0);
  return packet(207, 0, Buffer.concat([head, ...blocks]));
}

/** An XR block of any type with `words` 32-bit words of zeros (skip-by-length tests). */
export function xrBlock(blockType: number, words: number): Buffer {
  const b = Buffer.alloc(4 + 4 * words);
  b[0] = blockType;
  b.writeUInt16BE(words, 2);
  return b;
}

/** NTP time (seconds since 1900) as the 32-bit "middle" used by LSR. */
export function ntpMiddle(epochMs: number): number {
  const seconds = Math.floor(epochMs / 1000) + 2_208_988_800;
  const fraction = Math.floor(((epochMs % 1000) / 1000) * 65536);
  return ((seconds & 0xffff) * 65536 + fraction) >>> 0;
}
