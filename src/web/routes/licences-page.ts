import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../../api/deps.js';
import { licenceFleetView } from '../../licence/fleet-view.js';
import { renderLicencesBody } from '../licences-page.js';
import { NO_SCRIPT_REFRESH_SECONDS, sendPage } from './page-shell.js';

/** /licences: every node's licence mode, state and grace countdown, worst first per customer. */
export function licencesPageRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/licences', async (request, reply) => {
      const now = deps.now();
      const view = deps.licence ? licenceFleetView(deps.licence, now) : null;
      const body = renderLicencesBody(view, now);
      return sendPage(request, reply, deps, { title: 'Licences', section: 'licences', body, scripts: ['live.js', 'countdown.js'], live: true, refreshSeconds: NO_SCRIPT_REFRESH_SECONDS, styles: ['ops-pages.css'] });
    });
  };
}
