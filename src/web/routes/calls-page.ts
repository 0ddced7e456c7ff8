import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../../api/deps.js';
import { nodeIdsFor } from '../../api/filters.js';
import { serialiseQosCall, serialiseQosSample } from '../../api/qos-serialise.js';
import { serialiseAlarm } from '../../api/serialise.js';
import type { QosCall } from '../../qos/qos-call.js';
import { renderCallBody } from '../call-page.js';
import { renderCallsBody, type ApiQosCall, type CallFilters } from '../calls-page.js';
import { parseFormTime } from '../form-time.js';
import { DEFAULT_QOS_LIMITS, type QosLimits } from '../quality.js';
import { NO_SCRIPT_REFRESH_SECONDS, sendPage } from './page-shell.js';

const PAGE_SIZE = 100;
/** As the API's call detail: 6 h of reports at the phones' 5 s interval. */
const SAMPLES_LIMIT = 5000;
const ALARMS_SCANNED = 500;
const DIRECTIONS_SCANNED = 200;

/** Form values arrive as strings, empty when a field was left blank; bad ones are shown on the page, not a 400. */
const callsQuery = z.object({
  extension: z.string().max(64).optional(),
  site: z.string().max(200).optional(),
  trunk: z.string().max(200).optional(),
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
  poor: z.string().max(8).optional(),
  before: z.string().max(40).optional(),
});

/** Voice quality pages: /calls (search and list) and /calls/:id (one call over time, with the node's alarms meanwhile). */
export function callsPageRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  const limitsOf = (call: Pick<ApiQosCall, 'customerId' | 'siteId'>): QosLimits => deps.qosThresholds?.(call.customerId, call.siteId) ?? DEFAULT_QOS_LIMITS;
  // The site filter's choices: the fleet is fixed for the life of the process, so built once.
  const sites = [...deps.fleet.nodes().reduce<Map<string, { id: string; name: string; customerName: string }>>((all, row) => all.set(row.site.id, { id: row.site.id, name: row.site.name, customerName: row.customer.name }), new Map()).values()];
  return async (app) => {
    app.get('/calls', { schema: { querystring: callsQuery } }, async (request, reply) => {
      const q = request.query;
      const filters: CallFilters = {
        ...(q.extension?.trim() && { extension: q.extension.trim() }),
        ...(q.site && { site: q.site }),
        ...(q.trunk?.trim() && { trunk: q.trunk.trim() }),
        ...(q.from && { from: q.from }),
        ...(q.to && { to: q.to }),
        ...(q.poor === 'true' && { poor: true }),
      };
      const from = parseFormTime(filters.from);
      const to = parseFormTime(filters.to);
      const before = q.before && /^\d+\.\d+$/.test(q.before) ? q.before.split('.').map(Number) : null;
      let error: string | undefined;
      if (from === null || to === null) error = 'A time could not be read; use the date and time fields (UTC).';
      else if (from !== undefined && to !== undefined && from >= to) error = '“From” must be before “To”.';
      let calls: QosCall[] = [];
      if (!error) {
        const nodeIds = filters.site ? nodeIdsFor(deps.fleet, { site: filters.site }) : undefined;
        calls = deps.store.listQosCalls({
          ...(filters.extension && { extension: filters.extension }),
          ...(filters.trunk && { trunk: filters.trunk }),
          ...(nodeIds !== undefined && { nodeIds }),
          ...(typeof from === 'number' && { from }),
          ...(typeof to === 'number' && { to }),
          ...(filters.poor && { poor: true }),
          ...(before && { before: { startedAt: before[0]!, id: before[1]! } }),
          limit: PAGE_SIZE,
        });
      }
      const last = calls.at(-1);
      const body = renderCallsBody({
        calls: calls.map((call) => serialiseQosCall(call, deps.fleet)),
        filters,
        sites,
        limitsOf,
        nextBefore: calls.length === PAGE_SIZE && last ? `${last.startedAt}.${last.id}` : null,
        ...(error && { error }),
      });
      const page = { title: 'Voice quality', section: 'calls' as const, body, scripts: ['live.js'], live: true, refreshSeconds: NO_SCRIPT_REFRESH_SECONDS, styles: ['ops-pages.css'] };
      return sendPage(request, reply, deps, page, error ? 400 : 200);
    });

    app.get('/calls/:id', { schema: { params: z.object({ id: z.string().max(20) }) } }, async (request, reply) => {
      const id = /^\d+$/.test(request.params.id) ? Number(request.params.id) : null;
      const call = id === null ? null : deps.store.getQosCall(id);
      if (!call) {
        const body = `<p class="empty">No call record ${escapeId(request.params.id)}; it may have passed the retention period.</p><p><a href="/calls">All calls</a></p>`;
        return sendPage(request, reply, deps, { title: 'Call not found', section: 'calls', body }, 404);
      }
      const end = call.endedAt ?? call.lastReportAt;
      const apiCall = serialiseQosCall(call, deps.fleet);
      const site = call.nodeId ? deps.fleet.node(call.nodeId)?.site : undefined;
      const body = renderCallBody({
        siteName: (id) => (site?.id === id ? site.name : id),
        call: apiCall,
        limits: limitsOf(apiCall),
        otherDirections: otherDirectionsOf(deps, call).map((other) => serialiseQosCall(other, deps.fleet)),
        reports: deps.store.listQosSamples(call.id, SAMPLES_LIMIT).map(serialiseQosSample),
        alarms: call.nodeId
          ? deps.store
              .listAlarms({ nodeId: call.nodeId, limit: ALARMS_SCANNED })
              .filter((alarm) => alarm.firstSeen <= end && (alarm.clearedAt ?? Number.MAX_SAFE_INTEGER) >= call.startedAt)
              .map((alarm) => serialiseAlarm(alarm, deps.fleet))
          : [],
      });
      const title = `Call ${call.extension ? `of ${call.extension} ` : ''}at ${new Date(call.startedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
      return sendPage(request, reply, deps, { title, section: 'calls', body, scripts: ['call-chart.js'], styles: ['vendor/uPlot.min.css', 'ops-pages.css'] });
    });
  };
}

/** The other end's records of the same call: the stream it received is the one this end sent (SSRCs crossed). */
function otherDirectionsOf(deps: ApiDeps, call: QosCall): QosCall[] {
  if (call.ssrc === null && call.remoteSsrc === null) return [];
  return deps.store
    .listQosCalls({ from: call.startedAt, to: (call.endedAt ?? call.lastReportAt) + 1, limit: DIRECTIONS_SCANNED })
    .filter((other) => other.id !== call.id && ((call.remoteSsrc !== null && other.ssrc === call.remoteSsrc) || (call.ssrc !== null && other.remoteSsrc === call.ssrc)));
}

function escapeId(text: string): string {
  return text.replace(/[^\w.-]/g, '');
}
