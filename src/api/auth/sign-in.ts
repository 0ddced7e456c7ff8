import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthRuntime } from './auth-runtime.js';
import { clearedSessionCookie, readCookie, SESSION_COOKIE, sessionCookie } from './cookies.js';
import type { Principal } from './principal.js';

export type SignInOutcome =
  | { ok: true; principal: Principal }
  | { ok: false; reason: 'bad-credentials' }
  | { ok: false; reason: 'rate-limited'; retryAfterSeconds: number };

/**
 * Checks a name and password under the sign-in limits (per client address and per name), audits the attempt, and
 * on success starts a session and sets its cookie on the reply. Shared by the form (/login) and the API (/api/v1/session).
 */
export async function signIn(runtime: AuthRuntime, request: FastifyRequest, reply: FastifyReply, name: string, password: string): Promise<SignInOutcome> {
  const now = runtime.now();
  const byAddress = runtime.loginByAddress.take(request.ip, now);
  const byName = byAddress.allowed ? runtime.loginByName.peek(name, now) : byAddress;
  if (!byName.allowed) {
    runtime.metrics.loginFailures.inc({ reason: 'rate-limited' });
    runtime.metrics.rateLimited.inc({ limit: byAddress.allowed ? 'login-user' : 'login-address' });
    reply.header('retry-after', String(byName.retryAfterSeconds));
    return { ok: false, reason: 'rate-limited', retryAfterSeconds: byName.retryAfterSeconds };
  }
  const principal = await runtime.credentials.checkPassword(name, password);
  if (!principal) {
    runtime.loginByName.take(name, now);
    runtime.metrics.loginFailures.inc({ reason: 'bad-credentials' });
    // A mistyped name is sometimes a password: only configured names are written down.
    const known = runtime.credentials.knowsUser(name);
    runtime.audit.recordQuietly({
      actor: { name: known ? name : 'unknown', role: null, via: 'session' },
      action: 'login.failure',
      target: known ? `user:${name}` : null,
      remoteAddress: request.ip,
    });
    return { ok: false, reason: 'bad-credentials' };
  }
  // A fresh id on every sign-in; whatever session the browser brought ends (no fixation).
  const previous = readCookie(request.headers.cookie, SESSION_COOKIE);
  if (previous) runtime.sessions.destroy(previous);
  const session = runtime.sessions.create(principal, now);
  reply.header('set-cookie', sessionCookie(session, { secure: runtime.secure, maxAgeSeconds: runtime.sessionMaxAgeSeconds }));
  runtime.metrics.loginSuccesses.inc();
  runtime.audit.recordQuietly({ actor: principal, action: 'login.success', target: `user:${principal.name}`, remoteAddress: request.ip });
  return { ok: true, principal };
}

/** Ends the request's session (if any), clears the cookie, and audits it. */
export function signOut(runtime: AuthRuntime, request: FastifyRequest, reply: FastifyReply): void {
  const session = readCookie(request.headers.cookie, SESSION_COOKIE);
  const principal = session ? runtime.sessions.resolve(session, runtime.now()) : null;
  if (session) runtime.sessions.destroy(session);
  reply.header('set-cookie', clearedSessionCookie({ secure: runtime.secure }));
  if (principal) runtime.audit.recordQuietly({ actor: principal, action: 'logout', target: `user:${principal.name}`, remoteAddress: request.ip });
}
