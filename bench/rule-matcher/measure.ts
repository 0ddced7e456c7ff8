import type { NodeFacts, RuleMatcher } from '../../src/correlation/rule-matcher.js';
import type { FleetEvent } from '../../src/events/fleet-event.js';
import { makeEvent } from '../../test/fakes/event-fixture.js';

export interface Measurement {
  label: string;
  eventsPerSecond: number;
  microsecondsPerEvent: number;
  matches: number;
}

const NODES: Array<NodeFacts | null> = [
  { nodeId: 'p', role: 'primary', version: '10.0.0.0 build 542', licenceSource: 'weblm' },
  { nodeId: 's', role: 'secondary', version: '9.1.0.0 build 437', licenceSource: 'nodal' },
  { nodeId: 'a', role: 'application-server', version: '10.0.0.0 build 542', licenceSource: 'nodal' },
  { nodeId: 'v', role: 'ip500v2', platform: 'ip500v2', version: '11.1.3.0 build 23', licenceSource: 'nodal' },
  null,
];

/** A mix of what the collectors send: trunk alarms, SysMonitor-style messages, SSA licence alarms, RTCP, resiliency, TLS. */
const MIX: FleetEvent[] = [
  makeEvent(),
  makeEvent({ category: 'Generic', severity: 'info', raisesAlarm: false, code: 'syslog.message', text: 'CMEExtEvt: Extn457: User is not licensed for a Remote Extension: Logging Out.' }),
  makeEvent({ category: 'Generic', severity: 'info', raisesAlarm: false, code: 'syslog.message', text: 'H323Evt: Recv: RegistrationRequest 192.0.2.44; Endpoint registered' }),
  makeEvent({ source: 'ssa', collector: 'ssa', category: 'License', code: 'ssa.alarm', text: 'Attempt to use a feature for which no license is installed. License Type: CTI Link Pro' }),
  makeEvent({ source: 'ssa', collector: 'ssa', category: 'License', code: 'ssa.alarm', text: 'System ID has changed' }),
  makeEvent({ source: 'rtcp', collector: 'rtcp', category: 'QoS', severity: 'minor', code: 'rtcp.qos', text: 'Jitter 45 ms, loss 3%' }),
  makeEvent({ category: 'Resiliency', code: 'syslog.alarm.resiliency', text: 'Link to Primary restored' }),
  makeEvent({ category: 'Security', code: 'syslog.alarm.security', text: 'TLS connection failure from 192.168.42.31 port 411' }),
];

/** The most work per event: a plain syslog message is a candidate for every text rule, and matches none. */
const WORST = makeEvent({ category: 'Generic', severity: 'info', raisesAlarm: false, code: 'syslog.message', text: 'x'.repeat(200) });

/**
 * Events/s of `matcher` over `count` events: the realistic mix, the worst case, and a reference loop that only
 * lower-cases each event's text (the least any text matcher must do).
 */
export function measureRuleMatcher(matcher: RuleMatcher, count: number): Measurement[] {
  const mixed = (i: number): [FleetEvent, NodeFacts | null] => [MIX[i % MIX.length]!, NODES[i % NODES.length]!];
  return [
    time('reference: lower-case the text', count, mixed, (event) => event.text.toLowerCase().length & 0),
    time('matcher: mixed events and nodes', count, mixed, (event, node) => matcher.match(event, node).length),
    time('matcher: worst case', count, () => [WORST, NODES[0]!], (event, node) => matcher.match(event, node).length),
  ];
}

function time(label: string, count: number, pick: (i: number) => [FleetEvent, NodeFacts | null], work: (event: FleetEvent, node: NodeFacts | null) => number): Measurement {
  let matches = 0;
  for (let i = 0; i < 10_000; i++) work(...pick(i)); // warm-up
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) matches += work(...pick(i));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { label, eventsPerSecond: Math.round(count / seconds), microsecondsPerEvent: (seconds / count) * 1e6, matches };
}
