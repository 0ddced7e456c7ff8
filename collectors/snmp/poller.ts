import { IPO_PHONES_ENTRY_OID } from '../../mibs/ipo-phones-mib.js';
import { ENT_PHYSICAL_ENTRY, SYS_DESCR, SYS_OBJECT_ID, SYS_UP_TIME } from '../../mibs/standard-oids.js';
import type { CollectorContext } from '../types.js';
import { parseEntityTable, parsePhoneTable, type NodeInventory, type PhoneRow } from './inventory.js';
import { afterAnswer, afterMiss, INITIAL_POLL_STATE, type PolledNode, type PollState } from './poll-state.js';
import type { PollSession, PollTarget } from './poll-session.js';
import { scalarOf } from './varbind-value.js';

export interface PollPlan extends PolledNode {
  intervalSeconds: number;
  target: PollTarget;
}

interface Running {
  plan: PollPlan;
  session: PollSession | null;
  state: PollState;
  timer: NodeJS.Timeout | null;
  inFlight: Promise<void> | null;
  inventory: NodeInventory | null;
}

/**
 * Polls each node on its own interval: sysDescr, sysObjectID and sysUpTime
 * (reboots, reachability), then the entity table and the IP Office phone
 * table (inventory, kept in memory). A poll still running when the next is
 * due is not doubled. Emits poll events through the collector context.
 */
export class Poller {
  private readonly nodes = new Map<string, Running>();
  private stopped = false;

  constructor(
    plans: readonly PollPlan[],
    private readonly ctx: CollectorContext,
    private readonly openSession: (target: PollTarget) => PollSession,
  ) {
    for (const plan of plans) this.nodes.set(plan.nodeId, { plan, session: null, state: INITIAL_POLL_STATE, timer: null, inFlight: null, inventory: null });
  }

  /** Polls every node now and then every intervalSeconds. */
  start(): void {
    this.stopped = false;
    for (const running of this.nodes.values()) {
      void this.pollNow(running.plan.nodeId);
      running.timer = setInterval(() => void this.pollNow(running.plan.nodeId), running.plan.intervalSeconds * 1000);
      running.timer.unref();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const running of this.nodes.values()) {
      if (running.timer) clearInterval(running.timer);
      running.timer = null;
    }
    await Promise.all([...this.nodes.values()].map((running) => running.inFlight));
    for (const running of this.nodes.values()) {
      running.session?.close();
      running.session = null;
    }
  }

  /** One poll of one node (resolves when it is done; joins a poll already running). */
  pollNow(nodeId: string): Promise<void> {
    const running = this.nodes.get(nodeId);
    if (!running || this.stopped) return Promise.resolve();
    if (running.inFlight) return running.inFlight;
    running.inFlight = this.poll(running).finally(() => (running.inFlight = null));
    return running.inFlight;
  }

  inventory(nodeId: string): NodeInventory | null {
    return this.nodes.get(nodeId)?.inventory ?? null;
  }

  /** The phone with this extension number on this node, from the last phone table walk. */
  phone(nodeId: string, extension: string): PhoneRow | null {
    return this.nodes.get(nodeId)?.inventory?.phones.find((phone) => phone.extension === extension) ?? null;
  }

  plans(): PollPlan[] {
    return [...this.nodes.values()].map((running) => running.plan);
  }

  private async poll(running: Running): Promise<void> {
    const { plan } = running;
    running.session ??= this.openSession(plan.target);
    const session = running.session;
    let scalars;
    try {
      scalars = await session.get([SYS_DESCR, SYS_OBJECT_ID, SYS_UP_TIME]);
    } catch (error) {
      this.apply(running, afterMiss(running.state, plan, { at: this.ctx.clock.now(), error: (error as Error).message }));
      // A fresh session next time: a v3 session may hold a stale engine (the agent restarted).
      session.close();
      running.session = null;
      return;
    }
    const [descr, objectId, upTime] = scalars.map((vb) => scalarOf(vb));
    const at = this.ctx.clock.now();
    const sysDescr = typeof descr === 'string' ? descr : null;
    this.apply(running, afterAnswer(running.state, plan, { at, upTime: typeof upTime === 'number' ? upTime : null, sysDescr }));

    const walkErrors: string[] = [];
    const walk = async (oid: string) => session.subtree(oid).catch((error: Error) => (walkErrors.push(`${oid}: ${error.message}`), null));
    const entities = await walk(ENT_PHYSICAL_ENTRY);
    const phones = await walk(IPO_PHONES_ENTRY_OID);
    const previous = running.inventory;
    running.inventory = {
      nodeId: plan.nodeId,
      polledAt: at,
      sysDescr,
      sysObjectId: typeof objectId === 'string' ? objectId : null,
      sysUpTime: typeof upTime === 'number' ? upTime : null,
      entities: entities ? parseEntityTable(entities) : (previous?.entities ?? []),
      phones: phones ? parsePhoneTable(phones) : (previous?.phones ?? []),
      walkErrors,
    };
  }

  private apply(running: Running, result: { state: PollState; events: import('../../src/events/fleet-event.js').FleetEvent[] }): void {
    running.state = result.state;
    for (const event of result.events) this.ctx.emit(event);
  }
}
