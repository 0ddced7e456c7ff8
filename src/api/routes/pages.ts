import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { wallOf } from '../../web/routes/page-shell.js';
import type { ApiDeps } from '../deps.js';

/** `/` opens the alarms list, the NOC's first screen (keeping ?wall=1 for a wall display). */
export function pageRoutes(_deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/', async (request, reply) => reply.redirect(wallOf(request) ? '/alarms?wall=1' : '/alarms', 302));
  };
}
