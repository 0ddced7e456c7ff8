import type { Logger } from 'pino';
import type { Alarm } from '../src/correlation/alarm.js';
import { alarmLinks } from '../src/correlation/alarm-links.js';
import type { FleetIndex } from '../src/fleet/fleet-index.js';
import type { Counter } from '../src/metrics/registry.js';
import type { Store } from '../src/storage/store.js';
import type { MessageKind, NewMessage } from './delivery.js';
import type { AlarmItem, DispatchProfile, MessageRenderer, RenderedMessage } from './message-renderer.js';
import type { PendingDelivery } from './pending-delivery.js';
import { placeOf } from './place.js';

/** What the dispatcher's parts share. */
export interface DispatchContext {
  notifier: string;
  store: Store;
  fleet: FleetIndex;
  render: MessageRenderer;
  publicUrl: string;
  log: Logger;
  /** ipo_notifier_deliveries_total{notifier,profile,status} and ipo_notifier_messages_total{notifier,profile,kind}. */
  deliveries: Counter;
  messages: Counter;
}

/** One item per alarm, its changes oldest first, its deep links; deliveries of alarms that no longer exist are left out. */
export function itemsOf(ctx: DispatchContext, deliveries: readonly PendingDelivery[], alarms: Map<number, Alarm | null> = new Map()): AlarmItem[] {
  const byAlarm = new Map<number, PendingDelivery[]>();
  for (const d of deliveries) byAlarm.set(d.alarmId, [...(byAlarm.get(d.alarmId) ?? []), d]);
  const items: AlarmItem[] = [];
  for (const [alarmId, ds] of byAlarm) {
    if (!alarms.has(alarmId)) alarms.set(alarmId, ctx.store.getAlarm(alarmId));
    const alarm = alarms.get(alarmId);
    if (!alarm) continue;
    const changes = ds.sort((a, b) => a.at - b.at || a.id - b.id).map((d) => ({ kind: d.kind, at: d.at, severity: d.severity }));
    items.push({ alarm, place: placeOf(alarm, ctx.fleet), changes, links: alarmLinks(ctx.store, alarm) });
  }
  return items;
}

/** Stores a rendered message for the sender (due now) and links the deliveries it carries. */
export function queueMessage(
  ctx: DispatchContext,
  profile: DispatchProfile,
  fields: { key: string; kind: MessageKind; groupKey: string; rendered: RenderedMessage; now: number },
  deliveryIds: readonly number[],
): NewMessage {
  const message: NewMessage = {
    key: fields.key,
    notifier: ctx.notifier,
    profile: profile.id,
    groupKey: fields.groupKey,
    kind: fields.kind,
    recipients: [...profile.recipients],
    ...fields.rendered,
    nextAttemptAt: fields.now,
    createdAt: fields.now,
  };
  ctx.store.insertMessage(message, deliveryIds);
  ctx.messages.inc({ notifier: ctx.notifier, profile: profile.id, kind: fields.kind });
  return message;
}
