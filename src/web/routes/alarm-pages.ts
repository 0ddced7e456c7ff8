import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { principalOf, roleAllows } from '../../api/auth/principal.js';
import { postedFromThisSite } from '../../api/auth/same-site.js';
import type { ApiDeps } from '../../api/deps.js';
import { sendError } from '../../api/send-error.js';
import { acknowledgeAudited } from '../../audit/audited-acknowledge.js';
import type { AuditLog } from '../../audit/audit-log.js';
import { serialiseAlarm } from '../../api/serialise.js';
import { CodedError } from '../../errors.js';
import type { FleetNodeRow } from '../../fleet/fleet-index.js';
import { alarmDetailData } from '../alarm-detail-data.js';
import { alarmListQuerySchema, filterAndSort, pageOf, SCAN_LIMIT, storeQueryFor } from '../alarm-list-query.js';
import { renderAlarmPageBody } from '../alarm-page.js';
import { renderAlarmsBody } from '../alarms-page.js';
import { NO_SCRIPT_REFRESH_SECONDS, sendNotFoundPage, sendPage } from './page-shell.js';

const NOTE_MAX = 2000;
const USER_MAX = 100;
const DONE_TEXT: Record<string, string> = { acknowledged: 'Acknowledged.', unacknowledged: 'Acknowledgement withdrawn.' };
/** Refusals by code, so a link cannot put arbitrary text on the page; `conflict` says the state it found. */
const ERROR_TEXT: Record<string, (state: string) => string> = {
  name: () => 'Give your name: authentication is off, so the acknowledgement needs a name to record.',
  conflict: (state) => `Nothing changed: the alarm is ${state} now (someone may have acted on it meanwhile).`,
};

/** /alarms (filters in the query string), /alarms/:id, and the acknowledge form's POST targets. */
export function alarmPageRoutes(deps: ApiDeps, audit: AuditLog): FastifyPluginAsync {
  // The filter form's choices: the fleet is fixed for the life of the process, so built once.
  const places = placesOf(deps.fleet.nodes());
  return async (app) => {
    // Form posts are parsed by the root instance's parser (src/api/auth/form-body.ts, installed by installAuth).
    app.get('/alarms', async (request, reply) => {
      const query = alarmListQuerySchema.parse(request.query ?? {});
      const scanned = deps.store.listAlarms(storeQueryFor(deps.fleet, query));
      const matched = filterAndSort(scanned, query, deps.fleet);
      const { rows, page, pages } = pageOf(matched, query.page);
      const open = deps.store.listAlarms({ open: true, limit: SCAN_LIMIT });
      const bySeverity: Record<string, number> = {};
      for (const alarm of open) if (alarm.state === 'active') bySeverity[alarm.severity] = (bySeverity[alarm.severity] ?? 0) + 1;
      const body = renderAlarmsBody({
        alarms: rows.map((alarm) => serialiseAlarm(alarm, deps.fleet)),
        query,
        total: matched.length,
        page,
        pages,
        truncated: scanned.length >= SCAN_LIMIT,
        summary: { bySeverity, acknowledged: open.filter((a) => a.state === 'acknowledged').length, unknownSenders: open.filter((a) => a.nodeId === null).length },
        places,
      });
      return sendPage(request, reply, deps, { title: 'Alarms', section: 'alarms', body, scripts: ['live.js'], live: true, refreshSeconds: NO_SCRIPT_REFRESH_SECONDS });
    });

    app.get<{ Params: { id: string }; Querystring: Record<string, string> }>('/alarms/:id', async (request, reply) => {
      const id = alarmIdOf(request.params.id);
      const data = id === null ? null : alarmDetailData(deps, id);
      if (!data) return sendNotFoundPage(request, reply, deps, 'alarms', `Alarm ${request.params.id} does not exist (it may have been removed by retention).`);
      const principal = principalOf(request);
      const done = request.query.done;
      const error = request.query.error;
      const errorText = error ? ERROR_TEXT[error] : undefined;
      const notice = done && DONE_TEXT[done] ? { kind: 'ok' as const, text: DONE_TEXT[done] } : errorText ? { kind: 'error' as const, text: errorText(data.alarm.state) } : null;
      const body = renderAlarmPageBody({ ...data, canAct: roleAllows(principal.role, 'operator'), askName: principal.via === 'open', notice });
      return sendPage(request, reply, deps, { title: `Alarm ${data.alarm.id}`, section: 'alarms', body, scripts: ['live.js'], live: true });
    });

    for (const action of ['acknowledge', 'unacknowledge'] as const) {
      app.post<{ Params: { id: string } }>(`/alarms/:id/${action}`, { config: { minRole: 'operator' } }, async (request, reply) => actOn(request, reply, action));
    }
  };

  /**
   * The acting user is the signed-in principal; with authentication off nobody
   * is signed in, so the form's "Your name" field names them. Audited in the
   * same transaction as the change (src/audit). Errors come back
   * to the alarm page as a message, since a browser form cannot show JSON.
   */
  function actOn(request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply, action: 'acknowledge' | 'unacknowledge'): FastifyReply {
    const id = alarmIdOf(request.params.id);
    if (id === null) return sendError(reply, new CodedError('IPO_ERR_NOT_FOUND', `alarm ${request.params.id} does not exist`));
    if (!postedFromThisSite(request)) return sendError(reply, new CodedError('IPO_ERR_FORBIDDEN', 'an acknowledgement must be posted from this site’s own alarm page'));
    const form = (request.body ?? {}) as Record<string, string>;
    const principal = principalOf(request);
    const user = principal.via === 'open' ? (form['user'] ?? '').trim().slice(0, USER_MAX) : principal.name;
    const note = (form['note'] ?? '').trim().slice(0, NOTE_MAX) || null;
    const back = (params: string) => reply.code(303).header('location', `/alarms/${id}?${params}`).send();
    if (!user) return back('error=name');
    try {
      const result = acknowledgeAudited(deps.store, audit, { action, alarmId: id, principal, typedUser: user, note, at: deps.now(), remoteAddress: request.ip });
      deps.live?.publish('alarms', [{ id, nodeId: result.alarm.nodeId, state: result.alarm.state, severity: result.alarm.severity, transitions: [result.transition.kind] }]);
      request.log.info({ alarmId: id, action, user, via: principal.via }, 'alarm acknowledgement changed from the web UI');
      return back(`done=${result.transition.kind}`);
    } catch (error) {
      if (error instanceof CodedError && error.code === 'IPO_ERR_CONFLICT') return back('error=conflict');
      throw error; // the app's error handler answers in the API's shape (e.g. 404 IPO_ERR_NOT_FOUND)
    }
  }
}

function alarmIdOf(text: string): number | null {
  return /^[1-9][0-9]{0,15}$/.test(text) ? Number(text) : null;
}

function placesOf(rows: readonly FleetNodeRow[]) {
  const unique = <T extends { id: string }>(items: T[]) => [...new Map(items.map((i) => [i.id, i])).values()];
  return {
    customers: unique(rows.map((r) => ({ id: r.customer.id, name: r.customer.name }))),
    sites: unique(rows.map((r) => ({ id: r.site.id, name: `${r.site.name} (${r.customer.name})` }))),
    nodes: rows.map((r) => ({ id: r.node.id, name: r.node.name })),
  };
}
