import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CodedError } from '../../errors.js';
import { sendError } from '../send-error.js';
import type { AuthRuntime } from './auth-runtime.js';
import { principalOf } from './principal.js';
import { signIn, signOut } from './sign-in.js';

const credentials = z.strictObject({ name: z.string().min(1).max(200), password: z.string().min(1).max(1024) });

/** The JSON twin of /login and /logout, and "who am I" for scripts and the UI. */
export function sessionRoutes(runtime: AuthRuntime): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/v1/session', async (request) => ({ principal: principalOf(request), authentication: runtime.enabled ? 'on' : 'off' }));

    app.post('/api/v1/session', { config: { public: true }, schema: { body: credentials } }, async (request, reply) => {
      if (!runtime.enabled) return sendError(reply, new CodedError('IPO_ERR_NOT_FOUND', 'authentication is off (loopback, no server.auth users): there is nothing to sign in to'));
      const outcome = await signIn(runtime, request, reply, request.body.name, request.body.password);
      if (outcome.ok) return reply.header('cache-control', 'no-store').send({ principal: outcome.principal });
      if (outcome.reason === 'rate-limited') return sendError(reply, new CodedError('IPO_ERR_RATE_LIMITED', `too many sign-in attempts; retry in ${outcome.retryAfterSeconds} s`));
      return sendError(reply, new CodedError('IPO_ERR_UNAUTHORIZED', 'that name and password do not match a user'));
    });

    app.delete('/api/v1/session', { config: { minRole: 'viewer' } }, async (request, reply) => {
      signOut(runtime, request, reply);
      return reply.code(204).send();
    });
  };
}
