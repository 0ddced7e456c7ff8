import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { AuditLog } from '../audit/audit-log.js';
import { createAuthRuntime } from './auth/auth-runtime.js';
import { installAuth } from './auth/install-auth.js';
import type { ApiDeps } from './deps.js';
import { sendError } from './send-error.js';
import { alarmActionRoutes } from './routes/alarm-actions.js';
import { alarmRoutes } from './routes/alarms.js';
import { auditRoutes } from './routes/audit.js';
import { eventRoutes } from './routes/events.js';
import { healthRoutes } from './routes/health.js';
import { licenceRoutes } from './routes/licences.js';
import { resiliencyRoutes } from './routes/resiliency.js';
import { metricsRoutes } from './routes/metrics.js';
import { nodeRoutes } from './routes/nodes.js';
import { notificationRoutes } from './routes/notifications.js';
import { pageRoutes } from './routes/pages.js';
import { qosRoutes } from './routes/qos.js';
import { silenceRoutes } from './routes/silences.js';
import { ssaRoutes } from './routes/ssa.js';
import { unmatchedRoutes } from './routes/unmatched.js';
import { webUiRoutes } from '../web/routes/web-ui-routes.js';

const BODY_LIMIT_BYTES = 1024 * 1024;

/** Builds the HTTP app without listening, so tests use inject() and main.ts decides where to bind. */
export async function buildApp(deps: ApiDeps, log?: Logger): Promise<FastifyInstance> {
  const loggerInstance: FastifyBaseLogger | undefined = log;
  // request.ip (rate limits, audit) is the socket's peer unless that peer is a configured reverse proxy.
  const trustProxy = deps.trustedProxies && deps.trustedProxies.length > 0 ? [...deps.trustedProxies] : false;
  const app = Fastify({ loggerInstance, bodyLimit: BODY_LIMIT_BYTES, disableRequestLogging: true, trustProxy });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error, _request, reply) => sendError(reply, error));
  app.setNotFoundHandler((request, reply) => reply.code(404).send({ error: { code: 'IPO_ERR_NOT_FOUND', message: `no route ${request.method} ${request.url}` } }));
  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('content-security-policy', "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:");
  });
  // Before every route, so its hook guards them all (src/api/auth/README.md).
  const audit = deps.audit ?? new AuditLog(deps.store, deps.now, log);
  await installAuth(app, createAuthRuntime(deps.auth, { audit, metrics: deps.metrics, now: deps.now, sessionRepository: deps.store, ...(log && { log }) }), deps.version);
  await app.register(healthRoutes(deps));
  await app.register(nodeRoutes(deps));
  await app.register(licenceRoutes(deps, audit));
  await app.register(resiliencyRoutes(deps));
  await app.register(eventRoutes(deps));
  await app.register(alarmRoutes(deps));
  await app.register(alarmActionRoutes(deps, audit));
  await app.register(silenceRoutes(deps, audit));
  await app.register(auditRoutes(deps));
  await app.register(ssaRoutes(deps));
  await app.register(unmatchedRoutes(deps));
  await app.register(qosRoutes(deps));
  await app.register(notificationRoutes(deps));
  await app.register(metricsRoutes(deps));
  await app.register(pageRoutes(deps));
  await app.register(webUiRoutes(deps, audit));
  return app;
}
