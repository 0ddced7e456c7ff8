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
