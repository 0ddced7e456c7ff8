import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { SsaIngestOutcome } from '../../../collectors/ssa/ingest.js';
import { SNAPSHOT_FORMATS } from '../../../collectors/ssa/snapshot.js';
import { CodedError } from '../../errors.js';
import type { ApiDeps } from '../deps.js';
import { sendError } from '../send-error.js';

/** An SSA snapshot is small; 10 MB leaves room for any honest one and bounds the rest. */
export const SSA_BODY_LIMIT_BYTES = 10 * 1024 * 1024;

const query = z.strictObject({
  node: z.string().trim().min(1).max(200).optional().describe('fleet node id, when the body does not name it'),
  list: z.string().trim().min(1).max(100).optional().describe('alarm list (Configuration, Service, Trunk, Link, Security), when the body does not name it'),
  format: z.enum(SNAPSHOT_FORMATS).optional().describe('default: from Content-Type, else from the body'),
});

/**
 * POST /api/v1/ssa/alarms: one SSA alarm list as copied from SSA (tab-separated), CSV or JSON, with
 * `Authorization: Bearer <token>`. Answers with what changed: 200 stored, 202 queued, 422 refused (naming the
 * line), 503 when the event queue was full (send again: only what is missing is delivered).
 */
export function ssaRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    // Every body arrives as bytes: the collector decides how to read it and names the line when it cannot.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: SSA_BODY_LIMIT_BYTES }, (_request, body, done) => done(null, body));
    app.setErrorHandler((error, _request, reply) => {
      if ((error as { code?: string }).code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        deps.ssaIngest?.refused('too-large');
        return sendError(reply, new CodedError('IPO_ERR_PAYLOAD_TOO_LARGE', `the body is larger than ${SSA_BODY_LIMIT_BYTES} bytes; send one SSA alarm list per request`));
      }
      return sendError(reply, error);
    });

    app.post(
      '/api/v1/ssa/alarms',
      {
        bodyLimit: SSA_BODY_LIMIT_BYTES,
        schema: { querystring: query },
        // The collector checks its own tokens (collectors.ssa.tokens) below, not server.auth's.
        config: { public: true },
        // Before the body is read: an unauthorised caller cannot make us read 10 MB.
        onRequest: async (request, reply) => {
          const refusal = deps.ssaIngest ? deps.ssaIngest.authorise(request.headers.authorization) : new CodedError('IPO_ERR_NOT_FOUND', 'the SSA collector is not wired in');
          if (refusal) return sendError(reply, refusal);
        },
      },
      async (request, reply) => {
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const outcome = await deps.ssaIngest!.ingest({
          body,
          via: 'api',
          sourceAddress: request.ip,
          format: request.query.format,
          contentType: request.headers['content-type'],
          node: request.query.node,
          list: request.query.list,
        });
        return answer(reply, outcome);
      },
    );
  };
}

function answer(reply: FastifyReply, outcome: SsaIngestOutcome) {
  if (outcome.status === 'refused') {
    const { reason, line, message } = outcome.refusal;
    return reply.code(422).send({ error: { code: 'IPO_ERR_SSA_SNAPSHOT_INVALID', message, reason, line } });
  }
  const { status, ...counts } = outcome;
  const result = { result: status, ...counts };
  if (status === 'partial') {
    const message = `the event queue is full: ${counts.events.dropped} of ${counts.events.accepted + counts.events.dropped} changes were not taken; send the same snapshot again later`;
    return reply.code(503).header('retry-after', '5').send({ error: { code: 'IPO_ERR_OVERLOADED', message }, ...result });
  }
  return reply.code(status === 'stored' ? 200 : 202).send(result);
}
