import { pino } from 'pino';
import { startDgramCounter as startSharedDgramCounter } from '../shared/dgram-counter.js';
import { rtcpConfigSchema } from '../../collectors/rtcp/config.js';
import { createRtcpCollector } from '../../collectors/rtcp/index.js';
import { FleetIndex } from '../../src/fleet/fleet-index.js';
import { fleetSchema } from '../../src/fleet/fleet-schema.js';
import { openSqliteStore } from '../../src/storage/sqlite-store.js';
import { phoneDirectory, STREAMS } from './load.js';

/** A receiver under test: where to send, how many datagrams it has handled, when it last made progress. */
export interface Receiver {
  port: number;
  processed(): number;
  lastProgressAt(): number;
  refused(): number;
  stop(): Promise<void>;
}

/** The ceiling: a node:dgram socket that only counts. */
export async function startDgramCounter(): Promise<Receiver> {
  return { ...(await startSharedDgramCounter()), refused: () => 0 };
}

/**
 * ipo-observer: the RTCP collector on its socket (parse, attribute by the CNAME's phone address,
 * fold into streams) with call records and reports flushed every second to a real SQLite store.
 * A datagram counts as processed once handled (handling is synchronous).
 */
export async function startObserver(dataDir: string): Promise<Receiver> {
  const fleet = new FleetIndex(fleetSchema.parse({ customers: [{ id: 'bench', name: 'Bench', sites: [{ id: 'lab', name: 'Lab', timeZone: 'UTC', nodes: [{ id: 'ipo', name: 'IPO', role: 'ip500v2', addresses: ['192.0.2.1'] }] }] }] }));
  const store = openSqliteStore(dataDir);
  let count = 0;
  let refused = 0;
  let last = 0;
  const collector = createRtcpCollector(rtcpConfigSchema.parse({ enabled: true, listenAddress: '127.0.0.1', port: 0 }), {
    log: pino({ level: 'silent' }),
    clock: { now: () => Date.now() },
    emit: () => 'accepted',
    metrics: {
      received: () => {
        count++;
        last = performance.now();
      },
      accepted: () => undefined,
      refused: () => void refused++,
      dropped: () => undefined,
    },
    fleet,
    store,
    phones: phoneDirectory(STREAMS, () => 'ipo'),
  });
  await collector.start();
  return {
    port: collector.endpoints()[0]!.port!,
    processed: () => count,
    lastProgressAt: () => last,
    refused: () => refused,
    async stop() {
      await collector.stop();
      store.close();
    },
  };
}
