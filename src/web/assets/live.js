// Live updates for the server-rendered pages: listens to /api/v1/stream (server-sent events) and, when an alarm
// that matters to this page changes, fetches the page again and swaps its [data-live-region] elements in place.
// Without JavaScript the pages still work (they reload themselves through a <noscript> refresh).

const REFRESH_DELAY_MS = 300;
/** At most one refetch per 2 s per page, so an alarm storm does not turn into a request storm (and rate limits). */
const MIN_INTERVAL_MS = 2000;
const status = document.getElementById('live-status');
const regions = () => [...document.querySelectorAll('[data-live-region][id]')];
let timer = null;
let inFlight = false;
let again = false;
let wasDown = false;
let lastRefreshAt = 0;

function setStatus(state, text) {
  if (!status) return;
  status.className = `live ${state}`;
  status.textContent = text;
}

function relevant(changes) {
  const alarmPage = document.querySelector('[data-live-region][data-alarm-id]');
  if (alarmPage) return changes.some((c) => String(c.id) === alarmPage.dataset.alarmId);
  const nodePage = document.querySelector('[data-live-region][data-node-id]');
  if (nodePage) return changes.some((c) => c.nodeId === nodePage.dataset.nodeId);
  return true;
}

/** Someone is typing a note: do not pull the form out from under them. */
function busy(region) {
  const active = document.activeElement;
  if (active && region.contains(active) && (active.tagName === 'TEXTAREA' || active.tagName === 'INPUT' || active.tagName === 'SELECT')) return true;
  return [...region.querySelectorAll('textarea, input[type="text"], input:not([type])')].some((field) => field.value !== '');
}

function schedule() {
  if (timer === null) timer = setTimeout(refresh, Math.max(REFRESH_DELAY_MS, lastRefreshAt + MIN_INTERVAL_MS - Date.now()));
}

async function refresh() {
  timer = null;
  if (inFlight) {
    again = true;
    return;
  }
  inFlight = true;
  lastRefreshAt = Date.now();
  try {
    const response = await fetch(location.href, { headers: { accept: 'text/html' }, credentials: 'same-origin', cache: 'no-store' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const next = new DOMParser().parseFromString(await response.text(), 'text/html');
    let paused = false;
    for (const region of regions()) {
      const replacement = next.getElementById(region.id);
      if (!replacement) continue;
      if (busy(region)) {
        paused = true;
        continue;
      }
      swap(region, document.importNode(replacement, true));
    }
    setStatus('on', paused ? 'live · paused while you type' : `live · ${new Date().toLocaleTimeString()}`);
    document.dispatchEvent(new CustomEvent('live:updated'));
  } catch {
    setStatus('off', 'live · update failed');
  } finally {
    inFlight = false;
    if (again) {
      again = false;
      schedule();
    }
  }
}

/** Replaces a region, marks rows that are new, and keeps keyboard focus on the same link if it is still there. */
function swap(region, replacement) {
  const seen = new Set([...region.querySelectorAll('[data-alarm-id]')].map((row) => row.dataset.alarmId));
  const focused = document.activeElement && region.contains(document.activeElement) ? document.activeElement.getAttribute('href') : null;
  region.replaceWith(replacement);
  if (seen.size > 0 || replacement.querySelector('tr[data-alarm-id]')) {
    for (const row of replacement.querySelectorAll('tr[data-alarm-id]')) if (!seen.has(row.dataset.alarmId)) row.classList.add('fresh');
  }
  if (focused) replacement.querySelector(`[href="${CSS.escape(focused)}"]`)?.focus();
}

if ('EventSource' in window && regions().length > 0) {
  const source = new EventSource('/api/v1/stream');
  source.addEventListener('open', () => {
    setStatus('on', 'live');
    if (wasDown) schedule(); // catch up on what changed while disconnected
    wasDown = false;
  });
  source.addEventListener('error', () => {
    wasDown = true;
    setStatus('off', 'reconnecting…');
    // The browser gives up on a refused stream (not a dropped one). Signed out or expired: go to the sign-in page.
    if (source.readyState === EventSource.CLOSED) {
      fetch('/api/v1/session', { cache: 'no-store' })
        .then((response) => {
          if (response.status === 401) location.assign(`/login?next=${encodeURIComponent(location.pathname + location.search)}`);
        })
        .catch(() => {});
    }
  });
  source.addEventListener('alarms', (event) => {
    try {
      if (relevant(JSON.parse(event.data))) schedule();
    } catch {
      schedule();
    }
  });
  const every = Number(document.querySelector('[data-live-every]')?.dataset.liveEvery ?? 0);
  if (every > 0) setInterval(schedule, every * 1000);
  window.addEventListener('pagehide', () => source.close());
}
