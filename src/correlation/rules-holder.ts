import { watch, type FSWatcher } from 'node:fs';
import type { Logger } from 'pino';
import type { Counter } from '../metrics/registry.js';

const RELOAD_DEBOUNCE_MS = 300;

/**
 * Holds the rule matcher in force. reload() loads the catalogue again; if the
 * new one is invalid, the error is logged and counted and the previous
 * matcher stays in force (a typo must not switch the rules off).
 */
export class RulesHolder<T extends { size: number }> {
  private loaded: T;
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  lastError: string | null = null;

  constructor(
    private readonly load: () => T,
    private readonly log: Logger,
    private readonly reloads: Counter,
    /** Told of every reload and its outcome (the audit log records them as the 'system' actor). */
    private readonly onReload: (outcome: { trigger: string; ok: boolean; rules: number; error: string | null }) => void = () => undefined,
  ) {
    this.loaded = load();
  }

  current(): T {
    return this.loaded;
  }

  reload(trigger: string): boolean {
    try {
      this.loaded = this.load();
      this.lastError = null;
      this.reloads.inc({ result: 'ok' });
      this.log.info({ trigger, rules: this.loaded.size }, 'rules reloaded');
      this.onReload({ trigger, ok: true, rules: this.loaded.size, error: null });
      return true;
    } catch (error) {
      this.lastError = error instanceof Error ? error.message : String(error);
      this.reloads.inc({ result: 'invalid' });
      this.log.error({ trigger, err: error }, 'rules reload failed; the previous rules stay in force');
      this.onReload({ trigger, ok: false, rules: this.loaded.size, error: this.lastError });
      return false;
    }
  }

  /** Reloads when a file in the folder changes (debounced: editors write in several steps). */
  watch(dir: string): void {
    this.watcher = watch(dir, () => {
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => this.reload('file change'), RELOAD_DEBOUNCE_MS);
    });
    this.watcher.on('error', (error) => this.log.warn({ err: error, dir }, 'cannot watch the rules folder; reload with SIGHUP'));
  }

  close(): void {
    this.watcher?.close();
    if (this.timer) clearTimeout(this.timer);
  }
}
