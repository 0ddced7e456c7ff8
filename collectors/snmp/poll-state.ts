import type { FleetEvent } from '../../src/events/fleet-event.js';

export const UNREACHABLE_CODE = 'poll.node-unreachable';
export const REBOOTED_CODE = 'poll.node-rebooted';

/** sysUpTime is a TimeTicks (Unsigned32, hundredths): it wraps after about 497 days. */
const TIMETICKS_WRAP = 2 ** 32;

export interface PollState {
  /** Polls in a row without an answer. */
  missed: number;
  unreachable: boolean;
  lastUpTime: number | null;
  lastAnswerAt: number | null;
}

export const INITIAL_POLL_STATE: PollState = { missed: 0, unreachable: false, lastUpTime: null, lastAnswerAt: null };

export interface PolledNode {
  nodeId: string;
  name: string;
  address: string;
  missedPollsForUnreachable: number;
}

/**
 * An answer: clears an unreachable alarm, and reports a reboot when sysUpTime
 * went backwards (a TimeTicks wrap, where the old value was near 2^32 and the
 * new one is what the elapsed time predicts, is not a reboot). Pure.
 */
export function afterAnswer(state: PollState, node: PolledNode, answer: { at: number; upTime: number | null; sysDescr: string | null }): { state: PollState; events: FleetEvent[] } {
  const events: FleetEvent[] = [];
  if (state.unreachable) {
    events.push(pollEvent(node, answer.at, {
      code: UNREACHABLE_CODE,
      severity: 'cleared',
      raisesAlarm: true,
      text: `${node.name} answers SNMP polls again`,
      attributes: { missedPolls: state.missed },
    }));
  }
  if (answer.upTime !== null && state.lastUpTime !== null && answer.upTime < state.lastUpTime && !isWrap(state, answer)) {
    events.push(pollEvent(node, answer.at, {
      code: REBOOTED_CODE,
      severity: 'warning',
      raisesAlarm: false,
      text: `${node.name} restarted: sysUpTime went back from ${formatTicks(state.lastUpTime)} to ${formatTicks(answer.upTime)}`,
      attributes: { previousUpTime: state.lastUpTime, upTime: answer.upTime, sysDescr: answer.sysDescr },
    }));
  }
  return { state: { missed: 0, unreachable: false, lastUpTime: answer.upTime ?? state.lastUpTime, lastAnswerAt: answer.at }, events };
}

/** No answer: after `missedPollsForUnreachable` in a row, raise poll.node-unreachable (once). Pure. */
export function afterMiss(state: PollState, node: PolledNode, miss: { at: number; error: string }): { state: PollState; events: FleetEvent[] } {
  const missed = state.missed + 1;
  if (state.unreachable || missed < node.missedPollsForUnreachable) return { state: { ...state, missed }, events: [] };
  const event = pollEvent(node, miss.at, {
    code: UNREACHABLE_CODE,
    severity: 'major',
    raisesAlarm: true,
    text: `${node.name} did not answer ${missed} SNMP polls in a row (${miss.error})`,
    attributes: { missedPolls: missed, error: miss.error, lastAnswerAt: state.lastAnswerAt },
  });
  return { state: { ...state, missed, unreachable: true }, events: [event] };
}

function isWrap(state: PollState, answer: { at: number; upTime: number | null }): boolean {
  if (state.lastUpTime === null || state.lastAnswerAt === null || answer.upTime === null) return false;
  const expected = (state.lastUpTime + Math.round((answer.at - state.lastAnswerAt) / 10)) % TIMETICKS_WRAP;
  return state.lastUpTime > TIMETICKS_WRAP * 0.9 && Math.abs(answer.upTime - expected) < 100 * 60;
}

function formatTicks(ticks: number): string {
  const seconds = Math.floor(ticks / 100);
  const [d, h, m, s] = [Math.floor(seconds / 86400), Math.floor(seconds / 3600) % 24, Math.floor(seconds / 60) % 60, seconds % 60];
  return `${d}d ${h}h ${m}m ${s}s`;
}

function pollEvent(
  node: PolledNode,
  at: number,
  fields: Pick<FleetEvent, 'code' | 'severity' | 'raisesAlarm' | 'text' | 'attributes'>,
): FleetEvent {
  return {
    receivedAt: at,
    source: 'poll',
    collector: 'snmp',
    sourceAddress: node.address,
    nodeId: node.nodeId,
    entity: null,
    category: 'Generic',
    ...fields,
    raw: { encoding: 'utf8', data: fields.text },
  };
}
