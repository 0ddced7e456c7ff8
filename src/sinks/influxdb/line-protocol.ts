import { Point } from '@influxdata/influxdb-client';
import { MEASUREMENTS, type FieldValues, type MeasurementKey, type TagValues } from './schema.js';

/** Longest string field written; event texts are bounded anyway, raw input is never written. */
export const MAX_STRING_FIELD = 1024;

export interface PointInput<K extends MeasurementKey> {
  tags: TagValues<K>;
  fields: FieldValues<K>;
  /** Epoch milliseconds. */
  at: number;
  /**
   * Makes the timestamp unique within its millisecond (0..999999, e.g. an event id): InfluxDB keeps one point per
   * measurement, tag set and timestamp, so two events of one series in one millisecond would otherwise overwrite
   * each other. Fixed when the point is built, so a replay overwrites the same point instead of adding one.
   */
  uniquifier?: number;
}

/** Epoch ms plus a sub-millisecond discriminator, as a nanosecond timestamp string (beyond 2^53, so not a number). */
export function nanoTimestamp(at: number, uniquifier = 0): string {
  const sub = Math.abs(Math.trunc(uniquifier)) % 1_000_000;
  return `${Math.trunc(at)}${String(sub).padStart(6, '0')}`;
}

/**
 * One line of line protocol for a measurement of the schema, typed by it. Empty and null tags and fields are left
 * out (InfluxDB refuses empty tag values); strings lose line breaks (a line is a point) and are cut to
 * MAX_STRING_FIELD. Returns null when no field is left. Pure.
 */
export function toLine<K extends MeasurementKey>(kind: K, input: PointInput<K>): string | null {
  const spec = MEASUREMENTS[kind];
  const point = new Point(spec.name);
  for (const [tag, value] of Object.entries(input.tags) as Array<[string, string | null | undefined]>) {
    if (value) point.tag(tag, oneLine(value));
  }
  const types = spec.fields as Record<string, string>;
  for (const [field, value] of Object.entries(input.fields) as Array<[string, unknown]>) {
    if (value === null || value === undefined) continue;
    switch (types[field]) {
      case 'integer':
        if (typeof value === 'number' && Number.isFinite(value)) point.intField(field, Math.trunc(value));
        break;
      case 'float':
        if (typeof value === 'number' && Number.isFinite(value)) point.floatField(field, value);
        break;
      case 'boolean':
        point.booleanField(field, value === true);
        break;
      case 'string':
        point.stringField(field, oneLine(String(value)).slice(0, MAX_STRING_FIELD));
        break;
    }
  }
  point.timestamp(nanoTimestamp(input.at, input.uniquifier));
  return point.toLineProtocol() ?? null;
}

function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ');
}
