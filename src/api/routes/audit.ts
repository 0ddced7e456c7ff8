import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AUDIT_ACTIONS, type AuditEntry } from '../../audit/audit-entry.js';
import type { ApiDeps } from '../deps.js';
import { limitSchema } from '../filters.js';

const query = z.strictObject({
  actor: z.string().trim().min(1).max(100).optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  since: z.union([z.coerce.number().int().nonnegative(), z.iso.datetime({ offset: true }).transform((s) => Date.parse(s))]).optional().describe('epoch ms or ISO 8601'),
  beforeId: z.coerce.number().int().positive().optional(),
  limit: limitSchema,
});

function serialiseAudit(entry: AuditEntry) {
  return { ...entry, at: new Date(entry.at).toISOString() };
}

/** GET /api/v1/audit (admin): who acknowledged, silenced, reloaded rules, signed in; newest first, paged with beforeId. */
export function auditRoutes(deps: Pick<ApiDeps, 'store'>): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/v1/audit', { config: { minRole: 'admin' }, schema: { querystring: query } }, async (request) => {
      const q = request.query;
      const entries = deps.store.listAudit({ actor: q.actor, action: q.action, since: q.since, beforeId: q.beforeId, limit: q.limit });
      const last = entries.at(-1);
      return { entries: entries.map(serialiseAudit), nextBeforeId: entries.length === q.limit && last ? last.id : null };
    });
  };
}
