import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CodedError } from '../../errors.js';
import type { ApiDeps } from '../deps.js';
import { limitSchema, nodeIdsFor } from '../filters.js';
import { serialiseEvent } from '../serialise.js';
import { serialiseQosCall, serialiseQosSample, serialiseQosSummaryRow } from '../qos-serialise.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Reports shown with one call: 6 h at the phones' 5 s interval. */
const SAMPLES_LIMIT = 5000;
/** Other events of the node around the call, for "what else was wrong at that moment". */
const NEARBY_MS = 60_000;
const NEARBY_LIMIT = 20;

const time = z.union([z.coerce.number().int().nonnegative(), z.iso.datetime({ offset: true }).transform((s) => Date.parse(s))]);
const where = {
  node: z.string().optional(),
  site: z.string().optional(),
  customer: z.string().optional(),
};

const callFilters = z.strictObject({
  extension: z.string().min(1).optional(),
  trunk: z.string().min(1).optional().describe('the trunk as call records name it'),
  ...where,
  from: time.optional().describe('epoch ms or ISO 8601: calls still running at or after it'),
  to: time.optional().describe('epoch ms or ISO 8601: calls started before it'),
  poor: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  before: z.string().regex(/^\d+\.\d+$/, 'expected the nextBefore of the previous page').optional(),
  limit: limitSchema,
});

const summaryFilters = z.strictObject({
  ...where,
  from: time.optional().describe('default: 24 hours before `to`'),
  to: time.optional().describe('default: now'),
  limit: limitSchema,
});

/** Node ids for node/site/customer filters (intersected); undefined when none is given. */
function nodeFilter(deps: ApiDeps, q: { node?: string | undefined; site?: string | undefined; customer?: string | undefined }): string[] | undefined {
  const ofPlaces = nodeIdsFor(deps.fleet, q);
  if (q.node === undefined) return ofPlaces;
  return ofPlaces ? ofPlaces.filter((id) => id === q.node) : [q.node];
}

/** Call quality: call records (one per call segment), one with its reports over time, and a summary. */
export function qosRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/v1/qos/calls', { schema: { querystring: callFilters } }, async (request) => {
      const q = request.query;
      if (q.from !== undefined && q.to !== undefined && q.from >= q.to) throw new CodedError('IPO_ERR_BAD_REQUEST', '`from` must be before `to`');
      const [startedAt, id] = q.before ? q.before.split('.').map(Number) : [];
      const nodeIds = nodeFilter(deps, q);
      const calls = deps.store.listQosCalls({
        ...(q.extension !== undefined && { extension: q.extension }),
        ...(q.trunk !== undefined && { trunk: q.trunk }),
        ...(nodeIds !== undefined && { nodeIds }),
        ...(q.from !== undefined && { from: q.from }),
        ...(q.to !== undefined && { to: q.to }),
        ...(q.poor !== undefined && { poor: q.poor }),
        ...(startedAt !== undefined && id !== undefined && { before: { startedAt, id } }),
        limit: q.limit,
      });
      const last = calls.at(-1);
      return {
        calls: calls.map((call) => serialiseQosCall(call, deps.fleet)),
        nextBefore: calls.length === q.limit && last ? `${last.startedAt}.${last.id}` : null,
      };
    });

    app.get('/api/v1/qos/calls/:id', { schema: { params: z.strictObject({ id: z.coerce.number().int().positive() }) } }, async (request) => {
      const call = deps.store.getQosCall(request.params.id);
      if (!call) throw new CodedError('IPO_ERR_NOT_FOUND', `no call record ${request.params.id}`);
      const end = call.endedAt ?? call.lastReportAt;
      const nearby = call.nodeId
        ? deps.store.listEvents({ nodeId: call.nodeId, since: call.startedAt - NEARBY_MS, until: end + NEARBY_MS, minSeverity: 'warning', limit: NEARBY_LIMIT })
        : [];
      return {
        call: serialiseQosCall(call, deps.fleet),
        reports: deps.store.listQosSamples(call.id, SAMPLES_LIMIT).map(serialiseQosSample),
        nodeEvents: nearby.map((event) => serialiseEvent(event, deps.fleet)),
      };
    });

    app.get('/api/v1/qos/summary', { schema: { querystring: summaryFilters } }, async (request) => {
      const q = request.query;
      const to = q.to ?? deps.now();
      const from = q.from ?? to - DAY_MS;
      if (from >= to) throw new CodedError('IPO_ERR_BAD_REQUEST', '`from` must be before `to`');
      const nodeIds = nodeFilter(deps, q);
      const summary = deps.store.summariseQos({ from, to, limit: q.limit, ...(nodeIds !== undefined && { nodeIds }) });
      return {
        from: new Date(from).toISOString(),
        to: new Date(to).toISOString(),
        sites: summary.sites.map(serialiseQosSummaryRow),
        trunks: summary.trunks.map(serialiseQosSummaryRow),
        extensions: summary.extensions.map(serialiseQosSummaryRow),
      };
    });
  };
}
