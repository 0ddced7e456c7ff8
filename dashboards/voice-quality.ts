import { RowBuilder, type DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { dashboard, Grid, list, stat, table, tagVariable, target, THRESHOLDS, timeseries } from './common.js';
import { FLEET_FILTER, ref } from './influxql.js';

const call = ref('qosCall');
const stream = ref('qosStream');

/** ITU-T G.107 / common practice: MOS below 3.6 is noticeably poor, below 3.1 most users are dissatisfied. */
const MOS_POOR = 3.6;
const MOS_BAD = 3.1;
const FILTER = `${FLEET_FILTER} AND "extension" =~ /^$extension$/ AND "trunk" =~ /^$trunk$/`;
const WHERE = `WHERE ${FILTER} AND $timeFilter`;

/** "My calls sound bad": triage by site, then extension or trunk, then the streams of the worst calls. */
export function voiceQuality(): DashboardBuilder {
  const grid = new Grid();
  const bySite = (title: string, description: string, field: 'mos' | 'jitter_ms' | 'loss_pct' | 'rtt_ms', unit: string) =>
    timeseries(title, description, grid.next(12, 8), [target(`SELECT mean(${call.f(field)}) FROM ${call} ${WHERE} GROUP BY time($__interval), ${call.t('site')} fill(none)`, 'A', { alias: '$tag_site' })], { unit });
  const worst = `mean(${call.f('mos')}) AS "mean MOS", min(${call.f('mos')}) AS "worst MOS", max(${call.f('jitter_ms')}) AS "max jitter (ms)", max(${call.f('loss_pct')}) AS "max loss (%)", max(${call.f('rtt_ms')}) AS "max round trip (ms)", count(${call.f('mos')}) AS "calls"`;
  return dashboard('ipo-voice-quality', 'IP Office voice quality', 'Per-call and per-stream QoS (jitter, packet loss, round trip, MOS) by site, extension and trunk.')
    .withVariable(tagVariable('extension', 'Extension', `SHOW TAG VALUES FROM ${call} WITH KEY = "extension" WHERE ${FLEET_FILTER}`))
    .withVariable(tagVariable('trunk', 'Trunk', `SHOW TAG VALUES FROM ${call} WITH KEY = "trunk" WHERE ${FLEET_FILTER}`))
    .withRow(new RowBuilder('Summary').gridPos(grid.row()))
    .withPanel(stat('Calls', 'Call legs with a QoS report.', grid.next(6, 4), [target(`SELECT count(${call.f('mos')}) FROM ${call} ${WHERE}`, 'A')], { calc: 'sum' }))
    .withPanel(stat('Mean MOS', `Mean opinion score of the calls; below ${MOS_POOR} users notice, below ${MOS_BAD} they complain.`, grid.next(6, 4), [target(`SELECT mean(${call.f('mos')}) FROM ${call} ${WHERE}`, 'A')], { thresholds: THRESHOLDS.badBelow(MOS_BAD, MOS_POOR) }))
    .withPanel(stat('Poor calls', `Calls with MOS below ${MOS_POOR}.`, grid.next(6, 4), [target(`SELECT count(${call.f('mos')}) FROM ${call} WHERE ${call.f('mos')} < ${MOS_POOR} AND ${FILTER} AND $timeFilter`, 'A')], { calc: 'sum', thresholds: THRESHOLDS.badAbove(1, 10) }))
    .withPanel(stat('Worst jitter', 'Highest call jitter in the time range.', grid.next(6, 4), [target(`SELECT max(${call.f('jitter_ms')}) FROM ${call} ${WHERE}`, 'A')], { unit: 'ms', calc: 'max', thresholds: THRESHOLDS.badAbove(30, 60) }))
    .withRow(new RowBuilder('By site').gridPos(grid.row()))
    .withPanel(bySite('MOS by site', 'Mean MOS per interval and site.', 'mos', 'none'))
    .withPanel(bySite('Jitter by site', 'Mean jitter per interval and site.', 'jitter_ms', 'ms'))
    .withPanel(bySite('Packet loss by site', 'Mean packet loss per interval and site.', 'loss_pct', 'percent'))
    .withPanel(bySite('Round trip by site', 'Mean round-trip delay per interval and site.', 'rtt_ms', 'ms'))
    .withRow(new RowBuilder('Extensions, trunks and streams').gridPos(grid.row()))
    .withPanel(
      table('By extension', 'Calls per extension: sort by worst MOS to find who suffers.', grid.next(12, 10), [target(`SELECT ${worst} FROM ${call} ${WHERE} GROUP BY ${list('site', 'extension')}`, 'A', { format: 'table' })], {
        thresholds: THRESHOLDS.badBelow(MOS_BAD, MOS_POOR),
      }),
    )
    .withPanel(
      table('By trunk', 'Calls per trunk: one bad trunk points at the carrier or the WAN.', grid.next(12, 10), [target(`SELECT ${worst} FROM ${call} ${WHERE} GROUP BY ${list('site', 'trunk')}`, 'A', { format: 'table' })], {
        thresholds: THRESHOLDS.badBelow(MOS_BAD, MOS_POOR),
      }),
    )
    .withPanel(
      table(`Poor streams (MOS < ${MOS_POOR})`, 'The 100 most recent RTP stream reports below the MOS threshold, with direction and far end.', grid.next(24, 10), [
        target(
          `SELECT ${stream.f('mos')}, ${stream.f('jitter_ms')}, ${stream.f('loss_pct')}, ${stream.f('rtt_ms')}, ${stream.f('call_id')}, ${stream.f('ssrc')}, ${stream.f('remote_address')}, ${list('direction', 'extension', 'trunk', 'site', 'node')} FROM ${stream} WHERE ${stream.f('mos')} < ${MOS_POOR} AND ${FILTER} AND $timeFilter ORDER BY time DESC LIMIT 100`,
          'A',
          { format: 'table' },
        ),
      ]),
    );
}
