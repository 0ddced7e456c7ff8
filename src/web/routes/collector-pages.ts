import type { FastifyPluginAsync } from 'fastify';
import type { ApiDeps } from '../../api/deps.js';
import { CollectorRateRing } from '../collector-stats.js';
import { renderCollectorsBody, type UnknownSender } from '../collectors-page.js';
import { NO_SCRIPT_REFRESH_SECONDS, sendPage } from './page-shell.js';

const SAMPLE_EVERY_MS = 10_000;
const UNKNOWN_SCAN = 500;
const UNKNOWN_SHOWN = 50;

/** /collectors: what each collector received, accepted, refused and dropped, with rates, kernel drops and unknown senders. */
export function collectorPageRoutes(deps: ApiDeps): FastifyPluginAsync {
  return async (app) => {
    const ring = new CollectorRateRing(() => deps.metrics.samples());
    ring.sample(deps.now());
    const timer = setInterval(() => ring.sample(deps.now()), SAMPLE_EVERY_MS);
    timer.unref();
    app.addHook('preClose', async () => clearInterval(timer));

    app.get('/collectors', async (request, reply) => {
      const snapshot = ring.sample(deps.now());
      const unknownEvents = deps.store.listEvents({ unknownSource: true, limit: UNKNOWN_SCAN });
      const senders = new Map<string, UnknownSender>();
      for (const event of unknownEvents) {
        const sender = senders.get(event.sourceAddress);
        if (sender) sender.events += 1;
        else senders.set(event.sourceAddress, { address: event.sourceAddress, hostname: event.hostname ?? null, events: 1, lastSeen: new Date(event.receivedAt).toISOString(), exampleText: event.text });
      }
      const body = renderCollectorsBody({
        snapshot,
        rates: ring.rates(snapshot),
        endpoints: deps.health().collectors,
        unknownSenders: [...senders.values()].sort((a, b) => b.events - a.events).slice(0, UNKNOWN_SHOWN),
        unknownScanned: unknownEvents.length,
        history: ring.history(),
      });
      return sendPage(request, reply, deps, { title: 'Collectors', section: 'collectors', body, scripts: ['live.js', 'collectors.js'], styles: ['vendor/uPlot.min.css'], live: true, refreshSeconds: NO_SCRIPT_REFRESH_SECONDS });
    });
  };
}
