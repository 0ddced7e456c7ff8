import type { Delivery, OutboundMessage } from '../../notifiers/delivery.js';
import { iso } from './serialise.js';

/** A message as the API shows it: where it stands, not its body. */
export function serialiseMessage(message: OutboundMessage) {
  return {
    id: message.id,
    notifier: message.notifier,
    profile: message.profile,
    kind: message.kind,
    groupKey: message.groupKey,
    recipients: message.recipients,
    subject: message.subject,
    status: message.status,
    attempts: message.attempts,
    nextAttemptAt: message.status === 'queued' || message.status === 'retrying' ? iso(message.nextAttemptAt) : null,
    lastError: message.lastError,
    rejected: message.rejected,
    createdAt: iso(message.createdAt),
    sentAt: iso(message.sentAt),
  };
}

export function serialiseDelivery(delivery: Delivery, messages: ReadonlyMap<number, OutboundMessage>) {
  const message = delivery.messageId !== null ? messages.get(delivery.messageId) : undefined;
  return {
    notifier: delivery.notifier,
    profile: delivery.profile,
    groupKey: delivery.groupKey,
    status: delivery.status,
    reason: delivery.reason,
    updatedAt: iso(delivery.updatedAt),
    message: message ? serialiseMessage(message) : null,
  };
}
