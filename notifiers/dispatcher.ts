import type { Alarm } from '../src/correlation/alarm.js';
import type { RecurringWindow } from '../src/correlation/recurring-window.js';
import { Brake } from './brake.js';
import type { Delivery, NewDelivery } from './delivery.js';
import { sendDigestIfDue } from './digest.js';
import { AlarmReads, itemsOf, queueMessage, type DispatchContext } from './dispatch-context.js';
import { holdAtFlush, type HoldSources } from './flush-holds.js';
import { groupKey, groupLabel } from './group-key.js';
import { nextFlushAt, type GroupTiming } from './group-timing.js';
import { endedWindows, queueMaintenanceSummaries } from './maintenance-summaries.js';
import { isResolved, type DispatchProfile } from './message-renderer.js';
import { placeOf } from './place.js';
import { pendingDelivery, type PendingDelivery } from './pending-delivery.js';
import { route } from './route.js';

/** Outbox rows claimed per transaction, and per step at most (the rest next step). */
const FAN_OUT_BATCH = 1000;
const FAN_OUT_PER_STEP = 50_000;
/** On start, maintenance windows that ended this long ago still get their summary (the key stops doubles). */
const MAINTENANCE_LOOKBACK_MS = 60 * 60_000;
const RESTORE_LIMIT = 200_000;

interface Group {
  profile: DispatchProfile;
  key: string;
  /** Deliveries waiting for group wait / group interval, compact (the whole rows are in the store). */
  pending: PendingDelivery[];
  lastFlushAt: number | null;
  /** Alarms told firing and not told resolved since. */
  firing: Set<number>;
}

export interface DispatcherOptions extends HoldSources {
  profiles: readonly DispatchProfile[];
  timing: GroupTiming;
  brake: { maxPerInterval: number; intervalMs: number };
  maintenanceWindows: () => readonly RecurringWindow[];
}

/**
 * Claims `pending` outbox rows and turns them into messages, Alertmanager
 * style: each row fans out to every profile (one delivery per row and
 * profile, UNIQUE), taken ones wait in their group (profile × customer/site/
 * node) for group wait / group interval, are checked again for inhibition and
 * maintenance, pass the profile's storm brake, and leave as one message per
 * group. Everything it decides is stored before it acts, so a restart resumes
 * where it stopped. Synchronous; driven by the notifier's timer with a clock.
 */
export class Dispatcher {
  private readonly groups = new Map<string, Group>();
  private readonly brakes = new Map<string, Brake>();
  private maintenanceCheckedAt: number | null = null;

  constructor(
    private readonly ctx: DispatchContext,
    private readonly options: DispatcherOptions,
  ) {
    for (const profile of options.profiles) this.brakes.set(profile.id, new Brake(options.brake.maxPerInterval, options.brake.intervalMs));
  }

  /** Rebuilds groups, brakes and firing sets from the store (after a restart). */
  restore(now: number): void {
    const { store, notifier } = this.ctx;
    for (const d of store.listDeliveries({ notifier, statuses: ['grouped'], limit: RESTORE_LIMIT })) this.keep(d);
    for (const f of store.listFiringDeliveries(notifier, RESTORE_LIMIT)) {
      const group = this.group(f.profile, f.groupKey);
      if (!group) continue;
      group.firing.add(f.alarmId);
    }
    for (const profile of this.options.profiles) {
      const recent = store.listMessages({ notifier, profile: profile.id, kinds: ['alarms', 'reminder'], since: now - this.options.brake.intervalMs, limit: 100_000 });
      const held = store.listDeliveries({ notifier, profile: profile.id, statuses: ['suppressed-by-brake'], limit: 1 })[0];
      this.brakes.get(profile.id)!.restore(recent.map((m) => m.createdAt), held ? held.updatedAt : null, now);
    }
    this.maintenanceCheckedAt = now - MAINTENANCE_LOOKBACK_MS;
  }

