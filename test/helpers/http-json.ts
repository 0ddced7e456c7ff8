import assert from 'node:assert/strict';

/** GETs a URL and parses JSON, failing the test with the body when the status is not the expected one. */
export async function getJson<T = any>(url: string, expectedStatus = 200): Promise<T> {
  const response = await fetch(url);
  const body = await response.text();
  assert.equal(response.status, expectedStatus, `GET ${url} -> ${response.status}: ${body}`);
  return JSON.parse(body) as T;
}

export async function getText(url: string): Promise<string> {
  const response = await fetch(url);
  assert.equal(response.status, 200, `GET ${url} -> ${response.status}`);
  return response.text();
}

/** Reads one sample from Prometheus text, e.g. metricValue(text, 'ipo_collector_refused_total', { collector: 'syslog', reason: 'oversize' }). */
export function metricValue(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels);
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const match = /^([a-z_]+)(?:\{(.*)\})? (.+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = new Map([...(match[2] ?? '').matchAll(/([a-z_]+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (found.size === wanted.length && wanted.every(([k, v]) => found.get(k) === v)) return Number(match[3]);
  }
  return 0;
}
