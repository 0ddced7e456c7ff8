import type { Brake } from './brake.js';
import { itemsOf, queueMessage, type AlarmReads, type DispatchContext } from './dispatch-context.js';
import type { DispatchProfile } from './message-renderer.js';

/** More than any storm we plan for; what is beyond it goes in the next digest. */
const MAX_DIGEST_DELIVERIES = 200_000;

/**
 * When a profile's brake window ends with deliveries held, one digest lists
 * them all (worst first, counted by customer/site and category) and carries
 * every held delivery, so each ends `sent` with the digest — none lost.
 */
export function sendDigestIfDue(ctx: DispatchContext, profile: DispatchProfile, brake: Brake, now: number, reads?: AlarmReads): boolean {
  const due = brake.digestDueAt();
  if (due === null || due > now) return false;
  const held = ctx.store.listDeliveries({ notifier: ctx.notifier, profile: profile.id, statuses: ['suppressed-by-brake'], limit: MAX_DIGEST_DELIVERIES });
  if (held.length === 0) {
    brake.digestSent();
    return false;
  }
  const items = itemsOf(ctx, held, reads);
  const rendered = ctx.render.digest(profile, {
    items,
    changeCount: held.length,
    heldSince: brake.heldSince ?? now,
    brake: brake.describe(),
    listUrl: `${ctx.publicUrl.replace(/\/+$/, '')}/api/v1/notifications?status=dispatched`,
  });
  const firstId = held[0]!.id; // oldest first
  ctx.store.transaction(() => queueMessage(ctx, profile, { key: `digest:${profile.id}:${firstId}`, kind: 'digest', groupKey: 'digest', rendered, now }, held.map((d) => d.id)));
  ctx.log.info({ notifier: ctx.notifier, profile: profile.id, changes: held.length, alarms: items.length }, 'storm brake: digest queued');
  brake.digestSent();
  return true;
}
