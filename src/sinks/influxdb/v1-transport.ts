import type { Transport } from '@influxdata/influxdb-client';

export interface V1Target {
  database: string;
  /** Empty: the database's default retention policy. */
  retentionPolicy: string;
}

/** The v2 API spells precisions ns/us/ms/s; InfluxDB 1.x's /write wants n/u/ms/s. */
const V1_PRECISION: Record<string, string> = { ns: 'n', us: 'u', ms: 'ms', s: 's' };

/**
 * Maps the client's `/api/v2/write?org=…&bucket=…&precision=…` to InfluxDB 1.x's `/write?db=…&rp=…&precision=…`
 * (1.x before 1.8 has no /api/v2/write). Other paths pass unchanged. Pure.
 */
export function rewriteWritePath(path: string, target: V1Target): string {
  const url = new URL(path, 'http://influxdb.invalid');
  if (url.pathname !== '/api/v2/write') return path;
  const query = new URLSearchParams({ db: target.database });
  if (target.retentionPolicy) query.set('rp', target.retentionPolicy);
  const precision = url.searchParams.get('precision');
  if (precision) query.set('precision', V1_PRECISION[precision] ?? precision);
  return `/write?${query.toString()}`;
}

/** Wraps the client's own transport so its write API talks to InfluxDB 1.x (../shared/reference/deps.md §4). */
export function v1Transport(base: Transport, target: V1Target): Transport {
  return {
    send: (path, body, options, callbacks) => base.send(rewriteWritePath(path, target), body, options, callbacks),
    request: (path, body, options, responseStarted) => base.request(rewriteWritePath(path, target), body, options, responseStarted),
    iterate: (path, body, options) => base.iterate(rewriteWritePath(path, target), body, options),
    get chunkCombiner() {
      return base.chunkCombiner;
    },
  };
}
