/**
 * Every error code the product emits, with the fix. Codes are stable and never
 * reused; README.md "Error codes" lists the same table (a test keeps them in sync).
 */
export const ERROR_CODES = {
  IPO_ERR_CONFIG_INVALID: 'The configuration file breaks the schema. Each line of the message names file:line:column, the key path and what was expected.',
  IPO_ERR_CONFIG_YAML: 'The configuration file is not valid YAML. Fix the syntax at the line and column given.',
  IPO_ERR_CONFIG_READ: 'The configuration file cannot be read. Check the path and its permissions.',
  IPO_ERR_RULES_INVALID: 'A rule catalogue or case file breaks its schema or a cross-check. Each line of the message names file:line:column, the key path and what was expected.',
  IPO_ERR_RULES_YAML: 'A rule catalogue or case file is not valid YAML. Fix the syntax at the line and column given.',
  IPO_ERR_RULES_READ: 'A rule catalogue or case file cannot be read. Check the path and its permissions.',
  IPO_ERR_COLLECTOR_BIND_FAILED: 'A collector could not bind its socket. Another process may hold the port, or ports below 1024 need privileges (see README "Ports").',
  IPO_ERR_HTTP_BIND_FAILED: 'The HTTP server could not bind. Choose another server.http.port or stop the process holding it.',
  IPO_ERR_STORE_OPEN_FAILED: 'The embedded database could not be opened. Check storage.dataDir exists and is writable.',
  IPO_ERR_NOT_FOUND: 'The requested resource does not exist.',
  IPO_ERR_BAD_REQUEST: 'The request parameters are invalid; the message says which one.',
  IPO_ERR_CONFLICT: 'The request does not fit the current state (e.g. acknowledging an alarm that is already cleared). Reload and try again.',
  IPO_ERR_GRAFANA_PUSH_FAILED: "Grafana refused or could not be reached by `ipo-observer dashboards push`. The message names the dashboard and Grafana's answer: check --grafana-url, the token (a service-account token with the Editor role) and --folder-uid, then push again (it is idempotent).",
  IPO_ERR_NOTIFIER_CONFIG: 'A notifier cannot start: an SMTP password environment variable is unset or empty, a password or CA file cannot be read, or the outbox folder cannot be created. The message names which; fix it and restart.',
  IPO_ERR_UNAUTHORIZED: 'The request has no valid credentials. Sign in at /login (or POST /api/v1/session), or send "Authorization: Bearer <token>" with a token whose sha256 is in server.auth.tokens (SSA uploads: a token from collectors.ssa.tokens).',
  IPO_ERR_FORBIDDEN: 'Your role does not allow this request (viewers read; operators also acknowledge and silence; admins also read the audit log and change configuration). Ask an admin for a user or token with the role it needs.',
  IPO_ERR_RATE_LIMITED: 'Too many requests (or sign-in attempts) from this address or for this user in the last minute. Wait the seconds the Retry-After header gives, then try again.',
  IPO_ERR_PAYLOAD_TOO_LARGE: 'The request body is larger than the endpoint accepts (1 MB for the JSON API, 10 MB for SSA snapshots). Send a smaller body: one alarm list or one change per request.',
  IPO_ERR_SSA_SNAPSHOT_INVALID: 'The SSA alarm snapshot cannot be read. The message names the line and what is wrong (columns, date, occurrences, node or list); nothing of it was applied. Fix it and send it again.',
  IPO_ERR_OVERLOADED: 'The event queue is full, so part of the input was not taken. Nothing accepted is lost; send the same input again later and only what is missing is delivered.',
  IPO_ERR_INTERNAL: 'An unexpected failure inside ipo-observer. The server log has the details; please report it.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** An error with a stable code, so callers and the API can act on it without parsing text. */
export class CodedError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CodedError';
  }
}
