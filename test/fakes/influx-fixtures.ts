import pino from 'pino';
import { fleetIndexOf } from './fleet-fixture.js';
import { MetricsRegistry } from '../../src/metrics/registry.js';
import type { RecordedDecision } from '../../src/pipeline/record-decision.js';
import { influxdbSinkConfigSchema, type InfluxdbSinkConfig } from '../../src/sinks/influxdb/config.js';
import { InfluxSink, type InfluxSinkDeps } from '../../src/sinks/influxdb/sink.js';
import { createInfluxWriter } from '../../src/sinks/influxdb/writer.js';
import type { FleetEvent } from '../../src/events/fleet-event.js';
import { engineHarness } from './engine-harness.js';

/** Two customers, three nodes; hq-primary has two cards. */
export const INFLUX_FLEET = fleetIndexOf({
  customers: [
    {
      id: 'acme',
      name: 'Acme Dental',
      sites: [
        {
          id: 'hq',
          name: 'Head office',
          timeZone: 'Europe/London',
          nodes: [
            {
              id: 'hq-primary',
              name: 'HQ Primary',
              role: 'primary',
              addresses: ['10.0.0.10'],
              cards: [
                { id: 'card-a', slot: 'A', type: 'Combo' },
                { id: 'card-b', slot: 'B', type: 'PRI-U' },
              ],
            },
            { id: 'hq-secondary', name: 'HQ Secondary', role: 'secondary', addresses: ['10.0.0.11'] },
          ],
        },
      ],
    },
    {
      id: 'borealis',
      name: 'Borealis Logistics',
      sites: [{ id: 'depot', name: 'Depot', timeZone: 'Europe/Oslo', nodes: [{ id: 'depot-ipo', name: 'Depot IP500 V2', role: 'ip500v2', addresses: ['192.0.2.20'] }] }],
    },
  ],
});

export const SCENARIO_START = Date.UTC(2026, 10, 21, 9, 0, 0);
const MINUTE = 60_000;

const trunk = (severity: FleetEvent['severity']): Partial<FleetEvent> => ({ sourceAddress: '10.0.0.10', severity, raisesAlarm: true });
const poll = (code: string, severity: FleetEvent['severity'], raisesAlarm: boolean, attributes: FleetEvent['attributes'] = {}): Partial<FleetEvent> => ({
  source: 'poll',
  collector: 'snmp',
  sourceAddress: '192.0.2.20',
  nodeId: 'depot-ipo',
  category: 'Generic',
  code,
  alarmKey: undefined,
  severity,
  raisesAlarm,
  text: code,
  attributes,
});
const info = (sourceAddress: string, text: string): Partial<FleetEvent> => ({ sourceAddress, severity: 'info', raisesAlarm: false, category: 'Generic', code: 'syslog.message', alarmKey: undefined, text });

/**
 * A short replayed day: a trunk alarm raised, repeated and cleared on hq-primary; depot-ipo unreachable, back, and
 * rebooted (SNMP polling); two messages in the same millisecond on one series; a sender outside the fleet.
 * Expected: 9 events, 4 transitions (raised, cleared on each alarm), 3 node-state points.
 */
export function replayScenario(): RecordedDecision[] {
  const { feed, clock } = engineHarness({ fleet: INFLUX_FLEET });
  clock.advance(SCENARIO_START - clock.now());
  const steps: Array<[number, Partial<FleetEvent>]> = [
    [0, trunk('major')],
    [MINUTE, trunk('major')],
    [2 * MINUTE, trunk('cleared')],
    [3 * MINUTE, poll('poll.node-unreachable', 'major', true, { missedPolls: 3 })],
    [4 * MINUTE, poll('poll.node-unreachable', 'cleared', true)],
    [5 * MINUTE, poll('poll.node-rebooted', 'warning', false, { upTime: 12_345 })],
    [6 * MINUTE, info('10.0.0.10', 'first of two in one millisecond')],
    [6 * MINUTE, info('10.0.0.10', 'second of two in one millisecond')],
    [7 * MINUTE, info('203.0.113.9', 'a sender nobody listed')],
  ];
  const recorded: RecordedDecision[] = [];
  for (const [offset, event] of steps) {
    clock.advance(SCENARIO_START + offset - clock.now());
    const { event: stored, alarm, transitions, pendingNotifications } = feed(event);
    recorded.push({ event: stored, alarm, transitions, pendingNotifications });
  }
  return recorded;
}

