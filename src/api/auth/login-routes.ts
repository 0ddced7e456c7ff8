import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { renderLoginPage } from '../../web/login-page.js';
import type { AuthRuntime } from './auth-runtime.js';
import { safeNextPath } from './next-path.js';
import { signIn, signOut } from './sign-in.js';

const loginForm = z.object({
  name: z.string().max(200).default(''),
  password: z.string().max(1024).default(''),
  next: z.string().max(2000).optional(),
});

/** GET /login, POST /login (the form), POST /logout: the browser's way in and out. */
export function loginRoutes(runtime: AuthRuntime, version: string): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/login', { config: { public: true }, schema: { querystring: z.object({ next: z.string().max(2000).optional() }) } }, async (request, reply) => {
      const next = safeNextPath(request.query.next);
      // Nothing to sign in to, or already signed in: straight on.
      if (!runtime.enabled || request.principal) return reply.code(303).header('location', next).send();
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
      return renderLoginPage({ version, next });
    });

    app.post('/login', { config: { public: true }, schema: { body: loginForm } }, async (request, reply) => {
      const next = safeNextPath(request.body.next);
      if (!runtime.enabled) return reply.code(303).header('location', next).send();
      const outcome = await signIn(runtime, request, reply, request.body.name, request.body.password);
      if (outcome.ok) return reply.code(303).header('location', next).header('cache-control', 'no-store').send();
      const error =
        outcome.reason === 'rate-limited'
          ? `Too many sign-in attempts. Try again in ${outcome.retryAfterSeconds} seconds.`
          : 'That name and password do not match a user.';
      reply.code(outcome.reason === 'rate-limited' ? 429 : 401).type('text/html; charset=utf-8').header('cache-control', 'no-store');
      return renderLoginPage({ version, next, error, name: request.body.name.slice(0, 64) });
    });

    // Public, so a session that has already expired can still be signed out of without an error page.
    app.post('/logout', { config: { public: true } }, async (request, reply) => {
      signOut(runtime, request, reply);
      return reply.code(303).header('location', runtime.enabled ? '/login' : '/').send();
    });
  };
}
