import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { renderAlarmsPage } from '../../web/alarms-page.js';
import type { ApiDeps } from '../deps.js';
import { serialiseAlarm } from '../serialise.js';

const PAGE_LIMIT = 500;

/** The first web page: open alarms, worst first. Server-rendered, no scripts or external assets. */
export function pageRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/', async (_request, reply) => {
      const alarms = deps.store.listAlarms({ open: true, limit: PAGE_LIMIT }).map((alarm) => serialiseAlarm(alarm, deps.fleet));
      reply.type('text/html; charset=utf-8');
      return renderAlarmsPage({ alarms, version: deps.version, generatedAt: deps.now() });
    });
  };
}
