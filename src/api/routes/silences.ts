import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SILENCE_KINDS, silenceMatchersSchema } from '../../correlation/silence.js';
import type { ApiDeps } from '../deps.js';
import { serialiseSilence } from '../serialise.js';

const isoTime = z.iso.datetime({ offset: true }).transform((s) => Date.parse(s));

const createBody = z.strictObject({
  kind: z.enum(SILENCE_KINDS).default('silence'),
  matchers: silenceMatchersSchema,
  startsAt: isoTime.optional().describe('default: now'),
  endsAt: isoTime,
  createdBy: z.string().trim().min(1).max(100),
  comment: z.string().trim().min(1).max(2000).describe('why: a change ticket, a known outage'),
});

/** Silences and maintenance windows: matching alarms are recorded, their notifications held. */
export function silenceRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/v1/silences', async () => ({ silences: deps.silences.list().map((s) => serialiseSilence(s, deps.now())) }));

    app.post('/api/v1/silences', { schema: { body: createBody } }, async (request, reply) => {
      const { startsAt, ...rest } = request.body;
      const silence = deps.silences.create({ ...rest, startsAt: startsAt ?? deps.now() });
      reply.code(201);
      return { silence: serialiseSilence(silence, deps.now()) };
    });

    app.delete(
      '/api/v1/silences/:id',
      { schema: { params: z.strictObject({ id: z.coerce.number().int().positive() }), querystring: z.strictObject({ user: z.string().trim().min(1).max(100) }) } },
      async (request) => ({ silence: serialiseSilence(deps.silences.cancel(request.params.id, request.query.user), deps.now()) }),
    );
  };
}
