import { AnnotationEventFieldMappingBuilder, AnnotationEventFieldSource, AnnotationQueryBuilder, RowBuilder, type DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { DATASOURCE, dashboard, Grid, list, table, target, timeseries } from './common.js';
import { FLEET_FILTER, ref } from './influxql.js';

const transition = ref('alarmTransition');
const open = ref('alarmsOpen');
const event = ref('event');

const WHERE = `WHERE ${FLEET_FILTER} AND $timeFilter`;

/** Alarm flow: what was raised and cleared, where, which codes recur, and the latest transitions. */
export function alarms(): DashboardBuilder {
  const grid = new Grid();
  return dashboard('ipo-alarms', 'IP Office alarms', 'Alarm transitions (raised, cleared, reopened, acknowledged, expired), open alarms per node and the codes that recur.')
    .annotation(
      new AnnotationQueryBuilder()
        .name('Critical and major alarms raised')
        .datasource(DATASOURCE)
        .enable(true)
        .iconColor('red')
        .target(target(`SELECT ${transition.f('text')}, ${transition.t('node')} FROM ${transition} WHERE ${transition.t('kind')} = 'raised' AND ${transition.t('severity')} =~ /^(critical|major)$/ AND ${FLEET_FILTER} AND $timeFilter`, 'Anno', { format: 'table' }))
        .mappings({
          text: new AnnotationEventFieldMappingBuilder().source(AnnotationEventFieldSource.Field).value('text'),
          tags: new AnnotationEventFieldMappingBuilder().source(AnnotationEventFieldSource.Field).value('node'),
        }),
    )
    .withRow(new RowBuilder('Transitions').gridPos(grid.row()))
    .withPanel(
      timeseries('Transitions by kind', 'Alarm transitions per interval: raised, cleared, reopened, severity-changed, acknowledged, unacknowledged, expired.', grid.next(12, 8), [
        target(`SELECT sum(${transition.f('count')}) FROM ${transition} ${WHERE} GROUP BY time($__interval), ${transition.t('kind')} fill(0)`, 'A', { alias: '$tag_kind' }),
      ], { bars: true, stacked: true }),
    )
    .withPanel(
      timeseries('Raised by category', 'Alarms raised or reopened per interval, by IP Office event category.', grid.next(12, 8), [
        target(`SELECT sum(${transition.f('count')}) FROM ${transition} WHERE ${transition.t('kind')} =~ /^(raised|reopened)$/ AND ${FLEET_FILTER} AND $timeFilter GROUP BY time($__interval), ${transition.t('category')} fill(0)`, 'A', { alias: '$tag_category' }),
      ], { bars: true, stacked: true }),
    )
    .withPanel(
      timeseries('Open alarms by node', 'Active and acknowledged alarms per node (sampled).', grid.next(12, 8), [
        target(`SELECT last(${open.f('total')}) FROM ${open} ${WHERE} GROUP BY time($__interval), ${open.t('node')} fill(none)`, 'A', { alias: '$tag_node' }),
      ]),
    )
    .withPanel(
      timeseries('Problem events by category', 'Events that report a problem (raise, update or clear an alarm), by category.', grid.next(12, 8), [
        target(`SELECT sum(${event.f('count')}) FROM ${event} WHERE ${event.f('raises_alarm')} = true AND ${FLEET_FILTER} AND $timeFilter GROUP BY time($__interval), ${event.t('category')} fill(0)`, 'A', { alias: '$tag_category' }),
      ], { bars: true, stacked: true }),
    )
    .withRow(new RowBuilder('Which and where').gridPos(grid.row()))
    .withPanel(
      table('Most raised codes', 'Alarm codes raised or reopened in the time range: the problems that keep coming back.', grid.next(10, 10), [
        target(`SELECT sum(${transition.f('count')}) AS "raised" FROM ${transition} WHERE ${transition.t('kind')} =~ /^(raised|reopened)$/ AND ${FLEET_FILTER} AND $timeFilter GROUP BY ${list('code', 'category')}`, 'A', { format: 'table' }),
      ]),
    )
    .withPanel(
      table('Latest transitions', 'The 200 most recent alarm transitions, newest first, with who acknowledged.', grid.next(14, 10), [
        target(
          `SELECT ${list('kind', 'severity', 'customer', 'site', 'node', 'category', 'code')}, ${transition.f('alarm_id')}, ${transition.f('state')}, ${transition.f('occurrences')}, ${transition.f('user')}, ${transition.f('text')} FROM ${transition} ${WHERE} ORDER BY time DESC LIMIT 200`,
          'A',
          { format: 'table' },
        ),
      ]),
    );
}
