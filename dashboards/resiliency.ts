import { AnnotationEventFieldMappingBuilder, AnnotationEventFieldSource, AnnotationQueryBuilder, RowBuilder, type DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { DATASOURCE, dashboard, Grid, list, stat, table, target, timeseries } from './common.js';
import { FLEET_FILTER, ref } from './influxql.js';

const incident = ref('resiliencyIncident');
const nodeState = ref('nodeState');
const event = ref('event');

const WHERE = `WHERE ${FLEET_FILTER} AND $timeFilter`;

/** Failover and failback between Server Edition nodes, link loss, and reachability, with incidents as annotations. */
export function resiliency(): DashboardBuilder {
  const grid = new Grid();
  return dashboard('ipo-resiliency', 'IP Office resiliency', 'Resiliency incidents (failover, failback, links) shown as annotations on every panel, node reachability and resiliency events.')
    .annotation(
      new AnnotationQueryBuilder()
        .name('Resiliency incidents')
        .datasource(DATASOURCE)
        .enable(true)
        .iconColor('orange')
        .target(target(`SELECT ${incident.f('text')}, ${incident.f('phase')}, ${incident.t('kind')}, ${incident.t('node')} FROM ${incident} ${WHERE}`, 'Anno', { format: 'table' }))
        .mappings({
          text: new AnnotationEventFieldMappingBuilder().source(AnnotationEventFieldSource.Field).value('text'),
          tags: new AnnotationEventFieldMappingBuilder().source(AnnotationEventFieldSource.Field).value('kind'),
        }),
    )
    .withRow(new RowBuilder('Incidents').gridPos(grid.row()))
    .withPanel(stat('Incidents', 'Incidents that started in the time range.', grid.next(8, 4), [target(`SELECT count(${incident.f('text')}) FROM ${incident} WHERE ${incident.f('phase')} = 'start' AND ${FLEET_FILTER} AND $timeFilter`, 'A')], { calc: 'sum' }))
    .withPanel(stat('Time in failover', 'Summed duration of the incidents that ended in the time range.', grid.next(8, 4), [target(`SELECT sum(${incident.f('duration_s')}) FROM ${incident} ${WHERE}`, 'A')], { unit: 's', calc: 'sum' }))
    .withPanel(stat('Resiliency events', 'Events of category Resiliency in the time range.', grid.next(8, 4), [target(`SELECT sum(${event.f('count')}) FROM ${event} WHERE ${event.t('category')} = 'Resiliency' AND ${FLEET_FILTER} AND $timeFilter`, 'A')], { calc: 'sum' }))
    .withPanel(
      timeseries('Node reachability', 'Latest SNMP poll state per node: 1 answering, 0 unreachable.', grid.next(12, 8), [
        target(`SELECT last(${nodeState.f('up')}) FROM ${nodeState} ${WHERE} GROUP BY time($__interval), ${nodeState.t('node')} fill(previous)`, 'A', { alias: '$tag_node' }),
      ]),
    )
    .withPanel(
      timeseries('Incidents by kind', 'Incidents started per interval, by kind.', grid.next(12, 8), [
        target(`SELECT count(${incident.f('text')}) FROM ${incident} WHERE ${incident.f('phase')} = 'start' AND ${FLEET_FILTER} AND $timeFilter GROUP BY time($__interval), ${incident.t('kind')} fill(0)`, 'A', { alias: '$tag_kind' }),
      ], { bars: true, stacked: true }),
    )
    .withPanel(
      table('Incident log', 'The 200 most recent incident records (start and end), newest first.', grid.next(24, 10), [
        target(`SELECT ${list('kind', 'customer', 'site', 'node', 'peer')}, ${incident.f('phase')}, ${incident.f('duration_s')}, ${incident.f('text')} FROM ${incident} ${WHERE} ORDER BY time DESC LIMIT 200`, 'A', { format: 'table' }),
      ]),
    );
}
