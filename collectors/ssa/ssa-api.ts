import { CodedError } from '../../src/errors.js';
import type { Collector } from '../types.js';
import type { SsaIngestOutcome, SsaIngestRequest } from './ingest.js';

/** Reasons the API refuses before a snapshot is read (the rest are SNAPSHOT_REFUSAL_REASONS). */
export const API_REFUSAL_REASONS = ['unauthorized', 'too-large'] as const;

/** What POST /api/v1/ssa/alarms needs from the SSA collector. */
export interface SsaIngestApi {
  /** null when the caller may post; otherwise the coded error to answer with (counted). */
  authorise(authorization: string | undefined): CodedError | null;
  ingest(request: SsaIngestRequest): Promise<SsaIngestOutcome>;
  /** Counts a request refused before ingest (e.g. too-large). */
  refused(reason: (typeof API_REFUSAL_REASONS)[number]): void;
}

export interface SsaIngestSource {
  ssa: SsaIngestApi;
}

export function isSsaIngestSource(collector: Collector): collector is Collector & SsaIngestSource {
  return typeof (collector as Partial<SsaIngestSource>).ssa === 'object';
}

const OFF = new CodedError('IPO_ERR_NOT_FOUND', 'the SSA collector is off: set collectors.ssa.enabled: true and give it a token in collectors.ssa.tokens');

/** For main.ts: the running SSA collector's API, looked up per request because collectors start after the HTTP server. */
export function ssaIngestOf(collectors: () => ReadonlyArray<{ collector: Collector }>): SsaIngestApi {
  const find = () => collectors().map(({ collector }) => collector).find(isSsaIngestSource)?.ssa;
  return {
    authorise: (authorization) => {
      const api = find();
      return api ? api.authorise(authorization) : OFF;
    },
    ingest: (request) => {
      const api = find();
      return api ? api.ingest(request) : Promise.reject(OFF);
    },
    refused: (reason) => find()?.refused(reason),
  };
}
