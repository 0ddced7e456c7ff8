/**
 * ITU-T G.107 E-model, narrowband, as every open-source monitor uses it
 * (reference: ../shared/reference/ipo-and-voip.md §2): R = 93.2 − Id − Ie,eff + A,
 * with the Cole–Rosenbluth delay impairment in place of G.107's echo terms. Pure.
 */

/** R with every G.107 parameter at its default and no impairment. */
export const R_DEFAULT = 93.2;
const DELAY_KNEE_MS = 177.3;

export interface EmodelInput {
  /** Codec equipment impairment (G.113 Appendix I), e.g. 0 for G.711, 11 for G.729A. */
  ie: number;
  /** Packet-loss robustness, e.g. 25.1 for G.711 with PLC. */
  bpl: number;
  /** Packet loss (network loss plus jitter-buffer discards), percent. */
  lossPercent: number;
  /** One-way mouth-to-ear delay, ms. */
  oneWayDelayMs: number;
  /** 1 for random loss, > 1 for bursty loss. */
  burstR?: number;
  /** Advantage factor A: 0 wired, 5 mobile in a building, 10 cellular, 20 satellite. */
  advantage?: number;
}

/** Cole–Rosenbluth: Id = 0.024·d + 0.11·(d − 177.3)·H(d − 177.3). */
export function delayImpairment(oneWayDelayMs: number): number {
  const d = Math.max(0, oneWayDelayMs);
  return 0.024 * d + (d > DELAY_KNEE_MS ? 0.11 * (d - DELAY_KNEE_MS) : 0);
}

/** Ie,eff = Ie + (95 − Ie) · Ppl / (Ppl / BurstR + Bpl). */
export function effectiveEquipmentImpairment(ie: number, bpl: number, lossPercent: number, burstR = 1): number {
  const ppl = Math.min(100, Math.max(0, lossPercent));
  if (ppl === 0) return ie;
  return ie + ((95 - ie) * ppl) / (ppl / burstR + bpl);
}

export function rFactor(input: EmodelInput): number {
  return R_DEFAULT - delayImpairment(input.oneWayDelayMs) - effectiveEquipmentImpairment(input.ie, input.bpl, input.lossPercent, input.burstR) + (input.advantage ?? 0);
}

/** G.107 Annex B: 1 below R 0, 4.5 from R 100, the cubic between; clamped to 1…4.5 (the cubic dips under 1 near R 0). */
export function mosFromR(r: number): number {
  if (r <= 0) return 1;
  if (r >= 100) return 4.5;
  const mos = 1 + 0.035 * r + r * (r - 60) * (100 - r) * 7e-6;
  return Math.min(4.5, Math.max(1, mos));
}

export function emodel(input: EmodelInput): { r: number; mos: number } {
  const r = rFactor(input);
  return { r, mos: mosFromR(r) };
}
