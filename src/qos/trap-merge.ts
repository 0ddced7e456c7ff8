import type { StoredEvent } from '../events/fleet-event.js';
import type { FleetIndex } from '../fleet/fleet-index.js';
import type { RecordedDecision } from '../pipeline/record-decision.js';
import type { Store } from '../storage/store.js';
import type { QosCall, QosTrapMeasures } from './qos-call.js';

/** The code collectors/snmp/map.ts gives IP Office's QoS notification (ipoGenQoSMonSvcEvent, IPO-MIB …2.0.36). */
export const QOS_TRAP_CODE = 'snmp.ipo.qos';

/** IP Office sends its QoS alarm at the end of the segment: a record that ended up to this long before still matches. */
export const TRAP_GRACE_MS = 60_000;

type TrapStore = Pick<Store, 'transaction' | 'findQosCallForTrap' | 'attachQosTrap' | 'insertQosCall' | 'insertQosSamples'>;

/**
 * A pipeline listener: each stored QoS notification merges into the call
 * record of its node and extension (or with its IP Office call id) around its
 * time, or becomes a record of its own when RTCP has none (no collector, or
 * the phone does not report). The notification's measures are kept apart
 * from RTCP's, and the record is poor: IP Office sends one only over its thresholds.
 */
export function qosTrapListener(store: TrapStore, fleet: FleetIndex): (recorded: RecordedDecision[]) => void {
  return (recorded) => {
    const traps = recorded.map((r) => r.event).filter((event) => event.code === QOS_TRAP_CODE && event.severity !== 'cleared');
    if (traps.length === 0) return;
    store.transaction(() => {
      for (const event of traps) mergeTrap(store, fleet, event);
    });
  };
}

/** What a QoS notification says, from the typed attributes the SNMP collector gives it. Pure. */
export function readTrap(event: StoredEvent): { trap: QosTrapMeasures; extension: string | null; trunk: string | null; user: string | null; phoneType: string | null } {
  const a = event.attributes;
  const num = (name: string) => (typeof a[name] === 'number' ? (a[name] as number) : typeof a[name] === 'string' && a[name] !== '' && Number.isFinite(Number(a[name])) ? Number(a[name]) : null);
  const text = (name: string) => (typeof a[name] === 'string' && a[name] !== '' ? (a[name] as string) : null);
  const isLine = a['deviceTypeCode'] === 1 || a['deviceType'] === 'line';
  const device = num('qosDeviceId');
  const extension = num('extension');
  return {
    trap: { eventId: event.id, callId: num('callId'), jitterMs: num('jitterMs'), roundTripMs: num('roundTripMs'), packetLoss: num('packetLoss'), at: event.occurredAt ?? event.receivedAt },
    extension: !isLine && extension !== null ? String(extension) : null,
    trunk: isLine && device !== null ? `line-${device}` : null,
    user: text('phoneUser'),
    phoneType: text('phoneType'),
  };
}

function mergeTrap(store: TrapStore, fleet: FleetIndex, event: StoredEvent): void {
  const { trap, extension, trunk, user, phoneType } = readTrap(event);
  const found = event.nodeId ? store.findQosCallForTrap({ nodeId: event.nodeId, extension, callId: trap.callId, at: trap.at, graceMs: TRAP_GRACE_MS }) : null;
  let callId: number;
  if (found) {
    store.attachQosTrap(found.id, trap, { extension, user, trunk });
    callId = found.id;
  } else {
    callId = store.insertQosCall(trapOnlyCall(event, fleet, { trap, extension, trunk, user, phoneType })).id;
  }
  store.insertQosSamples([
    {
      callId,
      at: trap.at,
      kind: 'trap',
      jitterMs: trap.jitterMs,
      lossPercent: null,
      cumulativeLost: null,
      rttMs: trap.roundTripMs,
      mos: null,
      rFactor: null,
      details: { eventId: trap.eventId, packetLoss: trap.packetLoss, callId: trap.callId },
    },
  ]);
}

function trapOnlyCall(event: StoredEvent, fleet: FleetIndex, found: ReturnType<typeof readTrap>): Omit<QosCall, 'id'> {
  const { trap, extension, trunk, user, phoneType } = found;
  const row = event.nodeId ? fleet.node(event.nodeId) : undefined;
  return {
    streamKey: `trap/${event.nodeId ?? event.sourceAddress}/${extension ?? trunk ?? '-'}/${trap.callId ?? event.id}`,
    sourceAddress: event.sourceAddress,
    ssrc: null,
    remoteSsrc: null,
    nodeId: event.nodeId,
    siteId: row?.site.id ?? null,
    customerId: row?.customer.id ?? null,
    extension,
    user,
    phoneType,
    remoteParty: null,
    trunk,
    codec: null,
    clockRate: null,
    startedAt: trap.at,
    endedAt: trap.at,
    lastReportAt: trap.at,
    endReason: 'trap',
    attribution: 'trap',
    reports: 0,
    jitterMaxMs: trap.jitterMs,
    jitterMeanMs: null,
    // The unit of ipoGTEventQoSMonPktLoss is not documented: kept as reported in `trap`, not as a percentage.
    lossPercent: null,
    lossMaxPercent: null,
    packetsLost: null,
    rttMaxMs: trap.roundTripMs,
    rttMeanMs: null,
    rttSource: trap.roundTripMs === null ? null : 'ipo-trap',
    mos: null,
    mosMin: null,
    rFactor: null,
    mosSource: null,
    mosEstimated: false,
    thresholds: [],
    poor: true,
    trap,
    details: {},
  };
}
