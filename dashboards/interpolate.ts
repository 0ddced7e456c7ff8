import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';

/** What a variable is set to: every value ("All", our allValue `.*`) or a list of values. */
export type VariableSelection = 'all' | string[];

export interface InterpolateContext {
  from: number;
  to: number;
  intervalMs: number;
  variables: Record<string, VariableSelection>;
}

/** The allValue our tag variables declare (common.ts). */
const ALL_VALUE = '.*';

/**
 * What Grafana's InfluxDB data source does to a raw InfluxQL query before sending it, for our variables (all
 * multi-value with "All", used inside /^…$/ regexes): $timeFilter, $__interval and each $var / ${var}. Values are
 * regex-escaped and several become (a|b), as Grafana does. Pure; tests run the result against a real InfluxDB.
 */
export function interpolate(query: string, ctx: InterpolateContext): string {
  return query
    .replaceAll('$timeFilter', `time >= ${ctx.from}ms and time <= ${ctx.to}ms`)
    .replaceAll('$__interval_ms', String(ctx.intervalMs))
    .replaceAll('$__interval', `${Math.max(1, Math.round(ctx.intervalMs / 1000))}s`)
    .replace(/\$\{(\w+)\}|\$(\w+)/g, (whole, braced: string | undefined, bare: string | undefined) => {
      const name = braced ?? bare ?? '';
      const selection = ctx.variables[name];
      if (selection === undefined) return whole;
      if (selection === 'all') return ALL_VALUE;
      const escaped = selection.map(regexEscape);
      return escaped.length === 1 ? escaped[0]! : `(${escaped.join('|')})`;
    });
}

/** Grafana's kbn.regexEscape. */
export function regexEscape(value: string): string {
  return value.replace(/[\\^$*+?.()|[\]{}/]/g, '\\$&');
}

export interface DashboardQuery {
  where: string;
  query: string;
}

/** Every InfluxQL query of a dashboard: panel targets, query variables and annotations. */
export function dashboardQueries(dashboard: Dashboard): DashboardQuery[] {
  const found: DashboardQuery[] = [];
  for (const variable of dashboard.templating?.list ?? []) {
    if (variable.type === 'query' && typeof variable.query === 'string') found.push({ where: `variable ${variable.name}`, query: variable.query });
  }
  for (const annotation of dashboard.annotations?.list ?? []) {
    const query = (annotation.target as { query?: unknown } | undefined)?.query;
    if (typeof query === 'string') found.push({ where: `annotation ${annotation.name}`, query });
  }
  for (const panel of dashboard.panels ?? []) {
    for (const target of ('targets' in panel ? panel.targets : undefined) ?? []) {
      const query = (target as { query?: unknown }).query;
      if (typeof query === 'string') found.push({ where: `panel "${panel.title}" ${String((target as { refId?: string }).refId)}`, query });
    }
  }
  return found;
}
