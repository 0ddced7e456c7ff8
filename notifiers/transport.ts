import type { OutboundMessage } from './delivery.js';

export interface SendFailure {
  /** Worth another attempt later. */
  retryable: boolean;
  /** About the server or the way to it, not this message: the sender pauses every message until the next attempt. */
  transport: boolean;
  /** For the API and the log; never contains credentials. */
  error: string;
}

export type SendResult = { ok: true; rejected: string[] } | ({ ok: false } & SendFailure);

/** Where a notifier's messages go (an SMTP server, a folder, later a webhook). */
export interface Transport {
  send(message: OutboundMessage): Promise<SendResult>;
  close(): void;
  /** "smtp mail.example.com:587 (STARTTLS required)", for the log. */
  readonly description: string;
}
