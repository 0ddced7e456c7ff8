import { pino, type Logger } from 'pino';
import { CENSOR, redactSecrets } from './log-redact.js';

/** Paths never written to logs, whatever a caller passes (secrets arrive with later collectors and notifiers). */
export const REDACTED_PATHS = ['*.password', '*.authKey', '*.privKey', '*.community', '*.token', '*.tokens', 'config.*.password'];

/**
 * The root logger: JSON lines on stdout, one per thing worth knowing, never
 * one per message received. Synchronous writes, so the last lines before an
 * exit are not lost; the volume is low by design.
 */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  const options = {
    level,
    base: { service: 'ipo-observer' },
    redact: { paths: REDACTED_PATHS, censor: CENSOR },
    // The paths above are fixed depths; secret keys deeper down (a config section, a user list) are censored here.
    formatters: { log: (object: Record<string, unknown>) => redactSecrets(object), bindings: (bindings: Record<string, unknown>) => redactSecrets(bindings) },
  };
  return pino(options, destination ?? pino.destination({ dest: 1, sync: true }));
}
