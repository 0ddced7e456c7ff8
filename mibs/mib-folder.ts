import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import snmp from 'net-snmp';

/** Extensions read as MIB files from the configured folder. */
export const MIB_FILE_EXTENSIONS = ['.mib', '.my', '.txt', '.smi'];

export interface MibFolderResult {
  /** OID → "MODULE::object" for every object of every module loaded (base modules included). */
  names: Array<[oid: string, name: string]>;
  /** Module names loaded from the folder. */
  modules: string[];
  /** Files that could not be loaded, with why (a missing import, a syntax error). */
  failed: Array<{ file: string; error: string }>;
}

/**
 * Loads every SMIv2 MIB file in a folder into net-snmp's ModuleStore. The
 * store needs a module's imports loaded first, so files that fail are retried
 * until a pass loads nothing new; what still fails is reported, not thrown.
 * The parser prints "Can not find …" on stdout, which would corrupt our JSON
 * log stream: console output is swallowed while it runs.
 */
export function loadMibFolder(folder: string): MibFolderResult {
  const files = readdirSync(folder)
    .filter((file) => MIB_FILE_EXTENSIONS.some((ext) => file.toLowerCase().endsWith(ext)))
    .sort();
  const store = snmp.createModuleStore();
  const before = new Set<string>(store.getModuleNames(true));
  let pending = files;
  const errors = new Map<string, string>();
  withConsoleSilenced(() => {
    for (;;) {
      const next: string[] = [];
      for (const file of pending) {
        try {
          store.loadFromFile(join(folder, file));
          errors.delete(file);
        } catch (error) {
          errors.set(file, error instanceof Error ? error.message : String(error));
          next.push(file);
        }
      }
      if (next.length === 0 || next.length === pending.length) break;
      pending = next;
    }
  });
  const translations = store.translations as { oidToModule: Record<string, string> };
  return {
    names: Object.entries(translations.oidToModule),
    modules: (store.getModuleNames(true) as string[]).filter((name) => !before.has(name)),
    failed: [...errors].map(([file, error]) => ({ file, error })),
  };
}

function withConsoleSilenced(fn: () => void): void {
  const saved = { log: console.log, warn: console.warn, error: console.error, info: console.info };
  const quiet = () => undefined;
  Object.assign(console, { log: quiet, warn: quiet, error: quiet, info: quiet });
  try {
    fn();
  } finally {
    Object.assign(console, saved);
  }
}
