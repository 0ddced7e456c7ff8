import type { Logger } from 'pino';

/**
 * Stop order, whatever the order things were built in: collectors first (no
 * new input), then the engines that feed the pipeline, the pipeline's drain
 * into the store, notifiers and sinks (which read what was stored), HTTP,
 * timers, and the store last.
 */
export const STOP_PHASES = ['collectors', 'engines', 'pipeline', 'notifiers', 'sinks', 'http', 'timers', 'store'] as const;
export type StopPhase = (typeof STOP_PHASES)[number];

/**
 * Each part registers how to stop it as soon as it exists, so a start that
 * fails half-way stops exactly what was started (no file watcher or timer
 * left keeping the process alive), and a normal stop runs in phase order.
 */
export class Lifecycle {
  private readonly hooks = new Map<StopPhase, Array<() => unknown>>();
  private stopping: Promise<void> | null = null;

  constructor(private readonly log: Logger) {}

  onStop(phase: StopPhase, stop: () => unknown): void {
    const list = this.hooks.get(phase) ?? [];
    list.push(stop);
    this.hooks.set(phase, list);
  }

  /** Runs every hook once, phase by phase, later registrations first within a phase; a failing hook is logged and the rest still run. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      for (const phase of STOP_PHASES) {
        for (const hook of [...(this.hooks.get(phase) ?? [])].reverse()) {
          try {
            await hook();
          } catch (error) {
            this.log.error({ err: error, phase }, 'a part failed to stop; stopping the rest');
          }
        }
      }
    })();
    return this.stopping;
  }
}