  /** One pass: claim new rows, send due groups, reminders and digests, summaries of ended maintenance windows. */
  step(now: number): void {
    this.fanOut(now);
    const reads = new AlarmReads(this.ctx.store);
    this.flushDue(now, reads);
    for (const profile of this.options.profiles) sendDigestIfDue(this.ctx, profile, this.brakes.get(profile.id)!, now, reads);
    const from = this.maintenanceCheckedAt ?? now - MAINTENANCE_LOOKBACK_MS;
    this.maintenanceCheckedAt = now;
    if (from < now) queueMaintenanceSummaries(this.ctx, this.options.profiles, endedWindows(this.ctx, this.options.maintenanceWindows(), from, now), now);
  }

  /** Transitions waiting in groups (a gauge). */
  grouped(): number {
    let grouped = 0;
    for (const g of this.groups.values()) grouped += g.pending.length;
    return grouped;
  }

  /** True while the profile's storm brake holds messages for a digest (a gauge). */
  braking(profileId: string): boolean {
    return this.brakes.get(profileId)?.heldSince != null;
  }

  private group(profileId: string, key: string): Group | null {
    const id = `${profileId}\u0000${key}`;
    let group = this.groups.get(id);
    if (!group) {
      const profile = this.options.profiles.find((p) => p.id === profileId);
      if (!profile) return null; // a profile removed from the configuration: its rows stay as they are
      const last = this.ctx.store.listMessages({ notifier: this.ctx.notifier, profile: profileId, groupKey: key, kinds: ['alarms', 'reminder'], limit: 1 })[0];
      group = { profile, key, pending: [], lastFlushAt: last?.createdAt ?? null, firing: new Set() };
      this.groups.set(id, group);
    }
    return group;
  }

  /** A grouped delivery waits in its group until the group is due. */
  private keep(delivery: Delivery): void {
    const group = this.group(delivery.profile, delivery.groupKey);
    group?.pending.push(pendingDelivery(delivery, group.profile.id));
  }

  private fanOut(now: number): void {
    const { store, notifier, fleet } = this.ctx;
    for (let claimed = 0; claimed < FAN_OUT_PER_STEP; ) {
      const rows = store.listPendingNotifications(FAN_OUT_BATCH);
      if (rows.length === 0) return;
      claimed += rows.length;
      const toldInBatch = new Map<number, Set<string>>();
      const planned = rows.map((row) => {
        const alarm = store.getAlarm(row.alarmId);
        if (!alarm) return { row, deliveries: [] as NewDelivery[] };
        const place = placeOf(alarm, fleet);
        let told = toldInBatch.get(alarm.id);
        if (!told && (row.kind === 'cleared' || row.kind === 'severity-changed')) told = new Set(store.profilesTold(notifier, alarm.id));
        const deliveries = this.options.profiles.map((profile): NewDelivery => {
          const decision = route(profile, row, alarm, place, told?.has(profile.id) ?? false);
          if (decision.status === 'grouped' && row.kind !== 'cleared') toldInBatch.set(alarm.id, (told ??= new Set()).add(profile.id));
          return {
            key: `${row.id}:${notifier}:${profile.id}`,
            notificationId: row.id,
            alarmId: alarm.id,
            notifier,
            profile: profile.id,
            groupKey: groupKey(profile.groupBy, place, alarm.sourceAddress),
            kind: row.kind,
            severity: row.kind === 'cleared' ? 'cleared' : row.severity,
            category: row.category,
            at: row.at,
            ...decision,
          };
        });
        return { row, deliveries };
      });
      const stored = store.transaction(() => planned.map(({ row, deliveries }) => store.recordFanOut(row.id, deliveries, now)));
      for (const d of stored.flat()) {
        this.ctx.deliveries.inc({ notifier, profile: d.profile, status: d.status });
        if (d.status === 'grouped') this.keep(d);
      }
    }
  }

  private flushDue(now: number, reads: AlarmReads): void {
    const due: Array<[number, Group]> = [];
    for (const [id, group] of this.groups) {
      // Group wait counts from the transition itself, so a slow claim or a restart does not lengthen it.
      const firstPendingAt = group.pending.reduce<number | null>((min, d) => (min === null || d.at < min ? d.at : min), null);
      const at = nextFlushAt({ firstPendingAt, lastFlushAt: group.lastFlushAt, firing: group.firing.size }, this.options.timing);
      if (at === null) this.groups.delete(id);
      else if (at <= now) due.push([at, group]);
    }
    // Oldest first, so under the brake the first problems of a storm are the ones mailed one by one.
    for (const [, group] of due.sort((a, b) => a[0] - b[0])) {
      if (group.pending.length > 0) this.flush(group, now, reads);
      else this.remind(group, now);
    }
  }

