import type { StoredEvent } from '../events/fleet-event.js';
import type { FleetIndex } from '../fleet/fleet-index.js';
import { describePortalStates, portalPhase, readPortalStates } from './portal-states.js';
import { linkPeerOf, mentionsNode, relatedNodesOf, takeoversOf } from './relations.js';

/** What one event or alarm says about a node, an IP Office Line, an application or a card. */
export type Signal =
  | { kind: 'down' | 'up'; nodeId: string; peerId: string | null }
  | { kind: 'restart'; nodeId: string }
  /** An application of `nodeId` (its home) moved to its backup, or came back. */
  | { kind: 'service'; nodeId: string; service: 'voicemail' | 'oneXPortal'; phase: 'failover' | 'failback'; text: string }
  | { kind: 'entity'; nodeId: string; failed: boolean; text: string };

export type SignalInput = Pick<StoredEvent, 'nodeId' | 'code' | 'severity' | 'entity' | 'text'>;

/** Cold and warm starts, from SNMP (RFC 3418 and IPO-MIB) and from the syslog audit lines (003:1208-1210). */
const RESTART_CODES = ['snmp.ipo.restart', 'snmp.restart', 'syslog.audit.cold-start', 'syslog.audit.warm-start'];
/** IP Office Line (Link) and Trunk Failure/Operational: SNMP, syslog "Alarm: Link|Trunk|Resiliency:", SSA Link and Trunk lists. */
const LINE_CODES = ['snmp.ipo.link', 'snmp.ipo.trunk', 'syslog.alarm.link', 'syslog.alarm.trunk', 'syslog.alarm.resiliency'];
const LINE_PREFIXES = ['ssa.link.', 'ssa.trunk.'];
/** A peer reported as a whole system gone, not a line to it (syslog or SSA text naming a related node). */
const NODE_LOST = /\b(unreachable|not reachable|not responding|no response|offline|out of service|node down|system down|is down)\b/i;
const APP_SERVICES: Record<string, 'voicemail' | 'oneXPortal'> = { 'voice-mail': 'voicemail', 'one-x-portal': 'oneXPortal' };

const isTextSource = (code: string) => code.startsWith('syslog.') || code.startsWith('ssa.');
/** Only IP Office alarm lines no text rule classified: "WebLM server <address> unreachable" is a licence alarm, not a node lost. */
const isUnclassifiedAlarm = (code: string) => code.startsWith('syslog.alarm.') || (code.startsWith('ssa.') && code.endsWith('.unclassified'));

/**
 * What a stored event (or an alarm) says about resiliency; null for everything else, including the engine's own
 * events. A "down" is a loss (any problem severity), an "up" its clear; information-only events say nothing.
 */
export function signalOf(fleet: FleetIndex, event: SignalInput): Signal | null {
  const { nodeId, code } = event;
  if (nodeId === null || code.startsWith('resiliency.')) return null;
  const cleared = event.severity === 'cleared';
  const problem = !cleared && event.severity !== 'info';
  if (RESTART_CODES.includes(code)) return { kind: 'restart', nodeId };
  if (code === 'snmp.ipo.entity' && (problem || cleared)) return { kind: 'entity', nodeId, failed: problem, text: event.entity?.name ?? event.text };
  const app = code === 'snmp.ipo.app' && event.entity ? APP_SERVICES[event.entity.id] : undefined;
  if (app && (problem || cleared)) return takeoversOf(fleet, nodeId).some((t) => t.service === app) ? { kind: 'service', nodeId, service: app, phase: problem ? 'failover' : 'failback', text: event.text } : null;
  if (isTextSource(code)) {
    const portal = portalSignal(fleet, nodeId, event.text);
    if (portal) return portal;
  }
  if (!problem && !cleared) return null;
  const kind = cleared ? 'up' : 'down';
  if (code === 'poll.node-unreachable') return { kind, nodeId, peerId: null };
  if (isUnclassifiedAlarm(code) && NODE_LOST.test(event.text)) {
    const lost = relatedNodesOf(fleet, nodeId).find((id) => mentionsNode(fleet, id, event.text));
    if (lost) return { kind, nodeId: lost, peerId: null };
  }
  if (LINE_CODES.includes(code) || LINE_PREFIXES.some((prefix) => code.startsWith(prefix))) {
    const peerId = linkPeerOf(fleet, nodeId, event.entity, isTextSource(code) ? event.text : '');
    return peerId ? { kind, nodeId, peerId } : null;
  }
  return null;
}

/** one-X Portal Health › Resiliency rows in a syslog or SSA text, on the Primary portal's node or its backup. */
function portalSignal(fleet: FleetIndex, nodeId: string, text: string): Signal | null {
  const states = readPortalStates(text);
  const phase = states && portalPhase(states);
  if (!states || !phase) return null;
  const homes = [nodeId, ...relatedNodesOf(fleet, nodeId)].filter((id) => takeoversOf(fleet, id).some((t) => t.service === 'oneXPortal' && (id === nodeId || t.by === nodeId)));
  return homes[0] ? { kind: 'service', nodeId: homes[0], service: 'oneXPortal', phase, text: `one-X Portal Health › Resiliency: ${describePortalStates(states)}` } : null;
}
