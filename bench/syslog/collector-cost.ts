import { MetricsRegistry } from '../../src/metrics/registry.js';
import { createFakeContext } from '../../test/fakes/collector-context.js';
import { createMessageHandler } from '../../collectors/syslog/message-handler.js';
import { createSyslogMetrics } from '../../collectors/syslog/syslog-metrics.js';
import { benchMessage } from './bench-message.js';

/**
 * Where the time goes: the syslog collector alone (count, parse, map to an
 * event, all metrics), in this process, with an emit that keeps nothing. The
 * rest of the end-to-end cost is the pipeline (correlation and the store).
 */
export function collectorCost(messages = 200_000): { microsecondsPerMessage: number; messagesPerSecond: number } {
  const fake = createFakeContext();
  fake.ctx.emit = () => 'accepted';
  const handler = createMessageHandler({ maxMessageBytes: 8192 }, fake.ctx, createSyslogMetrics(new MetricsRegistry()));
  const inputs = Array.from({ length: 1000 }, (_, i) => benchMessage(i));
  const source = { address: '127.0.0.1', listener: 'udp' as const };
  for (let i = 0; i < 20_000; i++) handler.message(inputs[i % 1000]!, source); // warm-up
  const started = performance.now();
  for (let i = 0; i < messages; i++) handler.message(inputs[i % 1000]!, source);
  const seconds = (performance.now() - started) / 1000;
  return { microsecondsPerMessage: Math.round((seconds / messages) * 1e6 * 100) / 100, messagesPerSecond: Math.round(messages / seconds) };
}
