// Draws one call's reports over time (MOS, jitter, round trip, loss) with uPlot, bundled under /assets/vendor/.
// The page renders the same figures as a table, so nothing is lost without scripts.
import uPlot from '/assets/vendor/uPlot.esm.js';

const FOLLOW_MS = 10_000;
const COLOURS = { mos: '#0b63c5', jitter: '#d9480f', rtt: '#6741d9', loss: '#b00020', limit: '#868e96' };

function numberOr(value, fallback) {
  const n = value === '' || value === undefined ? NaN : Number(value);
  return Number.isFinite(n) ? n : fallback;
}

/** Columns in uPlot's shape: x (epoch seconds), then one array per series; null where a report has no figure. */
export function chartData(reports, limits) {
  const at = reports.map((r) => Date.parse(r.at) / 1000);
  const column = (name) => reports.map((r) => (typeof r[name] === 'number' ? r[name] : null));
  return [at, column('mos'), column('jitterMs'), column('roundTripMs'), column('lossPercent'), at.map(() => limits.jitterMs), at.map(() => limits.lossPercent)];
}

function options(width, limits) {
  const dashed = { stroke: COLOURS.limit, dash: [6, 4], width: 1, points: { show: false } };
  return {
    width,
    height: Math.max(240, Math.min(420, Math.round(width * 0.3))),
    cursor: { drag: { x: true, y: false } },
    scales: { x: { time: true }, mos: { range: [1, 5] }, ms: { auto: true, range: (_u, _min, max) => [0, Math.max(max ?? 0, limits.jitterMs) * 1.1] }, pct: { auto: true, range: (_u, _min, max) => [0, Math.max(max ?? 0, limits.lossPercent) * 1.2] } },
    axes: [
      {},
      { scale: 'mos', label: 'MOS', stroke: COLOURS.mos },
      { scale: 'ms', label: 'ms', side: 1, stroke: COLOURS.jitter, grid: { show: false } },
      { scale: 'pct', label: 'loss %', side: 1, stroke: COLOURS.loss, grid: { show: false } },
    ],
    series: [
      { label: 'time (UTC)', value: (_u, v) => (v === null ? '–' : new Date(v * 1000).toISOString().slice(11, 19)) },
      { label: 'MOS', scale: 'mos', stroke: COLOURS.mos, width: 2, value: (_u, v) => (v === null ? '–' : v.toFixed(2)) },
      { label: 'jitter ms', scale: 'ms', stroke: COLOURS.jitter, width: 2 },
      { label: 'round trip ms', scale: 'ms', stroke: COLOURS.rtt, width: 1.5 },
      { label: 'loss %', scale: 'pct', stroke: COLOURS.loss, width: 2, paths: uPlot.paths.stepped({ align: 1 }) },
      { label: `jitter limit ${limits.jitterMs} ms`, scale: 'ms', ...dashed },
      { label: `loss limit ${limits.lossPercent} %`, scale: 'pct', ...dashed, stroke: '#e599a3' },
    ],
  };
}

async function draw(container) {
  const limits = {
    jitterMs: numberOr(container.dataset.jitterLimit, 20),
    lossPercent: numberOr(container.dataset.lossLimit, 0.5),
  };
  container.dataset.state = 'loading';
  try {
    const response = await fetch(container.dataset.src, { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`the call's data answered ${response.status}`);
    const { reports, call } = await response.json();
    const data = chartData(reports, limits);
    const width = () => Math.max(320, container.clientWidth);
    const plot = new uPlot(options(width(), limits), data, container);
    container.dataset.points = String(reports.length);
    container.dataset.state = 'drawn';
    if (call.active) follow(container, plot, limits);
    let pending = 0;
    window.addEventListener('resize', () => {
      cancelAnimationFrame(pending);
      pending = requestAnimationFrame(() => plot.setSize({ width: width(), height: plot.height }));
    });
  } catch (error) {
    container.dataset.state = 'failed';
    const message = document.createElement('p');
    message.className = 'error';
    message.textContent = `The chart could not be drawn: ${error.message}. The reports are in the table below.`;
    container.append(message);
  }
}

/** A call still running: new reports join the chart until the call ends. */
function follow(container, plot, limits) {
  const timer = setInterval(async () => {
    try {
      const response = await fetch(container.dataset.src, { headers: { accept: 'application/json' } });
      if (!response.ok) return;
      const { reports, call } = await response.json();
      plot.setData(chartData(reports, limits));
      container.dataset.points = String(reports.length);
      if (!call.active) clearInterval(timer);
    } catch {
      // The next tick tries again; the chart keeps what it has.
    }
  }, FOLLOW_MS);
}

const container = document.getElementById('call-chart');
if (container) draw(container);
