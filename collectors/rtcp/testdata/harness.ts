import { createRtcpCollector, type RtcpCollector } from '../index.js';
import { rtcpConfigSchema } from '../config.js';
import { createFakeContext, type FakeContext } from '../fake-context.js';

/** The collector on a real socket (127.0.0.1, port 0), with a MemoryStore and captured events. */
export async function startCollector(config: Record<string, unknown> = {}): Promise<{ collector: RtcpCollector; fake: FakeContext; port: number }> {
  const fake = createFakeContext({ now: Date.now() });
  fake.ctx.clock = { now: () => Date.now() };
  const collector = createRtcpCollector(rtcpConfigSchema.parse({ enabled: true, listenAddress: '127.0.0.1', port: 0, ...config }), fake.ctx);
  await collector.start();
  return { collector, fake, port: collector.endpoints()[0]!.port! };
}
