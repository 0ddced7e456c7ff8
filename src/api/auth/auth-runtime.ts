import type { Logger } from 'pino';
import type { AuditLog } from '../../audit/audit-log.js';
import type { Counter, MetricsRegistry } from '../../metrics/registry.js';
import { authEnabled, DEFAULT_AUTH_CONFIG, type AuthConfig } from './config.js';
import { Credentials } from './credentials.js';
import { RateLimiter } from './rate-limiter.js';
import type { SessionRepository } from './session-repository.js';
import { SessionStore } from './sessions.js';

const MAX_SESSIONS = 10_000;

/** What the HTTP app is told about authentication (from server.auth and server.publicUrl). */
export interface AuthSettings {
  config: AuthConfig;
  /** https → the session cookie is Secure and responses carry Strict-Transport-Security. */
  publicUrl: string;
}

/** Everything the hook and the sign-in routes share, built once per app. */
export interface AuthRuntime {
  enabled: boolean;
  secure: boolean;
  credentials: Credentials;
  sessions: SessionStore;
  sessionMaxAgeSeconds: number;
  loginByAddress: RateLimiter;
  loginByName: RateLimiter;
  requestsByAddress: RateLimiter;
  audit: AuditLog;
  now: () => number;
  metrics: { loginFailures: Counter; loginSuccesses: Counter; rateLimited: Counter; refused: Counter };
}

export function createAuthRuntime(
  settings: AuthSettings | undefined,
  deps: { audit: AuditLog; metrics: MetricsRegistry; now: () => number; log?: Logger; sessionRepository?: SessionRepository },
): AuthRuntime {
  const config: AuthConfig = settings?.config ?? structuredClone({ ...DEFAULT_AUTH_CONFIG, users: [], tokens: [] });
  const loginFailures = deps.metrics.counter('ipo_http_login_failures_total', 'Failed sign-ins, by reason (bad-credentials, rate-limited)');
  loginFailures.touch({ reason: 'bad-credentials' });
  const credentials = new Credentials(config);
  const sessionStoreErrors = deps.metrics.counter('ipo_http_session_store_errors_total', 'Signed-in sessions that could not be saved to or deleted from the store (they work until a restart)');
  sessionStoreErrors.touch();
  const limits = { idleMs: config.session.idleMinutes * 60_000, absoluteMs: config.session.absoluteHours * 3_600_000, maxSessions: MAX_SESSIONS };
  const persistence = deps.sessionRepository && {
    repository: deps.sessionRepository,
    userPrincipal: (name: string) => credentials.userPrincipal(name),
    onError: (error: unknown) => {
      sessionStoreErrors.inc();
      deps.log?.error({ err: error }, 'a signed-in session could not be saved or deleted; it works until a restart');
    },
  };
  return {
    enabled: authEnabled(config),
    secure: (settings?.publicUrl ?? '').startsWith('https:'),
    credentials,
    sessions: new SessionStore(limits, persistence, deps.now()),
    sessionMaxAgeSeconds: config.session.absoluteHours * 3600,
    loginByAddress: new RateLimiter(config.rateLimits.loginPerMinute),
    loginByName: new RateLimiter(config.rateLimits.loginPerMinute),
    requestsByAddress: new RateLimiter(config.rateLimits.requestsPerMinute),
    audit: deps.audit,
    now: deps.now,
    metrics: {
      loginFailures,
      loginSuccesses: deps.metrics.counter('ipo_http_logins_total', 'Successful sign-ins'),
      rateLimited: deps.metrics.counter('ipo_http_rate_limited_total', 'Requests refused with 429, by limit (login-address, login-user, requests)'),
      refused: deps.metrics.counter('ipo_http_auth_refused_total', 'Requests refused by authentication, by reason (unauthenticated, forbidden, cross-origin)'),
    },
  };
}
