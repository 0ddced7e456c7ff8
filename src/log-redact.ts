/**
 * Keys whose values are secrets wherever they appear in a log line, at any
 * depth: SNMP communities and v3 keys, SMTP and InfluxDB passwords, bearer and
 * API tokens, the password and token hashes of server.auth. Pino's own redact
 * paths match fixed depths only; this walks plain objects and arrays (not
 * errors, buffers or class instances, which keep their serialisers).
 */
export const SECRET_KEYS: ReadonlySet<string> = new Set([
  'community',
  'communities',
  'authKey',
  'privKey',
  'password',
  'pass',
  'passwordHash',
  'token',
  'tokens',
  'sha256',
  'authorization',
  'cookie',
]);

export const CENSOR = '[redacted]';
const MAX_DEPTH = 8;

/** A copy of `value` with every secret key's value censored; the value itself when nothing needed censoring. */
export function redactSecrets<T>(value: T, depth = 0): T {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((item) => {
      const redacted = redactSecrets(item, depth + 1);
      if (redacted !== item) changed = true;
      return redacted;
    });
    return (changed ? out : value) as T;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  let out: Record<string, unknown> | null = null;
  for (const [key, item] of Object.entries(value)) {
    const redacted = SECRET_KEYS.has(key) && item !== null && item !== undefined ? CENSOR : redactSecrets(item, depth + 1);
    if (redacted !== item) {
      out ??= { ...(value as Record<string, unknown>) };
      out[key] = redacted;
    }
  }
  return (out ?? value) as T;
}
