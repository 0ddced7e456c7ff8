import type { OutboundMessage } from '../../notifiers/delivery.js';
import type { SendResult, Transport } from '../../notifiers/transport.js';

/** A transport that keeps what it was given; `fail` decides per message (default: accept). */
export class CaptureTransport implements Transport {
  readonly description = 'capture';
  readonly sent: OutboundMessage[] = [];
  attempts = 0;
  fail: ((message: OutboundMessage) => SendResult | null) | null = null;

  async send(message: OutboundMessage): Promise<SendResult> {
    this.attempts++;
    const failure = this.fail?.(message) ?? null;
    if (failure) return failure;
    this.sent.push(message);
    return { ok: true, rejected: [] };
  }

  close(): void {}

  bySubject(pattern: RegExp): OutboundMessage[] {
    return this.sent.filter((m) => pattern.test(m.subject));
  }
}
