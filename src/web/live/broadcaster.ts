import type { RecordedDecision } from '../../pipeline/record-decision.js';

/** One connected browser: where to write SSE frames, and how to hang up. */
export interface LiveClient {
  write(chunk: string): void;
  end(): void;
  /** Asked at each heartbeat (a stream opened by a signed-in session): false ends the stream. */
  isActive?(): boolean;
}

/** What one batch changed on one alarm, as live.js reads it (`event: alarms`). */
export interface AlarmChange {
  id: number;
  nodeId: string | null;
  state: string;
  severity: string;
  /** Transition kinds in this batch; empty for a mere repeat (count and last seen moved). */
  transitions: string[];
}

export const DEFAULT_MAX_CLIENTS = 64;

/**
 * In-process fan-out from the pipeline (and UI actions) to the server-sent
 * event streams of open pages. Bounded: a NOC has a handful of screens, and a
 * runaway script must not hold thousands of sockets. Writes never throw into
 * the pipeline: a client whose socket fails is dropped.
 */
export class LiveBroadcaster {
  private readonly clients = new Set<LiveClient>();

  constructor(readonly maxClients: number = DEFAULT_MAX_CLIENTS) {}

  get size(): number {
    return this.clients.size;
  }

  /** Adds a client; returns its unsubscribe, or null when the limit is reached. */
  subscribe(client: LiveClient): (() => void) | null {
    if (this.clients.size >= this.maxClients) return null;
    this.clients.add(client);
    return () => this.clients.delete(client);
  }

  publish(event: string, data: unknown): void {
    this.send(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** The pipeline listener: one `alarms` frame per batch that touched any alarm. */
  onRecorded(recorded: readonly RecordedDecision[]): void {
    if (this.clients.size === 0) return; // most batches: no page open, nothing to coalesce
    const changes = alarmChangesOf(recorded);
    if (changes.length > 0) this.publish('alarms', changes);
  }

  /**
   * A comment line, so proxies and the browser keep an idle stream open. First ends the streams whose session has
   * expired since (the page's next request then goes to the sign-in page).
   */
  heartbeat(): void {
    for (const client of [...this.clients]) if (client.isActive && !client.isActive()) this.drop(client);
    this.send(': heartbeat\n\n');
  }

  /** Ends one stream now (its session was signed out or expired). */
  drop(client: LiveClient): void {
    if (!this.clients.delete(client)) return;
    try {
      client.end();
    } catch {
      // already gone
    }
  }

  /** Ends every stream (server shutdown), so closing the HTTP server does not wait for them. */
  closeAll(): void {
    for (const client of [...this.clients]) this.drop(client);
  }

  private send(chunk: string): void {
    for (const client of [...this.clients]) {
      try {
        client.write(chunk);
      } catch {
        this.clients.delete(client);
      }
    }
  }
}

/** Coalesces a batch per alarm: the last state wins, transition kinds accumulate. */
export function alarmChangesOf(recorded: readonly RecordedDecision[]): AlarmChange[] {
  const byId = new Map<number, AlarmChange>();
  for (const { alarm, transitions } of recorded) {
    if (!alarm) continue;
    const previous = byId.get(alarm.id);
    byId.set(alarm.id, { id: alarm.id, nodeId: alarm.nodeId, state: alarm.state, severity: alarm.severity, transitions: [...(previous?.transitions ?? []), ...transitions] });
  }
  return [...byId.values()];
}
