import type { Alarm } from '../../correlation/alarm.js';
import type { FleetIndex } from '../../fleet/fleet-index.js';
import type { Labels } from '../../metrics/registry.js';
import { fleetTags } from './fleet-tags.js';
import { toLine } from './line-protocol.js';
import { SELF_METRIC_LABEL_TAGS } from './schema.js';

const TAG_LABELS = new Set<string>(SELF_METRIC_LABEL_TAGS);
const OPEN_SEVERITIES = ['critical', 'major', 'minor', 'warning', 'indeterminate'] as const;

/** ipo_observer_metric lines for the /metrics samples: known label keys as tags, the rest folded into `labels`. Pure. */
export function selfMetricLines(samples: ReadonlyArray<{ name: string; labels: Labels; value: number }>, at: number): string[] {
  const lines: string[] = [];
  for (const sample of samples) {
    const tags: Record<string, string> = { metric: sample.name };
    const other: string[] = [];
    for (const key of Object.keys(sample.labels).sort()) {
      const value = sample.labels[key] ?? '';
      if (TAG_LABELS.has(key)) tags[key] = value;
      else other.push(`${key}=${value}`);
    }
    if (other.length > 0) tags['labels'] = other.join(',');
    const line = toLine('selfMetric', { at, tags, fields: { value: sample.value } });
    if (line !== null) lines.push(line);
  }
  return lines;
}

/**
 * ipo_alarms_open lines: one per fleet node (zeros included, so a node whose alarms cleared reads 0, not its last
 * count) and one per unknown sender that has open alarms. Pure.
 */
export function openAlarmLines(open: readonly Alarm[], fleet: FleetIndex, at: number): string[] {
  const counts = new Map<string, { nodeId: string | null; bySeverity: Record<string, number>; total: number }>();
  const entry = (nodeId: string | null) => {
    const key = nodeId ?? '';
    let found = counts.get(key);
    if (!found) counts.set(key, (found = { nodeId, bySeverity: {}, total: 0 }));
    return found;
  };
  for (const { node } of fleet.nodes()) entry(node.id);
  for (const alarm of open) {
    const counted = entry(alarm.nodeId !== null && fleet.node(alarm.nodeId) ? alarm.nodeId : null);
    counted.total += 1;
    counted.bySeverity[alarm.severity] = (counted.bySeverity[alarm.severity] ?? 0) + 1;
  }
  const lines: string[] = [];
  for (const { nodeId, bySeverity, total } of counts.values()) {
    const fields = Object.fromEntries(OPEN_SEVERITIES.map((severity) => [severity, bySeverity[severity] ?? 0]));
    const line = toLine('alarmsOpen', { at, tags: fleetTags(fleet, nodeId), fields: { total, ...fields } });
    if (line !== null) lines.push(line);
  }
  return lines;
}
