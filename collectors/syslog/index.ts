import type { Collector, CollectorContext, CollectorFactory, Endpoint } from '../types.js';
import { syslogConfigSchema, type SyslogConfig } from './config.js';
import { createDatagramHandler } from './datagram-handler.js';
import { createUdpListener, type UdpListener } from './listener.js';

/** Syslog collector: RFC 3164 over UDP, IP Office "Alarm:" lines become alarm events (README.md). */
export const syslogCollector: CollectorFactory<SyslogConfig> = {
  type: 'syslog',
  configSchema: syslogConfigSchema,
  create: (config, ctx) => createSyslogCollector(config, ctx),
};

function createSyslogCollector(config: SyslogConfig, ctx: CollectorContext): Collector {
  const handle = createDatagramHandler({ maxMessageBytes: config.maxMessageBytes }, ctx);
  let udp: UdpListener | null = null;

  return {
    async start() {
      if (udp || !config.udp.enabled) return;
      const listener = createUdpListener(config.udp, handle, (error) => ctx.log.error({ err: error }, 'syslog: UDP socket error'));
      udp = listener;
      try {
        await listener.start();
      } catch (error) {
        if (udp === listener) udp = null;
        throw error;
      }
    },
    async stop() {
      const listener = udp;
      udp = null;
      await listener?.close();
    },
    endpoints(): Endpoint[] {
      const bound = udp?.bound();
      return bound ? [{ transport: 'udp', address: bound.address, port: bound.port }] : [];
    },
  };
}
