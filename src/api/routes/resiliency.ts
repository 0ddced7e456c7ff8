import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CodedError } from '../../errors.js';
import { incidentView, siteStates } from '../../resiliency/view.js';
import type { ApiDeps } from '../deps.js';

/** Resiliency incidents (src/resiliency) with their timelines, and each site's current state. 404 when the engine is not running. */
export function resiliencyRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/resiliency',
      {
        schema: {
          querystring: z.strictObject({
            open: z.enum(['true', 'false']).optional().describe('only open (true) or closed (false) incidents'),
            site: z.string().min(1).max(200).optional().describe('only this site (its id): incidents and state'),
            limit: z.coerce.number().int().min(1).max(500).default(100),
          }),
        },
      },
      async (request) => {
        const engine = deps.resiliency;
        if (!engine) throw new CodedError('IPO_ERR_NOT_FOUND', 'the resiliency engine is not running');
        const now = deps.now();
        const { open, site, limit } = request.query;
        const incidents = engine.list().filter((i) => (open === undefined || (i.closedAt === null) === (open === 'true')) && (site === undefined || i.siteId === site));
        const sites = siteStates(deps.fleet, engine.open()).filter((s) => site === undefined || s.siteId === site);
        return { incidents: incidents.slice(0, limit).map((i) => incidentView(deps.fleet, i, now)), sites };
      },
    );
  };
}
