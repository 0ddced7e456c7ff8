import { RowBuilder, type DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { dashboard, Grid, list, stat, table, target, THRESHOLDS, timeseries } from './common.js';
import { FLEET_FILTER, ref } from './influxql.js';

const licence = ref('licence');
const event = ref('event');

const WHERE = `WHERE ${FLEET_FILTER} AND $timeFilter`;
/** Days remaining below which a licence needs attention, and below which it is urgent. */
const DAYS_URGENT = 7;
const DAYS_SOON = 30;

/** Licence mode and days remaining per node (grace periods, subscriptions, WebLM), and licence events. */
export function licences(): DashboardBuilder {
  const grid = new Grid();
  const latestPerNode = `SELECT last(${licence.f('days_remaining')}) AS "days", last(${licence.f('licensed')}) AS "licensed" FROM ${licence} ${WHERE} GROUP BY ${licence.t('node')}`;
  return dashboard('ipo-licences', 'IP Office licences', 'Licence mode and days remaining per node, and licence events.')
    .withRow(new RowBuilder('Now').gridPos(grid.row()))
    .withPanel(stat('Fewest days remaining', 'The node closest to losing its licence.', grid.next(8, 4), [target(`SELECT min("days") FROM (${latestPerNode})`, 'A')], { unit: 'd', thresholds: THRESHOLDS.badBelow(DAYS_URGENT, DAYS_SOON) }))
    .withPanel(stat('Nodes not fully licensed', 'Nodes whose latest licence state is not licensed (grace, expired, unlicensed).', grid.next(8, 4), [target(`SELECT count("licensed") FROM (${latestPerNode}) WHERE "licensed" = false`, 'A')], { thresholds: THRESHOLDS.badAbove(1, 1) }))
    .withPanel(stat('Licence events', 'Events of category License in the time range.', grid.next(8, 4), [target(`SELECT sum(${event.f('count')}) FROM ${event} WHERE ${event.t('category')} = 'License' AND ${FLEET_FILTER} AND $timeFilter`, 'A')], { calc: 'sum' }))
    .withPanel(
      table('Days remaining per node', `Latest licence state per node; under ${DAYS_SOON} days is orange, under ${DAYS_URGENT} red.`, grid.next(24, 10), [
        target(`SELECT last(${licence.f('days_remaining')}) AS "days remaining", last(${licence.f('mode')}) AS "mode", last(${licence.f('licensed')}) AS "licensed" FROM ${licence} ${WHERE} GROUP BY ${list('customer', 'site', 'node', 'licence_source')}`, 'A', { format: 'table' }),
      ], { thresholds: THRESHOLDS.badBelow(DAYS_URGENT, DAYS_SOON) }),
    )
    .withRow(new RowBuilder('Over time').gridPos(grid.row()))
    .withPanel(
      timeseries('Days remaining by node', 'Days remaining per node over the time range.', grid.next(12, 8), [
        target(`SELECT last(${licence.f('days_remaining')}) FROM ${licence} ${WHERE} GROUP BY time($__interval), ${licence.t('node')} fill(none)`, 'A', { alias: '$tag_node' }),
      ], { unit: 'd' }),
    )
    .withPanel(
      timeseries('Licence events by node', 'Licence events (WebLM, grace period, invalid or expiring licences) per interval.', grid.next(12, 8), [
        target(`SELECT sum(${event.f('count')}) FROM ${event} WHERE ${event.t('category')} = 'License' AND ${FLEET_FILTER} AND $timeFilter GROUP BY time($__interval), ${event.t('node')} fill(0)`, 'A', { alias: '$tag_node' }),
      ], { bars: true, stacked: true }),
    );
}
