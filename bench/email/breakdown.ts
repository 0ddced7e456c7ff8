import { trunkOf } from '../shared/alarm-line.js';

/** A message as GET /api/v1/notifications/messages lists it (the fields used here). */
export interface ListedMessage {
  subject: string;
  createdAt: string | null;
  sentAt: string | null;
}

/**
 * Splits each alarm's latency at the moment ipo-observer rendered its email
 * (the message's createdAt): before it, the collector, pipeline, correlation,
 * outbox and the dispatcher's step; after it, the sender's step and SMTP.
 */
export function splitAtRendering(sent: ReadonlyMap<number, number>, messages: readonly ListedMessage[]): { toRendered: number[]; renderedToSent: number[] } {
  const toRendered: number[] = [];
  const renderedToSent: number[] = [];
  for (const message of messages) {
    const trunk = trunkOf(message.subject);
    const sentAt = trunk === null ? undefined : sent.get(trunk);
    if (sentAt === undefined || message.createdAt === null) continue;
    const rendered = Date.parse(message.createdAt);
    toRendered.push(rendered - sentAt);
    if (message.sentAt !== null) renderedToSent.push(Date.parse(message.sentAt) - rendered);
  }
  return { toRendered, renderedToSent };
}
