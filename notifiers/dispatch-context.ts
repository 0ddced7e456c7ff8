import type { Logger } from 'pino';
import type { Alarm } from '../src/correlation/alarm.js';
import { alarmLinks, type AlarmLinks } from '../src/correlation/alarm-links.js';
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

/**
 * Alarms and their deep links as read during one dispatcher step: an alarm in several profiles' groups (and in their
 * digests) is read, and its links looked up, once. Only for one synchronous step; nothing in it changes alarms.
 */
export class AlarmReads {
  private readonly alarms = new Map<number, Alarm | null>();
  private readonly links = new Map<number, AlarmLinks>();

  constructor(private readonly store: Store) {}

  alarm(id: number): Alarm | null {
    if (!this.alarms.has(id)) this.alarms.set(id, this.store.getAlarm(id));
    return this.alarms.get(id)!;
  }

  linksOf(alarm: Alarm): AlarmLinks {
    let links = this.links.get(alarm.id);
    if (!links) this.links.set(alarm.id, (links = alarmLinks(this.store, alarm)));
    return links;
  }
}

/** One item per alarm, its changes oldest first, its deep links; deliveries of alarms that no longer exist are left out. */
export function itemsOf(ctx: DispatchContext, deliveries: readonly PendingDelivery[], reads = new AlarmReads(ctx.store)): AlarmItem[] {
  const byAlarm = new Map<number, PendingDelivery[]>();
  for (const d of deliveries) byAlarm.set(d.alarmId, [...(byAlarm.get(d.alarmId) ?? []), d]);
  const items: AlarmItem[] = [];
  for (const [alarmId, ds] of byAlarm) {
    const alarm = reads.alarm(alarmId);
    if (!alarm) continue;
    const changes = ds.sort((a, b) => a.at - b.at || a.id - b.id).map((d) => ({ kind: d.kind, at: d.at, severity: d.severity }));
    items.push({ alarm, place: placeOf(alarm, ctx.fleet), changes, links: reads.linksOf(alarm) });
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
