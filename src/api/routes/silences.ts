import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AuditLog } from '../../audit/audit-log.js';
import { SILENCE_KINDS, silenceMatchersSchema } from '../../correlation/silence.js';
import { actorName } from '../../audit/audited-acknowledge.js';
import { principalOf } from '../auth/principal.js';
import type { ApiDeps } from '../deps.js';
import { serialiseSilence } from '../serialise.js';

const isoTime = z.iso.datetime({ offset: true }).transform((s) => Date.parse(s));

const createBody = z.strictObject({
  kind: z.enum(SILENCE_KINDS).default('silence'),
  matchers: silenceMatchersSchema,
  startsAt: isoTime.optional().describe('default: now'),
  endsAt: isoTime,
  createdBy: z.string().trim().min(1).max(100).optional().describe('required while authentication is off; signed in, it is always the principal'),
  comment: z.string().trim().min(1).max(2000).describe('why: a change ticket, a known outage'),
});

/** Silences and maintenance windows (operator): matching alarms are recorded, their notifications held; audited. */
export function silenceRoutes(deps: ApiDeps, audit: AuditLog): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/v1/silences', async () => ({ silences: deps.silences.list().map((s) => serialiseSilence(s, deps.now())) }));

    app.post('/api/v1/silences', { schema: { body: createBody } }, async (request, reply) => {
      const { startsAt, createdBy, ...rest } = request.body;
      const principal = principalOf(request);
      const by = actorName(principal, createdBy, 'body/createdBy');
      const silence = deps.silences.create({ ...rest, createdBy: by, startsAt: startsAt ?? deps.now() });
      audit.recordQuietly({
        actor: { ...principal, name: by },
        action: 'silence.create',
        target: `silence:${silence.id}`,
        detail: { kind: silence.kind, matchers: silence.matchers, startsAt: silence.startsAt, endsAt: silence.endsAt, comment: silence.comment },
        remoteAddress: request.ip,
      });
      reply.code(201);
      return { silence: serialiseSilence(silence, deps.now()) };
    });

    app.delete(
      '/api/v1/silences/:id',
      {
        config: { minRole: 'operator' },
        schema: { params: z.strictObject({ id: z.coerce.number().int().positive() }), querystring: z.strictObject({ user: z.string().trim().min(1).max(100).optional() }) },
      },
      async (request) => {
        const principal = principalOf(request);
        const by = actorName(principal, request.query.user, 'querystring/user');
        const silence = deps.silences.cancel(request.params.id, by);
        audit.recordQuietly({ actor: { ...principal, name: by }, action: 'silence.expire', target: `silence:${request.params.id}`, remoteAddress: request.ip });
        return { silence: serialiseSilence(silence, deps.now()) };
      },
    );
  };
}
