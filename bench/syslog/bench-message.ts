/** A numbered RFC 3164 line of 120 bytes: "msgnum:NNNNNNNN:" is rsyslog's testbench convention for sequence checks. */
export function benchMessage(seq: number): Buffer {
  return Buffer.from(`<134>Nov 21 05:10:17 benchhost IPOffice: msgnum:${String(seq).padStart(8, '0')}: bench payload to make a typical 120-byte line`);
}
