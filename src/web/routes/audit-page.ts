import type { FastifyPluginAsync } from 'fastify';
import type { ApiDeps } from '../../api/deps.js';
import { renderAuditBody } from '../audit-page.js';
import { parseAuditQuery } from '../audit-query.js';
import { sendPage } from './page-shell.js';

/** /audit (admin, like GET /api/v1/audit): the audit log, filtered by actor, action and since, 100 a page. */
export function auditPageRoutes(deps: Pick<ApiDeps, 'store' | 'version'>): FastifyPluginAsync {
  return async (app) => {
    app.get('/audit', { config: { minRole: 'admin' } }, async (request, reply) => {
      const parsed = parseAuditQuery((request.query ?? {}) as Record<string, unknown>);
      const entries = parsed.query ? deps.store.listAudit(parsed.query) : [];
      const last = entries.at(-1);
      const body = renderAuditBody({
        filters: parsed.filters,
        entries,
        nextBeforeId: parsed.query && last && entries.length === parsed.query.limit ? last.id : null,
        paged: parsed.query?.beforeId !== undefined,
        error: parsed.error,
      });
      return sendPage(request, reply, deps, { title: 'Audit log', section: 'audit', body }, parsed.error ? 400 : 200);
    });
  };
}
