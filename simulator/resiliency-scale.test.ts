import assert from 'node:assert/strict';
import { test } from 'node:test';
import { configSchema } from '../src/config/schema.js';
import { DEFAULT_RESILIENCY_CONFIG } from '../src/resiliency/config.js';
import { DEFAULT_SIZES, generateFleet } from './fleet/generate.js';
import { DEMO_RESILIENCY_SCALE, scaledResiliency } from './resiliency-scale.js';
import { simStackConfig } from './stack-config.js';

test('scaled resiliency waits: IP Office\'s divided by the scale, at least 1 s, checked ten times per failover wait', () => {
  assert.deepEqual(scaledResiliency(30), { failoverSeconds: 6, failbackSeconds: 20, flapWindowSeconds: 10, flapLosses: 3, stableSeconds: 10, checkIntervalSeconds: 0.6 });
  const demo = scaledResiliency(DEMO_RESILIENCY_SCALE);
  assert.equal(demo.failoverSeconds, 10);
  assert.ok(demo.failbackSeconds < 60 && demo.checkIntervalSeconds === 1, JSON.stringify(demo));
  assert.deepEqual(scaledResiliency(1), DEFAULT_RESILIENCY_CONFIG);
  assert.equal(scaledResiliency(10_000).failoverSeconds, 1);
  assert.throws(() => scaledResiliency(0), { code: 'IPO_ERR_BAD_REQUEST' });
});

test('a stack configuration with a resiliency time scale validates, with the scaled waits and faster polling; without one, IP Office\'s', () => {
  const fleet = generateFleet(1, DEFAULT_SIZES);
  const base = { dataDir: '/tmp/x', httpPort: 0, ports: { syslog: 0, syslogTcp: 0, snmp: 0, rtcp: 0 }, ssaToken: 'simulator-token-0123456789' };
  const scaled = configSchema.parse(simStackConfig(fleet, { ...base, resiliencyTimeScale: 30 }));
  assert.equal(scaled.resiliency.failoverSeconds, 6);
  assert.equal(scaled.resiliency.failbackSeconds, 20);
  const polled = scaled.fleet.customers.flatMap((c) => c.sites.flatMap((s) => s.nodes)).find((n) => n.snmp?.poll)!;
  assert.deepEqual([polled.snmp!.poll!.intervalSeconds, polled.snmp!.poll!.missedPollsForUnreachable], [1, 2]);
  const plain = configSchema.parse(simStackConfig(fleet, base));
  assert.equal(plain.resiliency.failoverSeconds, DEFAULT_RESILIENCY_CONFIG.failoverSeconds);
});
