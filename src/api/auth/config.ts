import { isIP } from 'node:net';
import { z } from 'zod';
import { ROLES } from './principal.js';
import { parsePasswordHash } from './password-hash.js';

/**
 * Defaults of `server.auth`: nobody configured, so authentication is off — allowed only while the HTTP listener is
 * on loopback (see authRequiredProblem).
 */
export const DEFAULT_AUTH_CONFIG = {
  users: [],
  tokens: [],
  session: {
    /** A session unused this long ends. */
    idleMinutes: 60,
    /** A session ends this long after sign-in however busy it is. */
    absoluteHours: 12,
  },
  rateLimits: {
    /** Sign-in attempts per client address per minute (and the same per user name). */
    loginPerMinute: 10,
    /** Requests per client address per minute across the API, /metrics and pages (assets and health excepted). */
    requestsPerMinute: 600,
  },
} as const;

const name = z
  .string()
  .regex(/^[A-Za-z0-9._@-]{1,64}$/)
  .meta({ expected: '1 to 64 letters, digits, dots, dashes, underscores or @' });

const userSchema = z.strictObject({
  name,
  role: z.enum(ROLES),
  // One check for shape and cost bounds: a hash we could never verify would lock its user out silently.
  passwordHash: z
    .string()
    .refine((hash) => parsePasswordHash(hash) !== null, {
      message: 'expected a hash printed by `ipo-observer hash-password` (scrypt$N$r$p$salt$hash, N a power of two 1024…1048576, r ≤ 32, p ≤ 16), never the password itself',
    })
    .meta({ secret: true }),
});

const tokenSchema = z.strictObject({
  name,
  role: z.enum(ROLES),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .meta({ secret: true, expected: 'the sha256 printed by `ipo-observer new-token` (64 lowercase hex digits), never the token itself' }),
});

const sessionSchema = z.strictObject({
  idleMinutes: z.number().int().min(1).max(7 * 24 * 60).default(DEFAULT_AUTH_CONFIG.session.idleMinutes),
  absoluteHours: z.number().int().min(1).max(30 * 24).default(DEFAULT_AUTH_CONFIG.session.absoluteHours),
});

const rateLimitsSchema = z.strictObject({
  loginPerMinute: z.number().int().min(1).max(1000).default(DEFAULT_AUTH_CONFIG.rateLimits.loginPerMinute),
  requestsPerMinute: z.number().int().min(1).max(1_000_000).default(DEFAULT_AUTH_CONFIG.rateLimits.requestsPerMinute),
});

/** `server.auth`: who may use the web UI and API, and how hard they may knock. */
export const authConfigSchema = z
  .strictObject({
    users: z.array(userSchema).default([]),
    tokens: z.array(tokenSchema).default([]),
    session: sessionSchema.prefault({}),
    rateLimits: rateLimitsSchema.prefault({}),
  })
  .superRefine((auth, context) => {
    const seen = new Set<string>();
    auth.users.forEach((user, index) => {
      if (seen.has(user.name)) context.addIssue({ code: 'custom', path: ['users', index, 'name'], message: `user names must be unique; "${user.name}" appears twice` });
      seen.add(user.name);
    });
    const tokenNames = new Set<string>();
    auth.tokens.forEach((token, index) => {
      if (tokenNames.has(token.name)) context.addIssue({ code: 'custom', path: ['tokens', index, 'name'], message: `token names must be unique; "${token.name}" appears twice` });
      tokenNames.add(token.name);
    });
  });

export type AuthConfig = z.infer<typeof authConfigSchema>;

/** Authentication is on as soon as anyone is configured. */
export function authEnabled(auth: Pick<AuthConfig, 'users' | 'tokens'>): boolean {
  return auth.users.length > 0 || auth.tokens.length > 0;
}

/** 127.0.0.0/8 and ::1 (also as ::ffff:127.x.y.z): reachable only from this machine. */
export function isLoopback(address: string): boolean {
  const kind = isIP(address);
  if (kind === 4) return address.startsWith('127.');
  if (kind === 6) {
    const lower = address.toLowerCase();
    if (lower.startsWith('::ffff:')) return isLoopback(lower.slice('::ffff:'.length));
    return /^(0{0,4}:){2,7}0{0,3}1$/.test(lower) || lower === '::1';
  }
  return false;
}

/** The sentence a config error gives when the listener is exposed and nobody is configured; null when fine. */
export function authRequiredProblem(listenAddress: string, auth: Pick<AuthConfig, 'users' | 'tokens'>): string | null {
  if (isLoopback(listenAddress) || authEnabled(auth)) return null;
  return (
    `listening on ${listenAddress} (not loopback) needs authentication: add server.auth.users ` +
    '(hash passwords with `ipo-observer hash-password`) or server.auth.tokens (`ipo-observer new-token`), or listen on 127.0.0.1'
  );
}
