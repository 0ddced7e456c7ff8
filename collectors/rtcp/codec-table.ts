/**
 * What the collector knows per codec: the RTP clock rate (to turn jitter from
 * timestamp units into ms) and the E-model parameters. G.711 and G.729A values
 * are ITU-T G.113 Appendix I as every tool uses them; G.722 and Opus have no
 * agreed narrowband values, so they are scored as G.711 and marked estimated.
 * Configurable as `collectors.rtcp.codecs` (sample.yaml).
 */
export interface CodecEntry {
  name: string;
  /** Static RTP payload types (RFC 3551) and any dynamic ones configured for it. */
  payloadTypes: number[];
  /** RTP clock, Hz: 8000 for G.711, G.729 and (RFC 3551's quirk) G.722; 48000 for Opus. */
  clockRate: number;
  ie: number;
  bpl: number;
  /** One-way codec delay (framing, look-ahead, packetisation) added to the network delay, ms. */
  delayMs: number;
  /** MOS from these values is a ranking, not a measurement. */
  estimated: boolean;
}

// delayMs: half of Avaya SSA's "codec delay" of round trip (G.711 40 ms, G.729 80 ms, G.723a 160 ms).
export const DEFAULT_CODECS: CodecEntry[] = [
  { name: 'G.711', payloadTypes: [0, 8], clockRate: 8000, ie: 0, bpl: 25.1, delayMs: 20, estimated: false },
  { name: 'G.729', payloadTypes: [18], clockRate: 8000, ie: 11, bpl: 19, delayMs: 40, estimated: false },
  { name: 'G.723.1', payloadTypes: [4], clockRate: 8000, ie: 15, bpl: 16.1, delayMs: 80, estimated: false },
  { name: 'G.722', payloadTypes: [9], clockRate: 8000, ie: 0, bpl: 25.1, delayMs: 20, estimated: true },
  { name: 'Opus', payloadTypes: [], clockRate: 48000, ie: 0, bpl: 25.1, delayMs: 20, estimated: true },
];

/** Lookups over the configured table. */
export class CodecTable {
  private readonly byPayloadType = new Map<number, CodecEntry>();
  private readonly byName = new Map<string, CodecEntry>();

  constructor(
    entries: readonly CodecEntry[],
    private readonly defaultName: string,
  ) {
    for (const entry of entries) {
      this.byName.set(entry.name, entry);
      for (const pt of entry.payloadTypes) if (!this.byPayloadType.has(pt)) this.byPayloadType.set(pt, entry);
    }
  }

  /** The codec RTCP does not name: RTCP carries no payload type, so this is an assumption (README). */
  get default(): CodecEntry {
    return this.byName.get(this.defaultName)!;
  }

  forPayloadType(pt: number): CodecEntry | undefined {
    return this.byPayloadType.get(pt);
  }

  named(name: string): CodecEntry | undefined {
    return this.byName.get(name);
  }

  /** The first codec with this RTP clock rate (an SR-inferred 48000 Hz is Opus). */
  withClockRate(rate: number): CodecEntry | undefined {
    for (const entry of this.byName.values()) if (entry.clockRate === rate) return entry;
    return undefined;
  }
}
