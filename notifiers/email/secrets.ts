import { readFileSync } from 'node:fs';
import { CodedError } from '../../src/errors.js';
import type { EmailConfig } from './config.js';

/**
 * The SMTP password, from the environment variable or the file the
 * configuration names; read once at start. The value is never logged and
 * never stored: only the transport holds it.
 */
export function resolvePassword(auth: NonNullable<EmailConfig['transport']['auth']>, env: NodeJS.ProcessEnv = process.env): string {
  if (auth.passwordEnv !== undefined) {
    const value = env[auth.passwordEnv];
    if (!value) throw new CodedError('IPO_ERR_NOTIFIER_CONFIG', `notifiers.email.transport.auth.passwordEnv names ${auth.passwordEnv}, which is unset or empty`);
    return value;
  }
  const file = auth.passwordFile!;
  try {
    const value = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    if (!value) throw new Error('the file is empty');
    return value;
  } catch (error) {
    throw new CodedError('IPO_ERR_NOTIFIER_CONFIG', `notifiers.email.transport.auth.passwordFile ${file} cannot be read: ${(error as Error).message}`, { cause: error });
  }
}

export function readCaFile(file: string | null): string | undefined {
  if (file === null) return undefined;
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new CodedError('IPO_ERR_NOTIFIER_CONFIG', `notifiers.email.transport.caFile ${file} cannot be read: ${(error as Error).message}`, { cause: error });
  }
}
