// Keeps the licence countdowns (rendered by src/web/countdown.ts) current while the page stays open on a wall.
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const EVERY_MS = 30_000;

function spanText(ms) {
  if (ms >= DAY_MS) return `${Math.floor(ms / DAY_MS)} d ${Math.floor((ms % DAY_MS) / HOUR_MS)} h`;
  if (ms >= HOUR_MS) return `${Math.floor(ms / HOUR_MS)} h ${Math.floor((ms % HOUR_MS) / 60000)} min`;
  return `${Math.max(1, Math.ceil(ms / 60000))} min`;
}

/** The same words as countdownText() on the server. */
export function countdownText(until, now) {
  const left = until - now;
  return left <= 0 ? `expired ${spanText(-left)} ago` : `${spanText(left)} left`;
}

function update() {
  const now = Date.now();
  for (const element of document.querySelectorAll('.countdown[data-until]')) {
    const until = Date.parse(element.dataset.until);
    if (!Number.isNaN(until)) element.textContent = countdownText(until, now);
  }
}

setInterval(update, EVERY_MS);
