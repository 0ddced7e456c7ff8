import { escapeHtml } from './html.js';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** "12 d 4 h left", "5 h 20 min left", "expired 2 d ago": days and hours, as a NOC reads a grace period. */
export function countdownText(until: number, now: number): string {
  const left = until - now;
  if (left <= 0) return `expired ${spanText(-left)} ago`;
  return `${spanText(left)} left`;
}

function spanText(ms: number): string {
  if (ms >= DAY_MS) return `${Math.floor(ms / DAY_MS)} d ${Math.floor((ms % DAY_MS) / HOUR_MS)} h`;
  if (ms >= HOUR_MS) return `${Math.floor(ms / HOUR_MS)} h ${Math.floor((ms % HOUR_MS) / 60_000)} min`;
  return `${Math.max(1, Math.ceil(ms / 60_000))} min`;
}

/**
 * A countdown that countdown.js keeps current (data-until) and that reads right without scripts as rendered.
 * The bar shows the share of the grace still left, when its start is known.
 */
export function countdownHtml(untilIso: string, now: number, startedIso: string | null): string {
  const until = Date.parse(untilIso);
  const started = startedIso ? Date.parse(startedIso) : null;
  const share = started !== null && until > started ? Math.min(1, Math.max(0, (until - now) / (until - started))) : null;
  const bar = share === null ? '' : `<meter min="0" max="1" value="${share.toFixed(3)}" low="0.25" optimum="1" title="${Math.round(share * 100)} % of the grace left"></meter>`;
  return `<span class="countdown" data-until="${escapeHtml(untilIso)}">${escapeHtml(countdownText(until, now))}</span>${bar}`;
}
