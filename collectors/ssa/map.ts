import type { Attributes, FleetEvent } from '../../src/events/fleet-event.js';
import type { DiffItem } from './diff.js';
import type { SsaList } from './snapshot.js';
import { classifyText } from './ssa-texts.js';

/** Where a snapshot came from, for every event it yields. */
export interface SnapshotOrigin {
  nodeId: string;
  list: SsaList;
  receivedAt: number;
  via: 'api' | 'folder';
  /** The HTTP client's address; empty for the drop folder. */
  sourceAddress: string;
  /** The drop-folder file name, if any. */
  file?: string | undefined;
}

/**
 * One diff item → one FleetEvent. Pure. New entries, increases and
 * reactivations are problems (the alarm counts `attributes.occurrences` of
 * them); clears carry severity "cleared" with the same code and alarm key;
 * a scroll-off is information only. The text is SSA's, so known-issue rules
 * match it as printed.
 */
export function mapDiffItem(item: DiffItem, origin: SnapshotOrigin): FleetEvent {
  const { entry } = item;
  const kind = classifyText(entry.text, origin.list);
  const problem = item.change === 'new' || item.change === 'increase' || item.change === 'reactivated';
  const clear = item.change === 'cleared' || item.change === 'new-cleared';
  const attributes: Attributes = {
    ssaList: origin.list,
    ssaChange: item.change,
    ssaState: entry.state,
    occurrences: item.occurrences,
    occurrencesTotal: entry.occurrences,
    lastDateOfError: entry.lastDateOfError === null ? null : new Date(entry.lastDateOfError).toISOString(),
    lastDateOfErrorText: entry.lastDateText,
    via: origin.via,
  };
  if (entry.licenceType !== null) attributes['licenceType'] = entry.licenceType;
  if (item.counterReset) attributes['counterReset'] = true;
  if (entry.line !== null) attributes['line'] = entry.line;
  if (origin.file !== undefined) attributes['file'] = origin.file;
  return {
    receivedAt: origin.receivedAt,
    // The device's own time of the last error, for problems; a clear or scroll-off has no device time.
    ...(problem && entry.lastDateOfError !== null && entry.lastDateOfError >= 0 && { occurredAt: entry.lastDateOfError }),
    source: 'ssa',
    collector: 'ssa',
    sourceAddress: origin.sourceAddress,
    nodeId: origin.nodeId,
    entity: null,
    category: kind.category,
    severity: problem ? kind.severity : clear ? 'cleared' : 'info',
    raisesAlarm: problem,
    code: `ssa.${origin.list}.${kind.code}`,
    alarmKey: item.key,
    text: entry.text,
    attributes,
    raw: { encoding: 'utf8', data: entry.source ?? entry.text },
  };
}
