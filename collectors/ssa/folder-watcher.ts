import { watch, type FSWatcher } from 'node:fs';
import { access, lstat, mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { CodedError } from '../../src/errors.js';
import type { CollectorContext } from '../types.js';
import type { SsaIngest } from './ingest.js';

/** The HTTP limit, for files too: a file larger than this is not an SSA alarm list. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export interface FolderWatcherOptions {
  path: string;
  scanIntervalSeconds: number;
  settleSeconds: number;
}

export interface FolderWatcher {
  readonly path: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Scans now; resolves when the scan (and any it triggered) is done. For tests and start. */
  scan(): Promise<void>;
}

/** Names we leave alone: hidden, partial copies, our own .reason files. */
const IGNORED = /^\.|\.(tmp|part|partial|crdownload|reason)$/i;

/**
 * Watches a folder for snapshot files (one per node and list). A file is read
 * once it has settled, ingested, then moved to done/ — or, when refused, to
 * quarantine/ with a `.reason` file beside it. A file whose events could not
 * all be queued stays where it is and is tried again at the next scan; being
 * a replay, it only delivers what is missing. File-system notifications make
 * it prompt; the periodic scan catches what they miss (network shares).
 */
export function createFolderWatcher(options: FolderWatcherOptions, ingest: SsaIngest, ctx: CollectorContext): FolderWatcher {
  const root = resolve(options.path);
  const done = join(root, 'done');
  const quarantine = join(root, 'quarantine');
  let fsWatcher: FSWatcher | null = null;
  let timer: NodeJS.Timeout | null = null;
  let settleTimer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = true;

  const scheduleSettle = (ms: number) => {
    if (settleTimer || stopped) return;
    settleTimer = setTimeout(() => {
      settleTimer = null;
      void scan();
    }, ms);
    settleTimer.unref();
  };

  const scanOnce = async (): Promise<void> => {
    let names: string[];
    try {
      names = (await readdir(root)).filter((name) => !IGNORED.test(name)).sort();
    } catch (error) {
      ctx.log.error({ err: error, path: root }, 'ssa: cannot read the drop folder');
      return;
    }
    for (const name of names) {
      if (stopped) return;
      const file = join(root, name);
      const info = await lstat(file).catch(() => null);
      if (!info?.isFile()) continue;
      // File times are the file system's wall clock, so compare with the real one, not the injected clock.
      const waitMs = info.mtimeMs + options.settleSeconds * 1000 - Date.now();
      if (waitMs > 0) {
        scheduleSettle(waitMs);
        continue;
      }
      await processFile(name, file, info.size);
    }
  };

  const processFile = async (name: string, file: string, size: number) => {
    if (size > MAX_FILE_BYTES) {
      ctx.metrics.received();
      ctx.metrics.refused('too-large');
      await moveAside(file, quarantine, name, `reason: too-large\nmessage: ${size} bytes; an SSA alarm list is far smaller (at most ${MAX_FILE_BYTES})\n`);
      return;
    }
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch (error) {
      ctx.log.warn({ err: error, file }, 'ssa: cannot read a dropped file; it is tried again at the next scan');
      return;
    }
    try {
      const outcome = await ingest.ingest({ body, via: 'folder', sourceAddress: '', fileName: name });
      if (outcome.status === 'refused') {
        const { reason, line, message } = outcome.refusal;
        ctx.log.warn({ file: name, reason, line }, 'ssa: dropped file refused; moved to quarantine/');
        await moveAside(file, quarantine, name, `reason: ${reason}\nline: ${line ?? '-'}\nmessage: ${message}\n`);
      } else if (outcome.status === 'partial') {
        ctx.log.warn({ file: name, dropped: outcome.events.dropped }, 'ssa: the event queue is full; the file stays and is tried again at the next scan');
      } else await moveAside(file, done, name, null);
    } catch (error) {
      ctx.log.error({ err: error, file: name }, 'ssa: processing a dropped file failed; it is tried again at the next scan');
    }
  };

  const moveAside = async (file: string, folder: string, name: string, reason: string | null) => {
    const target = await freeName(folder, name);
    try {
      if (reason !== null) await writeFile(`${target}.reason`, `file: ${name}\n${reason}`);
      await rename(file, target);
    } catch (error) {
      ctx.log.error({ err: error, file: name, folder }, 'ssa: cannot move a processed file aside; it will be read again (harmless: a replay changes nothing)');
    }
  };

  const freeName = async (folder: string, name: string): Promise<string> => {
    const ext = extname(name);
    const stem = basename(name, ext);
    for (let n = 0; ; n++) {
      const candidate = join(folder, n === 0 ? name : `${stem}~${n}${ext}`);
      const taken = await access(candidate).then(() => true, () => false);
      if (!taken) return candidate;
    }
  };

  /** One scan at a time; a request during a scan runs one more afterwards. */
  const scan = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await scanOnce();
      } while (again && !stopped);
    })().finally(() => {
      running = null;
    });
    return running;
  };

  return {
    path: root,
    scan,
    async start() {
      try {
        await mkdir(done, { recursive: true });
        await mkdir(quarantine, { recursive: true });
        fsWatcher = watch(root, () => void scan());
        fsWatcher.on('error', (error) => ctx.log.warn({ err: error, path: root }, 'ssa: file-system notifications stopped; the periodic scan goes on'));
      } catch (error) {
        throw new CodedError('IPO_ERR_COLLECTOR_BIND_FAILED', `ssa: cannot watch the drop folder ${root}: ${(error as Error).message}`, { cause: error });
      }
      stopped = false;
      timer = setInterval(() => void scan(), options.scanIntervalSeconds * 1000);
      timer.unref();
      await scan();
    },
    async stop() {
      stopped = true;
      fsWatcher?.close();
      fsWatcher = null;
      if (timer) clearInterval(timer);
      if (settleTimer) clearTimeout(settleTimer);
      timer = settleTimer = null;
      await running;
    },
  };
}
