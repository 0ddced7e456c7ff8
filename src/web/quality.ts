import type { RtcpThresholds } from '../../collectors/rtcp/config.js';
import { DEFAULT_RTCP_CONFIG } from '../../collectors/rtcp/config.js';
import { escapeHtml } from './html.js';

export type QosLimits = RtcpThresholds;
export type QualityLevel = 'ok' | 'warn' | 'bad' | 'none';

/** IP Office's own thresholds (collectors.rtcp.thresholds defaults), for a server built without the RTCP config. */
export const DEFAULT_QOS_LIMITS: QosLimits = {
  jitterMs: DEFAULT_RTCP_CONFIG.thresholds.jitterMs,
  roundTripMs: DEFAULT_RTCP_CONFIG.thresholds.roundTripMs,
  lossPercent: DEFAULT_RTCP_CONFIG.thresholds.lossPercent,
  mosBelow: DEFAULT_RTCP_CONFIG.thresholds.mosBelow,
};

/** Amber from this share of a limit: the figure is close enough to be worth a look. */
const WARN_SHARE = 0.75;
/**
 * MOS bands when the site sets no MOS threshold (IP Office has none): ITU-T G.107 Annex B's "many users
 * dissatisfied" below 3.6, "some" below 4.0.
 */
const MOS_BAD = 3.6;
const MOS_WARN = 4.0;

/** A figure where higher is worse (jitter, loss, round trip) against its limit. */
export function levelAbove(value: number | null, limit: number): QualityLevel {
  if (value === null) return 'none';
  if (value > limit) return 'bad';
  return value >= limit * WARN_SHARE ? 'warn' : 'ok';
}

export function mosLevel(mos: number | null, mosBelow: number | null): QualityLevel {
  if (mos === null) return 'none';
  const bad = mosBelow ?? MOS_BAD;
  if (mos < bad) return 'bad';
  return mos < Math.max(MOS_WARN, bad + 0.4) ? 'warn' : 'ok';
}

const LEVEL_WORDS: Record<QualityLevel, string> = { ok: 'within limits', warn: 'near the limit', bad: 'beyond the limit', none: 'not measured' };

/**
 * One figure as a table cell: coloured by level (class q-ok/q-warn/q-bad in the page's CSS) and, so colour is
 * never the only cue, a "!" after a figure beyond its limit and the limit in the title.
 */
export function figureCell(text: string, level: QualityLevel, limitText: string | null): string {
  if (level === 'none') return '<td class="num q-none">–</td>';
  const title = `${LEVEL_WORDS[level]}${limitText ? ` (limit ${limitText})` : ''}`;
  const marker = level === 'bad' ? '<b class="q-mark" aria-hidden="true"> !</b>' : '';
  return `<td class="num q-${level}" title="${escapeHtml(title)}">${escapeHtml(text)}${marker}</td>`;
}

export function fixed(value: number | null, digits: number): string {
  return value === null ? '–' : value.toFixed(digits);
}
