import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';

/** The node most end-to-end tests send from: 127.0.0.1 is HQ Primary of Acme Dental. */
export const LOOPBACK_PRIMARY = { id: 'acme-hq-primary', name: 'HQ Primary', role: 'primary', addresses: ['127.0.0.1'] };

export interface StackConfigOptions {
  /** The `collectors:` section; the default turns syslog UDP on 127.0.0.1, port 0. */
  collectors?: Record<string, unknown>;
  /** Nodes of the one site (Acme Dental, acme-hq, Europe/London); default LOOPBACK_PRIMARY. */
  nodes?: Array<Record<string, unknown>>;
  /** Any other top-level sections (correlation, sinks, notifiers, licence …). */
  sections?: Record<string, unknown>;
}

/**
 * Writes `<dir>/config.yaml` for a test stack: HTTP and every listener on
 * 127.0.0.1 port 0, data in `<dir>/data`, one customer and site. Returns its path.
 */
export function writeStackConfig(dir: string, options: StackConfigOptions = {}): string {
  const config = {
    server: { http: { listenAddress: '127.0.0.1', port: 0 } },
    storage: { dataDir: join(dir, 'data') },
    ...options.sections,
    collectors: options.collectors ?? { syslog: { udp: { listenAddress: '127.0.0.1', port: 0 } } },
    fleet: {
      customers: [
        {
          id: 'acme',
          name: 'Acme Dental',
          sites: [{ id: 'acme-hq', name: 'Head office', timeZone: 'Europe/London', nodes: options.nodes ?? [LOOPBACK_PRIMARY] }],
        },
      ],
    },
  };
  const path = join(dir, 'config.yaml');
  writeFileSync(path, stringify(config));
  return path;
}
