import type { FastifyPluginAsync } from 'fastify';
import type { ApiDeps } from '../../api/deps.js';
import { sendError } from '../../api/send-error.js';
import { CodedError } from '../../errors.js';
import { LiveBroadcaster, type LiveClient } from '../live/broadcaster.js';

const HEARTBEAT_MS = 15_000;
/** The browser's EventSource reconnects after this long when the stream drops (e.g. a restart). */
const RETRY_MS = 5_000;

/**
 * GET /api/v1/stream: server-sent events of alarm changes for the open pages
 * (assets/live.js). Heartbeat comments keep idle streams open; before the
 * server closes, every stream is ended so shutdown is not held up by them.
 * A stream opened with the session cookie ends when that session does.
 */
export function streamRoutes(deps: Pick<ApiDeps, 'live' | 'now'>): FastifyPluginAsync {
  return async (app) => {
    const live = deps.live ?? new LiveBroadcaster();
    const timer = setInterval(() => live.heartbeat(), HEARTBEAT_MS);
    timer.unref();
    app.addHook('preClose', async () => {
      clearInterval(timer);
      live.closeAll();
    });

    app.get('/api/v1/stream', async (request, reply) => {
      const raw = reply.raw;
      // A stream opened by a signed-in page ends with its session: at sign-out at once, at expiry by the next heartbeat.
      const session = request.authSession;
      const client: LiveClient = { write: (chunk) => raw.write(chunk), end: () => raw.end(), ...(session && { isActive: () => session.isActive(deps.now()) }) };
      const unsubscribe = live.subscribe(client);
      if (!unsubscribe) {
        return sendError(reply, new CodedError('IPO_ERR_RATE_LIMITED', `too many live streams open (${live.maxClients}); close other pages or tabs`));
      }
      reply.hijack();
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-content-type-options': 'nosniff',
      });
      raw.write(`retry: ${RETRY_MS}\n: connected\n\n`);
      const unwatch = session?.onEnd(() => live.drop(client));
      request.raw.on('close', () => {
        unsubscribe();
        unwatch?.();
      });
    });
  };
}
