import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../deps.js';

/** `/` opens the alarms list, the NOC's first screen (keeping ?wall=1 for a wall display). */
export function pageRoutes(_deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/', async (request, reply) => {
      const wall = (request.query as Record<string, unknown> | undefined)?.['wall'];
      return reply.redirect(typeof wall === 'string' && wall !== '' && wall !== '0' ? '/alarms?wall=1' : '/alarms', 302);
    });
  };
}
