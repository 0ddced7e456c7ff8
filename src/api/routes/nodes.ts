import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CodedError } from '../../errors.js';
import type { ApiDeps } from '../deps.js';

/** The fleet inventory, flattened: one row per node with its customer and site. */
export function nodeRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/v1/nodes', async () => {
      const nodes = deps.fleet.nodes().map(({ node, site, customer }) => ({
        id: node.id,
        name: node.name,
        role: node.role,
        addresses: node.addresses,
        hostnames: node.hostnames ?? [],
        deviceId: node.deviceId ?? null,
        platform: node.platform ?? null,
        version: node.version ?? null,
        licenceSource: node.licenceSource,
        cards: node.cards ?? [],
        modules: node.modules ?? [],
        site: { id: site.id, name: site.name, timeZone: site.timeZone },
        customer: { id: customer.id, name: customer.name },
      }));
      return { nodes };
    });

    app.get('/api/v1/nodes/:id/inventory', { schema: { params: z.strictObject({ id: z.string().min(1) }) } }, async (request) => {
      if (!deps.fleet.node(request.params.id)) throw new CodedError('IPO_ERR_NOT_FOUND', `node ${request.params.id} is not in the fleet inventory`);
      const inventory = deps.inventory(request.params.id);
      if (!inventory) throw new CodedError('IPO_ERR_NOT_FOUND', `no inventory polled from node ${request.params.id} yet (enable SNMP polling for it)`);
      return { inventory };
    });

    app.get('/api/v1/nodes/:id/known-issues', { schema: { params: z.strictObject({ id: z.string().min(1) }) } }, async (request) => {
      const row = deps.fleet.node(request.params.id);
      if (!row) throw new CodedError('IPO_ERR_NOT_FOUND', `node ${request.params.id} is not in the fleet inventory`);
      return { node: row.node.id, version: row.node.version ?? null, knownIssues: deps.knownIssues(row.node) };
    });
  };
}