  private flush(group: Group, now: number, reads: AlarmReads): void {
    const deliveries = group.pending.sort((a, b) => a.id - b.id);
    group.pending = [];
    try {
      this.flushInTransaction(group, deliveries, now, reads);
    } catch (error) {
      group.pending = deliveries; // the store rolled back to `grouped`: try again next step
      throw error;
    }
  }

  /** Holds what became inhibited or silenced, then one message or the brake, all in one transaction. */
  private flushInTransaction(group: Group, deliveries: PendingDelivery[], now: number, reads: AlarmReads): void {
    const { store, notifier } = this.ctx;
    const send: PendingDelivery[] = [];
    store.transaction(() => {
      for (const d of deliveries) {
        const alarm = reads.alarm(d.alarmId);
        const hold = !alarm ? { status: 'not-in-profile' as const, reason: 'the alarm no longer exists (removed by retention)' } : d.kind !== 'cleared' ? holdAtFlush(alarm, placeOf(alarm, this.ctx.fleet), now, this.options) : null;
        if (hold) {
          store.setDeliveryStatus([d.id], hold.status, hold.reason, now);
          this.ctx.deliveries.inc({ notifier, profile: d.profile, status: hold.status });
        } else send.push(d);
      }
      // A resolved notice whose firing notice was just held has nobody to resolve for.
      const orphans = new Set(send.filter((d) => d.kind === 'cleared' && !store.profilesTold(notifier, d.alarmId).includes(d.profile)));
      if (orphans.size > 0) store.setDeliveryStatus([...orphans].map((d) => d.id), 'not-in-profile', `profile ${group.profile.id} was never told this alarm was firing (its firing notice was held), so no resolved notice`, now);
      const told = send.filter((d) => !orphans.has(d));
      const items = itemsOf(this.ctx, told, reads);
      if (items.length === 0) return;
      group.lastFlushAt = now;
      for (const item of items) (isResolved(item) ? group.firing.delete(item.alarm.id) : group.firing.add(item.alarm.id));
      const ids = told.map((d) => d.id);
      const brake = this.brakes.get(group.profile.id)!;
      if (!brake.allow(now)) {
        store.setDeliveryStatus(ids, 'suppressed-by-brake', `storm brake: profile ${group.profile.id} reached ${brake.describe()}; listed in the digest due ${new Date(brake.digestDueAt()!).toISOString()}`, now);
        this.ctx.deliveries.inc({ notifier, profile: group.profile.id, status: 'suppressed-by-brake' }, ids.length);
        return;
      }
      const rendered = this.ctx.render.alarms(group.profile, 'alarms', groupLabel(group.profile.groupBy, items[0]!.place), items);
      queueMessage(this.ctx, group.profile, { key: `alarms:${group.profile.id}:${group.key}:${ids[0]}`, kind: 'alarms', groupKey: group.key, rendered, now }, ids);
    });
  }

  /** Nothing new, but alarms still firing after repeatIntervalHours: one reminder (acknowledged, cleared and held ones left out). */
  private remind(group: Group, now: number): void {
    const { store } = this.ctx;
    const items = [...group.firing]
      .map((id) => store.getAlarm(id))
      .filter((alarm): alarm is Alarm => alarm !== null && alarm.state === 'active')
      .map((alarm) => ({ alarm, place: placeOf(alarm, this.ctx.fleet), changes: [] }))
      .filter((item) => holdAtFlush(item.alarm, item.place, now, this.options) === null);
    group.firing = new Set(items.map((item) => item.alarm.id));
    group.lastFlushAt = now;
    if (items.length === 0 || !this.brakes.get(group.profile.id)!.allow(now)) return;
    const rendered = this.ctx.render.alarms(group.profile, 'reminder', groupLabel(group.profile.groupBy, items[0]!.place), items);
    store.transaction(() => queueMessage(this.ctx, group.profile, { key: `reminder:${group.profile.id}:${group.key}:${now}`, kind: 'reminder', groupKey: group.key, rendered, now }, []));
  }
}
