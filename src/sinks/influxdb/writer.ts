import { HttpError, InfluxDB, setLogger, type WriteApi } from '@influxdata/influxdb-client';
import type { Logger } from 'pino';
import type { InfluxdbSinkConfig } from './config.js';
import { v1Transport } from './v1-transport.js';

/** Writes lines and resolves when the server has answered 2xx; rejects otherwise. */
export interface LineWriter {
  write(lines: readonly string[]): Promise<void>;
}

export interface InfluxCredentials {
  /** v2 API token (for 1.8+ with auth: "user:password"). */
  token: string | null;
  username: string | null;
  password: string | null;
}

/** Lines per request is bounded by the sender; this only keeps the client's own size trigger out of the way. */
const CLIENT_BATCH_LIMIT = 1_000_000;

/**
 * The client's write API, used one request at a time: its batch size and flush timer are disabled and its retries
 * are off, because the spool in front of it is the retry buffer, and because the client's close() returns before
 * writes it started on its own have finished (deps.md §4). Each write() is writeRecords() plus an awaited flush().
 */
export function createInfluxWriter(config: InfluxdbSinkConfig, credentials: InfluxCredentials, log?: Logger): LineWriter {
  routeClientLog(log);
  const connection = { url: config.url, timeout: config.timeoutSeconds * 1000, ...(config.apiVersion === 'v2' && credentials.token ? { token: credentials.token } : {}) };
  const client =
    config.apiVersion === 'v1'
      ? new InfluxDB({ ...connection, transport: v1Transport(new InfluxDB(connection).transport, { database: config.database, retentionPolicy: config.retentionPolicy }) })
      : new InfluxDB(connection);
  const headers: Record<string, string> = {};
  if (config.apiVersion === 'v1' && credentials.username !== null && credentials.password !== null) {
    headers['Authorization'] = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
  }
  const bucket = config.apiVersion === 'v1' ? config.database : config.bucket;
  const api: WriteApi = client.getWriteApi(config.org, bucket, 'ns', {
    batchSize: CLIENT_BATCH_LIMIT,
    flushInterval: 0,
    maxRetries: 0,
    headers,
    // The client would log every failure to the console; the sink counts and logs them itself.
    writeFailed: () => undefined,
  });
  return {
    async write(lines) {
      api.writeRecords(lines as string[]);
      await api.flush();
    },
  };
}

/**
 * A write the server refused for its content (bad line protocol, a field type conflict, too large): sending it again
 * cannot succeed, so it is dropped and counted. Everything else (no connection, 5xx, 401/403/404, 429) is retried.
 */
export function isPermanentWriteError(error: unknown): boolean {
  return error instanceof HttpError && (error.statusCode === 400 || error.statusCode === 413 || error.statusCode === 422);
}

export function describeWriteError(error: unknown): string {
  if (error instanceof HttpError) return `HTTP ${error.statusCode}: ${error.body || error.message}`.slice(0, 500);
  return error instanceof Error ? error.message : String(error);
}

/**
 * The client logs every failed write to the console, which would flood it during an outage; the sink counts and
 * logs failures itself, so the client's lines go to debug (or nowhere). The client's logger is process-wide.
 */
function routeClientLog(log: Logger | undefined): void {
  const child = log?.child({ component: 'influxdb-client' });
  const forward = (message: string, error?: unknown) => child?.debug({ err: error }, message);
  setLogger({ error: forward, warn: forward });
}
