import type { Builder, Dataquery } from '@grafana/grafana-foundation-sdk/cog';
import type { DataSourceRef } from '@grafana/grafana-foundation-sdk/dashboard';
import { MEASUREMENTS, type FieldOf, type MeasurementKey, type TagOf } from '../src/sinks/influxdb/schema.js';

/**
 * The InfluxQL query the Grafana InfluxDB datasource runs (raw mode). The foundation SDK ships builders for
 * Prometheus, Loki and others but none for InfluxDB, so this follows its README's "custom query type" pattern.
 */
export interface InfluxQLQuery {
  refId?: string;
  hide?: boolean;
  datasource?: DataSourceRef;
  query: string;
  rawQuery: true;
  resultFormat: 'time_series' | 'table' | 'logs';
  alias?: string;
  _implementsDataqueryVariant(): void;
}

export class InfluxQLQueryBuilder implements Builder<Dataquery> {
  private readonly internal: InfluxQLQuery;

  constructor(query: string) {
    this.internal = { query, rawQuery: true, resultFormat: 'time_series', _implementsDataqueryVariant() {} };
  }

  build(): InfluxQLQuery {
    return this.internal;
  }

  refId(refId: string): this {
    this.internal.refId = refId;
    return this;
  }

  datasource(datasource: DataSourceRef): this {
    this.internal.datasource = datasource;
    return this;
  }

  resultFormat(format: InfluxQLQuery['resultFormat']): this {
    this.internal.resultFormat = format;
    return this;
  }

  /** Series name; $tag_<key> and $col are Grafana's placeholders. */
  alias(alias: string): this {
    this.internal.alias = alias;
    return this;
  }

  hide(hide: boolean): this {
    this.internal.hide = hide;
    return this;
  }
}

/**
 * Quoted names of one measurement of the schema, checked by the compiler: `q.f('jitter_ms')` compiles only if the
 * measurement has that field, `q.t('extension')` only if it has that tag, and `${q}` is its quoted name.
 */
export interface MeasurementRef<K extends MeasurementKey> {
  readonly name: string;
  f(field: FieldOf<K>): string;
  t(tag: TagOf<K>): string;
  toString(): string;
}

export function ref<K extends MeasurementKey>(kind: K): MeasurementRef<K> {
  const name = MEASUREMENTS[kind].name;
  return { name, f: quote, t: quote, toString: () => quote(name) };
}

/** An InfluxQL identifier in double quotes. */
export function quote(identifier: string): string {
  return `"${identifier.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The dashboards' customer/site/node variables as an InfluxQL condition (multi-value variables become regexes). */
export const FLEET_FILTER = `"customer" =~ /^$customer$/ AND "site" =~ /^$site$/ AND "node" =~ /^$node$/`;
