import { BigValueColorMode, GraphDrawStyle, ReduceDataOptionsBuilder, StackingConfigBuilder, StackingMode } from '@grafana/grafana-foundation-sdk/common';
import {
  DashboardBuilder,
  DatasourceVariableBuilder,
  QueryVariableBuilder,
  ThresholdsConfigBuilder,
  ThresholdsMode,
  VariableRefresh,
  VariableSort,
  type DataSourceRef,
  type GridPos,
  type Threshold,
} from '@grafana/grafana-foundation-sdk/dashboard';
import { PanelBuilder as StatBuilder } from '@grafana/grafana-foundation-sdk/stat';
import { PanelBuilder as TableBuilder } from '@grafana/grafana-foundation-sdk/table';
import { PanelBuilder as TimeseriesBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
import { InfluxQLQueryBuilder, quote, type InfluxQLQuery } from './influxql.js';

/** Every panel and variable queries the data source the user picked in the `datasource` variable. */
export const DATASOURCE: DataSourceRef = { type: 'influxdb', uid: '${datasource}' };

/** Grafana's dashboard tag for ours, and the folder the provisioning file puts them in. */
export const DASHBOARD_TAG = 'ipo-observer';

/** Variables: which InfluxDB, then customer → site → node, each narrowing the next, multi-valued with "All". */
export function fleetVariables(): Array<DatasourceVariableBuilder | QueryVariableBuilder> {
  return [
    new DatasourceVariableBuilder('datasource').label('InfluxDB').type('influxdb'),
    tagVariable('customer', 'Customer', `SHOW TAG VALUES WITH KEY = "customer"`),
    tagVariable('site', 'Site', `SHOW TAG VALUES WITH KEY = "site" WHERE "customer" =~ /^$customer$/`),
    tagVariable('node', 'Node', `SHOW TAG VALUES WITH KEY = "node" WHERE "customer" =~ /^$customer$/ AND "site" =~ /^$site$/`),
  ];
}

/** A multi-value variable over a tag's values; "All" is the regex .* rather than a list of every value. */
export function tagVariable(name: string, label: string, query: string): QueryVariableBuilder {
  return new QueryVariableBuilder(name)
    .label(label)
    .datasource(DATASOURCE)
    .query(query)
    .definition(query)
    .refresh(VariableRefresh.OnTimeRangeChanged)
    .sort(VariableSort.AlphabeticalAsc)
    .multi(true)
    .includeAll(true)
    .allValue('.*')
    .current({ text: 'All', value: '$__all', selected: true });
}

export function dashboard(uid: string, title: string, description: string): DashboardBuilder {
  const builder = new DashboardBuilder(title)
    .uid(uid)
    .description(description)
    .tags([DASHBOARD_TAG])
    .editable()
    .timezone('browser')
    .refresh('1m')
    .time({ from: 'now-24h', to: 'now' });
  for (const variable of fleetVariables()) builder.withVariable(variable);
  return builder;
}

/** Places panels left to right, top to bottom, on Grafana's 24-column grid. */
export class Grid {
  private x = 0;
  private y = 0;
  private rowHeight = 0;

  next(w: number, h: number): GridPos {
    if (this.x + w > 24) this.newLine();
    const pos = { x: this.x, y: this.y, w, h };
    this.x += w;
    this.rowHeight = Math.max(this.rowHeight, h);
    return pos;
  }

  /** A full-width row header. */
  row(): GridPos {
    this.newLine();
    const pos = { x: 0, y: this.y, w: 24, h: 1 };
    this.y += 1;
    return pos;
  }

  private newLine(): void {
    this.y += this.rowHeight;
    this.x = 0;
    this.rowHeight = 0;
  }
}

export interface TargetOptions {
  format?: InfluxQLQuery['resultFormat'];
  alias?: string;
}

export function target(query: string, refId: string, options: TargetOptions = {}): InfluxQLQueryBuilder {
  const builder = new InfluxQLQueryBuilder(query).refId(refId).datasource(DATASOURCE).resultFormat(options.format ?? 'time_series');
  if (options.alias) builder.alias(options.alias);
  return builder;
}

const steps = (...list: Array<[number | null, string]>): Threshold[] => list.map(([value, color]) => ({ value, color }));

export const THRESHOLDS = {
  /** More is worse: green, then orange, then red. */
  badAbove: (orange: number, red: number) => new ThresholdsConfigBuilder().mode(ThresholdsMode.Absolute).steps(steps([null, 'green'], [orange, 'orange'], [red, 'red'])),
  /** Less is worse (MOS, days remaining). */
  badBelow: (red: number, orange: number) => new ThresholdsConfigBuilder().mode(ThresholdsMode.Absolute).steps(steps([null, 'red'], [red, 'orange'], [orange, 'green'])),
};

export function timeseries(title: string, description: string, gridPos: GridPos, targets: InfluxQLQueryBuilder[], options: { unit?: string; bars?: boolean; stacked?: boolean } = {}): TimeseriesBuilder {
  const panel = new TimeseriesBuilder().title(title).description(description).datasource(DATASOURCE).gridPos(gridPos).unit(options.unit ?? 'short');
  if (options.bars) panel.drawStyle(GraphDrawStyle.Bars).fillOpacity(80);
  if (options.stacked) panel.stacking(new StackingConfigBuilder().mode(StackingMode.Normal));
  for (const t of targets) panel.withTarget(t);
  return panel;
}

export function stat(title: string, description: string, gridPos: GridPos, targets: InfluxQLQueryBuilder[], options: { unit?: string; thresholds?: ThresholdsConfigBuilder; calc?: string } = {}): StatBuilder {
  const panel = new StatBuilder()
    .title(title)
    .description(description)
    .datasource(DATASOURCE)
    .gridPos(gridPos)
    .unit(options.unit ?? 'short')
    .colorMode(BigValueColorMode.Background)
    .reduceOptions(new ReduceDataOptionsBuilder().calcs([options.calc ?? 'lastNotNull']).values(false));
  if (options.thresholds) panel.thresholds(options.thresholds);
  for (const t of targets) panel.withTarget(t);
  return panel;
}

export function table(title: string, description: string, gridPos: GridPos, targets: InfluxQLQueryBuilder[], options: { unit?: string; thresholds?: ThresholdsConfigBuilder } = {}): TableBuilder {
  const panel = new TableBuilder().title(title).description(description).datasource(DATASOURCE).gridPos(gridPos).unit(options.unit ?? 'short');
  if (options.thresholds) panel.thresholds(options.thresholds);
  for (const t of targets) panel.withTarget(t);
  return panel;
}

/** `"a", "b"` for GROUP BY and SELECT lists. */
export function list(...identifiers: string[]): string {
  return identifiers.map(quote).join(', ');
}
