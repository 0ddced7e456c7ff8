import type { SendFailure } from '../transport.js';
import { oneLine } from './html.js';

/** What nodemailer puts on its errors. */
interface MailError {
  code?: string;
  responseCode?: number;
  command?: string;
  response?: string;
  message?: string;
}

/**
 * Retryable or permanent? A 5xx answer to the envelope or the data (a
 * rejected address, a refused message) is permanent: repeating it changes
 * nothing. 4xx answers, refused connections, timeouts, DNS and TLS failures
 * are retryable. A refused login (EAUTH) is retryable too: it is fixed in the
 * configuration, and until then the mail must wait, not be dropped.
 */
export function classifySendError(raw: unknown): SendFailure {
  const e = (typeof raw === 'object' && raw !== null ? raw : { message: String(raw) }) as MailError;
  const rc = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const error = oneLine(`${e.code ?? 'ERROR'}${e.command ? ` ${e.command}` : ''}${rc !== undefined ? ` ${rc}` : ''}: ${e.response ?? e.message ?? 'unknown error'}`, 300);
  if (e.code === 'EAUTH') return { retryable: true, transport: true, error };
  if (rc !== undefined && rc >= 500) return { retryable: false, transport: false, error };
  if (rc !== undefined && rc >= 400) {
    // 421 (service not available) and 4xx on the greeting or login are about the server; 4xx on RCPT/DATA about this message.
    const transport = rc === 421 || e.command === 'CONN' || e.command === 'EHLO' || e.command === 'HELO';
    return { retryable: true, transport, error };
  }
  if (e.code === 'EENVELOPE' || e.code === 'EMESSAGE') return { retryable: false, transport: false, error };
  return { retryable: true, transport: true, error };
}
