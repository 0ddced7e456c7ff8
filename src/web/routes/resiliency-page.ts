import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../../api/deps.js';
import { incidentView, siteStates } from '../../resiliency/view.js';
import { escapeHtml } from '../html.js';
import { renderIncident, renderResiliencyBody } from '../resiliency-page.js';
import { NO_SCRIPT_REFRESH_SECONDS, sendPage } from './page-shell.js';

const INCIDENTS_SHOWN = 100;

/** /resiliency (sites now, incidents with timelines) and /resiliency/:id (one incident: the deep link of its alarm). */
export function resiliencyPageRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  const nodeName = (id: string) => deps.fleet.node(id)?.node.name ?? id;
  const siteName = (customerId: string, siteId: string) => {
    const row = deps.fleet.nodes().find((r) => r.customer.id === customerId && r.site.id === siteId);
    return row ? `${row.customer.name} · ${row.site.name}` : siteId;
  };
  return async (app) => {
    app.get('/resiliency', async (request, reply) => {
      const now = deps.now();
      const engine = deps.resiliency;
      const body = engine
        ? renderResiliencyBody({
            incidents: engine.list().slice(0, INCIDENTS_SHOWN).map((incident) => incidentView(deps.fleet, incident, now)),
            sites: siteStates(deps.fleet, engine.open()),
            now,
            siteName,
            nodeName,
          })
        : '<p class="empty">The resiliency engine is not running.</p>';
      return sendPage(request, reply, deps, { title: 'Resiliency', section: 'resiliency', body, scripts: ['live.js'], live: true, refreshSeconds: NO_SCRIPT_REFRESH_SECONDS, styles: ['ops-pages.css'] });
    });

    app.get('/resiliency/:id', { schema: { params: z.object({ id: z.string().max(100) }) } }, async (request, reply) => {
      const now = deps.now();
      const incident = deps.resiliency?.list().find((i) => i.id === request.params.id);
      const back = '<p class="back"><a href="/resiliency">All incidents</a></p>';
      if (!incident) {
        const body = `${back}<p class="empty">No incident ${escapeHtml(request.params.id)}.</p>`;
        return sendPage(request, reply, deps, { title: 'Incident not found', section: 'resiliency', body }, 404);
      }
      const view = incidentView(deps.fleet, incident, now);
      const body = `${back}<div id="incident-region" data-live-region data-live-every="30">${renderIncident(view, now)}</div>`;
      return sendPage(request, reply, deps, { title: view.failed, section: 'resiliency', body, scripts: ['live.js'], live: true, refreshSeconds: NO_SCRIPT_REFRESH_SECONDS, styles: ['ops-pages.css'] });
    });
  };
}
