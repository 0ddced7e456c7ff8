import type { FastifyRequest } from 'fastify';
import type { SessionHandle } from './sessions.js';

/** viewer reads; operator also acknowledges and silences; admin also manages users, tokens and sees the audit log. */
export const ROLES = ['viewer', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who made a request: a signed-in user, an API token, or nobody when authentication is off (loopback, no users). */
export interface Principal {
  name: string;
  role: Role;
  via: 'session' | 'token' | 'open';
}

/** With authentication off every caller may do everything: only reachable on loopback (see README, Authentication). */
export const OPEN_PRINCIPAL: Principal = Object.freeze({ name: 'anonymous', role: 'admin', via: 'open' });

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
    /** Set when the principal came from the session cookie: long-lived responses end with the session. */
    authSession?: SessionHandle;
  }
  interface FastifyContextConfig {
    /** The least role a route needs; absent: viewer for reads, operator for writes. */
    minRole?: Role;
    /** Reachable without signing in (health, login, static assets, SSA uploads with their own tokens). */
    public?: boolean;
  }
}

export function principalOf(request: FastifyRequest): Principal {
  return request.principal ?? OPEN_PRINCIPAL;
}

export function roleAllows(have: Role, need: Role): boolean {
  return ROLES.indexOf(have) >= ROLES.indexOf(need);
}