/** Measurements of the engines still to come (QoS, licences, resiliency), written straight through the sink's typed API. */
export function writeSyntheticMeasurements(sink: InfluxSink): void {
  const at = (minutes: number) => SCENARIO_START + minutes * MINUTE;
  const hq = { customer: 'acme', site: 'hq', node: 'hq-primary' } as const;
  const depot = { customer: 'borealis', site: 'depot', node: 'depot-ipo' } as const;
  sink.write('qosCall', [
    { at: at(1), uniquifier: 1, tags: { ...hq, extension: '201', trunk: 'SIP Line 17', direction: 'outbound' }, fields: { jitter_ms: 12.5, loss_pct: 0.4, rtt_ms: 48, mos: 4.1, r_factor: 88, duration_s: 95, call_id: 'c-1', codec: 'G.711A' } },
    { at: at(2), uniquifier: 2, tags: { ...hq, extension: '202', trunk: 'SIP Line 17', direction: 'inbound' }, fields: { jitter_ms: 61, loss_pct: 4.2, rtt_ms: 310, mos: 2.9, r_factor: 58, duration_s: 240, call_id: 'c-2', codec: 'G.729' } },
    { at: at(3), uniquifier: 3, tags: { ...depot, extension: '301', trunk: 'PRI 1', direction: 'outbound' }, fields: { jitter_ms: 5, loss_pct: 0, rtt_ms: 20, mos: 4.3, r_factor: 92, duration_s: 30, call_id: 'c-3', codec: 'G.711U' } },
  ]);
  sink.write('qosStream', [
    { at: at(2), uniquifier: 1, tags: { ...hq, extension: '202', trunk: 'SIP Line 17', direction: 'inbound' }, fields: { jitter_ms: 61, loss_pct: 4.2, rtt_ms: 310, mos: 2.9, call_id: 'c-2', ssrc: '0x1234abcd', remote_address: '198.51.100.7' } },
    { at: at(2), uniquifier: 2, tags: { ...hq, extension: '202', trunk: 'SIP Line 17', direction: 'outbound' }, fields: { jitter_ms: 8, loss_pct: 0.1, rtt_ms: 310, mos: 4.0, call_id: 'c-2', ssrc: '0x5678ef01', remote_address: '198.51.100.7' } },
  ]);
  sink.write('licence', [
    { at: at(0), tags: { ...hq, licence_source: 'weblm' }, fields: { mode: 'grace', days_remaining: 12, licensed: false } },
    { at: at(0), tags: { customer: 'acme', site: 'hq', node: 'hq-secondary', licence_source: 'weblm' }, fields: { mode: 'licensed', days_remaining: 200, licensed: true } },
    { at: at(0), tags: { ...depot, licence_source: 'nodal' }, fields: { mode: 'licensed', days_remaining: 365, licensed: true } },
  ]);
  sink.write('event', [
    { at: at(4), uniquifier: 900_001, tags: { ...hq, source: 'syslog', category: 'License', severity: 'major', code: 'syslog.alarm.license' }, fields: { count: 1, raises_alarm: true, text: 'Licence grace period: 12 days remaining' } },
    { at: at(3), uniquifier: 900_002, tags: { ...hq, source: 'syslog', category: 'Resiliency', severity: 'major', code: 'syslog.resiliency.failover' }, fields: { count: 1, raises_alarm: true, text: 'Phones failed over to HQ Secondary' } },
  ]);
  sink.write('resiliencyIncident', [
    { at: at(3), tags: { ...hq, kind: 'failover', peer: 'hq-secondary' }, fields: { phase: 'start', text: 'Phones of HQ Primary registered to HQ Secondary' } },
    { at: at(9), tags: { ...hq, kind: 'failover', peer: 'hq-secondary' }, fields: { phase: 'end', duration_s: 360, text: 'Phones returned to HQ Primary' } },
  ]);
}

/** `count` event points with the given code, numbered from `first`: point n at SCENARIO_START + n ms, so each is distinct and countable. */
export function writeNumberedEvents(sink: InfluxSink, first: number, count: number, code: string, textSuffix = ''): void {
  sink.write(
    'event',
    Array.from({ length: count }, (_, i) => ({
      at: SCENARIO_START + first + i,
      uniquifier: first + i,
      tags: { customer: 'acme', site: 'hq', node: 'hq-primary', source: 'syslog' as const, category: 'Generic', severity: 'info', code },
      fields: { count: 1, event_id: first + i, text: `point ${first + i}${textSuffix}` },
    })),
  );
}

/** A sink on a real writer, with short timers for tests; cleanup is the caller's (stop()). */
export function makeTestSink(options: {
  url: string;
  spoolDir: string;
  config?: Record<string, unknown>;
  registry?: MetricsRegistry;
  emit?: InfluxSinkDeps['emit'];
  openAlarms?: InfluxSinkDeps['openAlarms'];
  clock?: InfluxSinkDeps['clock'];
}): { sink: InfluxSink; config: InfluxdbSinkConfig; registry: MetricsRegistry; emitted: FleetEvent[] } {
  const config = influxdbSinkConfigSchema.parse({
    enabled: true,
    url: options.url,
    apiVersion: 'v1',
    database: 'ipo',
    flushIntervalSeconds: 0.05,
    sampleIntervalSeconds: 3600,
    timeoutSeconds: 5,
    retry: { initialSeconds: 0.05, maxSeconds: 0.2 },
    ...options.config,
  });
  const registry = options.registry ?? new MetricsRegistry();
  const emitted: FleetEvent[] = [];
  const sink = new InfluxSink({
    config,
    spoolDir: options.spoolDir,
    writer: createInfluxWriter(config, { token: null, username: null, password: null }),
    fleet: INFLUX_FLEET,
    log: pino({ level: 'silent' }),
    registry,
    clock: options.clock ?? { now: () => Date.now() },
    emit: options.emit ?? ((event) => (emitted.push(event), 'accepted')),
    ...(options.openAlarms && { openAlarms: options.openAlarms }),
  });
  return { sink, config, registry, emitted };
}
