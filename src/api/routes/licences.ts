import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorName } from '../../audit/audited-acknowledge.js';
import type { AuditLog } from '../../audit/audit-log.js';
import { CodedError } from '../../errors.js';
import type { LicenceEngine } from '../../licence/engine.js';
import { licenceFleetView, licenceNodeView, serialiseLicenceTransition } from '../../licence/fleet-view.js';
import { principalOf } from '../auth/principal.js';
import type { ApiDeps } from '../deps.js';

const TRANSITIONS_SHOWN = 50;

const nodeParams = z.strictObject({ nodeId: z.string().min(1).max(200) });
const assertionBody = z.strictObject({
  mode: z.string().trim().min(1).max(200).describe('a licence mode by id or name, e.g. "subscription-normal" or "WebLM Error"'),
  user: z.string().trim().min(1).max(100).optional().describe('who asserts it: required while authentication is off; signed in, it is always the principal'),
  note: z.string().max(2000).optional(),
  graceDaysRemaining: z.number().int().min(0).max(365).optional().describe('for a grace mode: the days left as Manager or SSA shows them'),
});

/**
 * Licence modes per node (src/licence): the fleet view (which nodes of which customers lose which features when),
 * one node with its changes of mode and their evidence, and assertions a person makes. 404 when the licence engine
 * is not running.
 */
export function licenceRoutes(deps: ApiDeps, audit: AuditLog): FastifyPluginAsyncZod {
  return async (app) => {
    const engine = (): LicenceEngine => {
      if (!deps.licence) throw new CodedError('IPO_ERR_NOT_FOUND', 'the licence engine is not running');
      return deps.licence;
    };

    app.get(
      '/api/v1/licences',
      { schema: { querystring: z.strictObject({ customer: z.string().min(1).optional(), mode: z.string().min(1).optional().describe('only nodes in this mode (id) on any track') }) } },
      async (request) => licenceFleetView(engine(), deps.now(), request.query),
    );

    app.get('/api/v1/licences/:nodeId', { schema: { params: nodeParams } }, async (request) => {
      const licence = engine();
      const row = deps.fleet.node(request.params.nodeId);
      if (!row) throw new CodedError('IPO_ERR_NOT_FOUND', `node ${request.params.nodeId} is not in the fleet inventory`);
      return { licence: licenceNodeView(licence, row, deps.now()), transitions: licence.transitions(row.node.id, TRANSITIONS_SHOWN).map(serialiseLicenceTransition) };
    });

    app.post('/api/v1/licences/:nodeId/assertions', { schema: { params: nodeParams, body: assertionBody } }, async (request, reply) => {
      const licence = engine();
      const { mode, user: typed, note, graceDaysRemaining } = request.body;
      const principal = principalOf(request);
      const user = actorName(principal, typed, 'body/user');
      const result = licence.assertMode(request.params.nodeId, mode, { user, note: note ?? null, graceDaysRemaining });
      if (result.transition) {
        audit.recordQuietly({
          actor: { ...principal, name: user },
          action: 'licence.assert',
          target: `node:${request.params.nodeId}`,
          detail: { mode: result.transition.toMode, track: result.transition.track, ...(note ? { note } : {}) },
          remoteAddress: request.ip,
        });
      }
      const row = deps.fleet.node(request.params.nodeId)!;
      reply.code(result.transition ? 201 : 200);
      return { licence: licenceNodeView(licence, row, deps.now()), transition: result.transition && serialiseLicenceTransition(result.transition) };
    });
  };
}
