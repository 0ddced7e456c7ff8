import { RowBuilder, type DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { dashboard, Grid, list, stat, table, target, THRESHOLDS, timeseries } from './common.js';
import { FLEET_FILTER, ref } from './influxql.js';

const event = ref('event');
const open = ref('alarmsOpen');
const nodeState = ref('nodeState');
const self = ref('selfMetric');

const WHERE = `WHERE ${FLEET_FILTER} AND $timeFilter`;
/** The latest sample of each node, so sums count every node once. */
const latestOpen = (...fields: Array<'total' | 'critical' | 'major' | 'minor' | 'warning' | 'indeterminate'>) =>
  `SELECT ${fields.map((f) => `last(${open.f(f)}) AS ${open.f(f)}`).join(', ')} FROM ${open} ${WHERE} GROUP BY ${open.t('node')}`;

/** The NOC's first screen: is anything down, how many alarms are open, what is arriving, is ipo-observer itself well. */
export function fleetOverview(): DashboardBuilder {
  const grid = new Grid();
  return dashboard('ipo-fleet-overview', 'IP Office fleet overview', 'Node state, open alarms and event rates across the fleet, and the health of ipo-observer itself.')
    .withRow(new RowBuilder('Fleet').gridPos(grid.row()))
    .withPanel(
      stat('Nodes down', 'Nodes whose latest SNMP poll state is unreachable.', grid.next(4, 4), [
        target(`SELECT count("up") - sum("up") AS "down" FROM (SELECT last(${nodeState.f('up')}) AS "up" FROM ${nodeState} ${WHERE} GROUP BY ${nodeState.t('node')})`, 'A'),
      ], { thresholds: THRESHOLDS.badAbove(1, 1) }),
    )
    .withPanel(stat('Open alarms', 'Active and acknowledged alarms, latest sample per node.', grid.next(4, 4), [target(`SELECT sum("total") FROM (${latestOpen('total')})`, 'A')], { thresholds: THRESHOLDS.badAbove(1, 10) }))
    .withPanel(
      stat('Critical and major open', 'Open alarms of severity critical or major.', grid.next(4, 4), [target(`SELECT sum("critical") + sum("major") AS "critical+major" FROM (${latestOpen('critical', 'major')})`, 'A')], {
        thresholds: THRESHOLDS.badAbove(1, 1),
      }),
    )
    .withPanel(stat('Events', 'Events stored in the time range.', grid.next(4, 4), [target(`SELECT sum(${event.f('count')}) FROM ${event} ${WHERE}`, 'A')], { calc: 'sum' }))
    .withPanel(
      table('Node state', 'Latest reachability (1 up, 0 unreachable), uptime and number of cards, per node.', grid.next(8, 8), [
        target(`SELECT last(${nodeState.f('up')}) AS "up", last(${nodeState.f('uptime_s')}) AS "uptime (s)", last(${nodeState.f('cards')}) AS "cards" FROM ${nodeState} ${WHERE} GROUP BY ${list('customer', 'site', 'node')}`, 'A', { format: 'table' }),
      ]),
    )
    .withPanel(
      timeseries('Open alarms by severity', 'Open alarms over time, summed over the selected nodes.', grid.next(16, 8), [
        target(
          `SELECT sum("critical") AS "critical", sum("major") AS "major", sum("minor") AS "minor", sum("warning") AS "warning" FROM (SELECT last(${open.f('critical')}) AS "critical", last(${open.f('major')}) AS "major", last(${open.f('minor')}) AS "minor", last(${open.f('warning')}) AS "warning" FROM ${open} ${WHERE} GROUP BY time($__interval), ${open.t('node')} fill(none)) WHERE $timeFilter GROUP BY time($__interval) fill(none)`,
          'A',
        ),
      ], { stacked: true }),
    )
    .withPanel(
      timeseries('Events by severity', 'Events per interval, stacked by severity.', grid.next(12, 8), [
        target(`SELECT sum(${event.f('count')}) FROM ${event} ${WHERE} GROUP BY time($__interval), ${event.t('severity')} fill(0)`, 'A', { alias: '$tag_severity' }),
      ], { bars: true, stacked: true }),
    )
    .withPanel(
      table('Events by node and category', 'Events in the time range per node and category.', grid.next(12, 8), [
        target(`SELECT sum(${event.f('count')}) AS "events" FROM ${event} ${WHERE} GROUP BY ${list('customer', 'site', 'node', 'category')}`, 'A', { format: 'table' }),
      ]),
    )
    .withRow(new RowBuilder('ipo-observer').gridPos(grid.row()))
    .withPanel(
      timeseries("Collectors' inputs per second", 'Inputs each collector received (ipo_collector_received_total).', grid.next(8, 8), [
        target(`SELECT non_negative_derivative(last(${self.f('value')}), 1s) FROM ${self} WHERE ${self.t('metric')} = 'ipo_collector_received_total' AND $timeFilter GROUP BY time($__interval), ${self.t('collector')}`, 'A', { alias: '$tag_collector' }),
      ], { unit: 'reqps' }),
    )
    .withPanel(
      timeseries('Refused and dropped per second', 'Inputs refused as invalid and events dropped, by collector and reason.', grid.next(8, 8), [
        target(
          `SELECT non_negative_derivative(last(${self.f('value')}), 1s) FROM ${self} WHERE ${self.t('metric')} =~ /^ipo_collector_(refused|dropped)_total$/ AND $timeFilter GROUP BY time($__interval), ${list('metric', 'collector', 'reason')}`,
          'A',
          { alias: '$tag_collector $tag_metric $tag_reason' },
        ),
      ], { unit: 'reqps' }),
    )
    .withPanel(
      timeseries('Queue and InfluxDB spool', 'Events waiting in the pipeline queue, and bytes waiting in the InfluxDB spool (non-zero while InfluxDB is unreachable).', grid.next(8, 8), [
        target(`SELECT last(${self.f('value')}) FROM ${self} WHERE ${self.t('metric')} = 'ipo_pipeline_queue_depth' AND $timeFilter GROUP BY time($__interval)`, 'A', { alias: 'queue depth' }),
        target(`SELECT last(${self.f('value')}) FROM ${self} WHERE ${self.t('metric')} = 'ipo_influx_spool_bytes' AND $timeFilter GROUP BY time($__interval)`, 'B', { alias: 'spool bytes' }),
      ]),
    );
}
