// Draws the collectors page's rate chart with uPlot (bundled, /assets/vendor), from the JSON the server embeds.
import uPlot from '/assets/vendor/uPlot.esm.js';

const COLOURS = ['#0b63c5', '#d9480f', '#2b8a3e', '#862e9c', '#b07800', '#495057'];
let chart = null;

function draw() {
  const holder = document.getElementById('rate-chart');
  const data = document.getElementById('rate-data');
  if (!holder || !data) return;
  const history = JSON.parse(data.textContent || '{}');
  chart?.destroy();
  chart = null;
  if (!history.times || history.times.length < 2) return;
  holder.replaceChildren();
  const width = Math.max(300, holder.clientWidth - 16);
  chart = new uPlot(
    {
      width,
      height: Math.round(Math.min(320, Math.max(160, width / 5))),
      series: [{}, ...history.collectors.map((name, i) => ({ label: name, stroke: COLOURS[i % COLOURS.length], width: 2, value: (_u, v) => (v == null ? '—' : `${v}/s`) }))],
      axes: [{}, { label: 'events/s', size: 60 }],
      scales: { y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] } },
    },
    [history.times, ...history.series],
    holder,
  );
}

draw();
document.addEventListener('live:updated', draw);
window.addEventListener('resize', () => chart?.setSize({ width: Math.max(300, document.getElementById('rate-chart').clientWidth - 16), height: chart.height }));
