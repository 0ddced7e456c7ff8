import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { makeEvent } from './event-fixture.js';
import { FakeClock } from './fake-clock.js';
import { smallFleet } from './fleet-fixture.js';
import { baseApiDeps } from './web-harness.js';
import { makeStageContext } from './stage-context.js';
import { buildApp } from '../../src/api/app.js';
import { authConfigSchema, type AuthConfig } from '../../src/api/auth/config.js';
import { hashPassword } from '../../src/api/auth/password-hash.js';
import { sha256Hex } from '../../src/api/auth/token-hash.js';
import { CorrelationEngine } from '../../src/correlation/engine.js';
import { SilenceCache } from '../../src/correlation/silence-cache.js';
import { MetricsRegistry } from '../../src/metrics/registry.js';
import { recordDecision } from '../../src/pipeline/record-decision.js';
import { MemoryStore } from '../../src/storage/memory-store.js';

/** Test users: the password of each is `<name>-password`; the token of each token entry is `<name>-token`. */
export const PASSWORD = (name: string) => `${name}-password`;
export const TOKEN = (name: string) => `${name}-token`;
/** scrypt's minimum cost, so sign-ins in tests take milliseconds. */
const FAST_SCRYPT = { N: 1024, r: 8, p: 1 };

export interface AuthAppOptions {
  users?: Array<{ name: string; role: 'viewer' | 'operator' | 'admin' }>;
  tokens?: Array<{ name: string; role: 'viewer' | 'operator' | 'admin' }>;
  rateLimits?: { loginPerMinute?: number; requestsPerMinute?: number };
  publicUrl?: string;
  /** server.http.trustedProxies. */
  trustedProxies?: string[];
  /** The store (sessions saved in it survive into a second app on the same store); default a new MemoryStore. */
  store?: MemoryStore;
}

/** buildApp over a MemoryStore and a fake clock, with server.auth built from the options (none: authentication off). */
export async function authApp(t: { after(fn: () => unknown): void }, options: AuthAppOptions = {}) {
  const store = options.store ?? new MemoryStore();
  const fleet = smallFleet();
  const clock = new FakeClock();
  const metrics = new MetricsRegistry();
  const silences = new SilenceCache(store, clock);
  const engine = new CorrelationEngine(makeStageContext(store, { clock, fleet, silences: () => silences.list() }));
  const users = await Promise.all((options.users ?? []).map(async (user) => ({ ...user, passwordHash: await hashPassword(PASSWORD(user.name), FAST_SCRYPT) })));
  const tokens = (options.tokens ?? []).map((token) => ({ ...token, sha256: sha256Hex(TOKEN(token.name)) }));
  const config: AuthConfig = authConfigSchema.parse({ users, tokens, rateLimits: options.rateLimits ?? {} });
  const app: FastifyInstance = await buildApp({
    ...baseApiDeps({ store, fleet, silences, metrics, clock }),
    health: () => ({ startedAt: clock.now(), queueDepth: 0, queueCapacity: 10, collectors: [] }),
    auth: { config, publicUrl: options.publicUrl ?? 'http://127.0.0.1:8080' },
    ...(options.trustedProxies && { trustedProxies: options.trustedProxies }),
  });
  t.after(() => app.close());
  const raiseAlarm = () => recordDecision(store, engine.decide(makeEvent({}))).alarm!;
  /** Signs in through the form and returns the Cookie header to send next. */
  const signIn = async (name: string): Promise<string> => {
    const response = await app.inject({ method: 'POST', url: '/login', payload: `name=${name}&password=${PASSWORD(name)}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const cookie = setCookie(response);
    if (response.statusCode !== 303 || !cookie) throw new Error(`sign-in of ${name} failed: ${response.statusCode} ${response.body}`);
    return cookie;
  };
  return { app, store, clock, metrics, raiseAlarm, signIn };
}

/** "ipo_session=…" from a response's Set-Cookie, or null. */
export function setCookie(response: LightMyRequestResponse): string | null {
  const header = response.headers['set-cookie'];
  const value = Array.isArray(header) ? header[0] : header;
  return value ? (value.split(';')[0] ?? null) : null;
}
