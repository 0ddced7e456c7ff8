import type { FastifyInstance } from 'fastify';
import type { AuthRuntime } from './auth-runtime.js';
import { authHook } from './auth-hook.js';
import { addFormBodyParser } from './form-body.js';
import { loginRoutes } from './login-routes.js';
import { sessionRoutes } from './session-routes.js';

/**
 * Puts authentication on the root instance, before any route is registered: the hook then runs for every route
 * (and the 404 handler), and HTML forms can post to any route.
 */
export async function installAuth(app: FastifyInstance, runtime: AuthRuntime, version: string): Promise<void> {
  addFormBodyParser(app);
  app.addHook('onRequest', authHook(runtime));
  if (runtime.secure) {
    app.addHook('onSend', async (_request, reply) => {
      reply.header('strict-transport-security', 'max-age=31536000');
    });
  }
  await app.register(loginRoutes(runtime, version));
  await app.register(sessionRoutes(runtime));
}
