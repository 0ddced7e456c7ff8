import type { FleetEvent } from '../../src/events/fleet-event.js';
import type { BackPressure, CollectorContext } from '../types.js';
import type { ListenerName } from './map.js';
import type { ConnectionFlow } from './stream-listener.js';
import type { SyslogMetrics } from './syslog-metrics.js';

type StreamTransport = Exclude<ListenerName, 'udp'>;

/** Where one connection's events go, in the order they were read. */
export interface StreamGate {
  deliver(event: FleetEvent): void;
}

export interface StreamGates {
  open(listener: StreamTransport, flow: ConnectionFlow): StreamGate;
  /**
   * The collector stops: events still held are emitted the ordinary way
   * (a full queue drops and counts them) and every gate is forgotten.
   */
  flush(): void;
}

interface Gate extends StreamGate {
  /** Offers the held events in order; true once none is left. */
  replay(): boolean;
  /** Reads again (after replay() emptied it). */
  release(): void;
  /** Shutdown: the held events to ctx.emit, whatever it answers. */
  abandon(): void;
}

/**
 * Back-pressure for TCP and TLS: an event the pipeline refuses (at its
 * high-water mark) is kept, with every later one of that connection, and the
 * connection stops reading. When the pipeline has drained to its low-water
 * mark, every paused connection offers what it holds, in the order they were
 * paused, and reads again once all of it is queued. What a gate holds is at
 * most what was already read: the rest of the chunk that held the refused frame.
 * Without ctx.backPressure (unit tests) events go to ctx.emit: dropped when full.
 */
export function createStreamGates(ctx: CollectorContext, metrics: SyslogMetrics): StreamGates {
  const backPressure = ctx.backPressure;
  const paused = new Set<Gate>();
  let unsubscribe: (() => void) | null = null;

  const resumeAll = () => {
    for (const gate of [...paused]) {
      paused.delete(gate);
      if (gate.replay()) gate.release();
      else paused.add(gate); // refused again: to the back, the others had their turn
    }
    if (paused.size === 0) stopListening();
  };
  const stopListening = () => {
    unsubscribe?.();
    unsubscribe = null;
  };

  const open = (listener: StreamTransport, flow: ConnectionFlow, bp: BackPressure): Gate => {
    let held: FleetEvent[] = [];
    let next = 0; // held[next..] still to offer; an index, not shift(), so a long hold replays in O(n)
    const gate: Gate = {
      deliver(event) {
        if (next < held.length) {
          held.push(event); // behind what is held: order per connection is kept
          return;
        }
        if (bp.offer(event) === 'accepted') return;
        held = [event];
        next = 0;
        flow.pause();
        paused.add(gate);
        metrics.streamPaused(listener);
        unsubscribe ??= bp.onDrain(resumeAll);
      },
      replay() {
        while (next < held.length) {
          if (bp.offer(held[next]!) !== 'accepted') return false;
          next += 1;
        }
        held = [];
        next = 0;
        return true;
      },
      release() {
        metrics.streamResumed(listener);
        flow.resume(); // a no-op once the connection has closed
      },
      abandon() {
        for (let i = next; i < held.length; i += 1) ctx.emit(held[i]!);
        held = [];
        next = 0;
        metrics.streamResumed(listener);
      },
    };
    return gate;
  };

  return {
    open(listener, flow) {
      if (!backPressure) return { deliver: (event) => void ctx.emit(event) };
      return open(listener, flow, backPressure);
    },
    flush() {
      stopListening();
      const gates = [...paused];
      paused.clear();
      for (const gate of gates) gate.abandon();
    },
  };
}
