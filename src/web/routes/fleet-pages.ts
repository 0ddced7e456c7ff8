import type { FastifyPluginAsync } from 'fastify';
import type { ApiDeps } from '../../api/deps.js';
import { serialiseAlarm, serialiseEvent } from '../../api/serialise.js';
import { licenceNodeView } from '../../licence/fleet-view.js';
import { fleetView } from '../fleet-model.js';
import { renderFleetBody } from '../fleet-page.js';
import { renderNodeBody } from '../node-page.js';
import { NO_SCRIPT_REFRESH_SECONDS, sendNotFoundPage, sendPage } from './page-shell.js';

const NODE_EVENTS = 30;
const NODE_OPEN_ALARMS = 200;

/** /fleet (customers → sites → nodes → cards/modules → ports) and /nodes/:id, the deep link for one node. */
export function fleetPageRoutes(deps: ApiDeps): FastifyPluginAsync {
  return async (app) => {
    app.get('/fleet', async (request, reply) => {
      const body = renderFleetBody(fleetView(deps, deps.now()));
      return sendPage(request, reply, deps, { title: 'Fleet', section: 'fleet', body, scripts: ['live.js'], live: true, refreshSeconds: NO_SCRIPT_REFRESH_SECONDS });
    });

    app.get<{ Params: { id: string } }>('/nodes/:id', async (request, reply) => {
      const row = deps.fleet.node(request.params.id);
      if (!row) return sendNotFoundPage(request, reply, deps, 'fleet', `Node ${request.params.id} is not in the fleet inventory.`);
      const now = deps.now();
      const view = fleetView(deps, now, [row]).customers[0]!.sites[0]!.nodes[0]!;
      const body = renderNodeBody({
        row,
        view,
        licence: deps.licence ? licenceNodeView(deps.licence, row, now) : null,
        openAlarms: deps.store.listAlarms({ open: true, nodeId: row.node.id, limit: NODE_OPEN_ALARMS }).map((alarm) => serialiseAlarm(alarm, deps.fleet)),
        knownIssues: deps.knownIssues(row.node),
        recentEvents: deps.store.listEvents({ nodeId: row.node.id, limit: NODE_EVENTS }).map((event) => serialiseEvent(event, deps.fleet)),
        inventory: deps.inventory(row.node.id),
      });
      return sendPage(request, reply, deps, { title: row.node.name, section: 'fleet', body, scripts: ['live.js'], live: true });
    });
  };
}
