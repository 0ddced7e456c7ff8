import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { CodedError } from '../../errors.js';
import { sendError } from '../send-error.js';
import type { AuthRuntime } from './auth-runtime.js';
import { readCookie, SESSION_COOKIE } from './cookies.js';
import { renderForbiddenPage } from '../../web/forbidden-page.js';
import { OPEN_PRINCIPAL, roleAllows, type Principal, type Role } from './principal.js';
import { postedFromThisSite } from './same-site.js';

/** Paths never counted by the global request limit: static files and the health probe. */
const UNLIMITED_PREFIXES = ['/assets/', '/api/v1/health'];

/** Answers in JSON (401/403) rather than redirecting to the sign-in page. */
function isApiPath(url: string): boolean {
  return url.startsWith('/api/') || url === '/metrics' || url.startsWith('/metrics?');
}

/**
 * Who is calling, and may they: sets request.principal from a bearer token or the session cookie, then applies the
 * route's `public` and `minRole` (default: viewer to read, operator to change). With authentication off every
 * request is OPEN_PRINCIPAL and only the route table applies.
 */
export function authHook(runtime: AuthRuntime): onRequestAsyncHookHandler {
  return async function checkAuth(request, reply) {
    const config = request.routeOptions.config ?? {};
    if (!runtime.enabled) {
      request.principal = OPEN_PRINCIPAL;
      return;
    }
    if (!UNLIMITED_PREFIXES.some((prefix) => request.url.startsWith(prefix))) {
      const decision = runtime.requestsByAddress.take(request.ip, runtime.now());
      if (!decision.allowed) {
        runtime.metrics.rateLimited.inc({ limit: 'requests' });
        reply.header('retry-after', String(decision.retryAfterSeconds));
        return sendError(reply, new CodedError('IPO_ERR_RATE_LIMITED', `more than the allowed requests per minute from ${request.ip}; retry in ${decision.retryAfterSeconds} s`));
      }
    }
    // Public routes still learn who is signed in (the login page greets them); SSA uploads check their own tokens.
    const principal = config.public ? resolveQuietly(runtime, request) : resolve(runtime, request);
    if (principal) request.principal = principal;
    if (config.public) return;
    if (!principal) return refuseUnauthenticated(runtime, request, reply);
    reply.header('cache-control', 'no-store');
    if (principal.via === 'session' && !isReadOnly(request) && !postedFromThisSite(request)) {
      runtime.metrics.refused.inc({ reason: 'cross-origin' });
      return sendError(reply, new CodedError('IPO_ERR_FORBIDDEN', 'a signed-in change must come from this site (the Origin header names another)'));
    }
    const need: Role = config.minRole ?? (isReadOnly(request) ? 'viewer' : 'operator');
    if (!roleAllows(principal.role, need)) {
      runtime.metrics.refused.inc({ reason: 'forbidden' });
      // A page opened in the browser gets a page in the UI shell; the API and forms keep the coded JSON error.
      if (request.method === 'GET' && !isApiPath(request.url)) return reply.code(403).type('text/html; charset=utf-8').send(renderForbiddenPage(principal, need));
      return sendError(reply, new CodedError('IPO_ERR_FORBIDDEN', `${request.method} ${request.routeOptions.url ?? request.url} needs the ${need} role; ${principal.name} is ${principal.role}`));
    }
  };
}

/** A bearer token wins over a cookie; a wrong token is not rescued by a cookie. */
function resolve(runtime: AuthRuntime, request: FastifyRequest): Principal | null {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    return match ? runtime.credentials.checkToken(match[1]!) : null;
  }
  const session = readCookie(request.headers.cookie, SESSION_COOKIE);
  const principal = session ? runtime.sessions.resolve(session, runtime.now()) : null;
  if (session && principal) request.authSession = runtime.sessions.handle(session);
  return principal;
}

function resolveQuietly(runtime: AuthRuntime, request: FastifyRequest): Principal | null {
  const session = readCookie(request.headers.cookie, SESSION_COOKIE);
  return session ? runtime.sessions.resolve(session, runtime.now()) : null;
}

function refuseUnauthenticated(runtime: AuthRuntime, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  runtime.metrics.refused.inc({ reason: 'unauthenticated' });
  if (isApiPath(request.url) || !isReadOnly(request)) {
    reply.header('www-authenticate', 'Bearer realm="ipo-observer"');
    return sendError(reply, new CodedError('IPO_ERR_UNAUTHORIZED', 'sign in at /login (or POST /api/v1/session), or send "Authorization: Bearer <token>"'));
  }
  return reply.code(302).header('location', `/login?next=${encodeURIComponent(request.url)}`).header('cache-control', 'no-store').send();
}

function isReadOnly(request: FastifyRequest): boolean {
  return request.method === 'GET' || request.method === 'HEAD';
}
