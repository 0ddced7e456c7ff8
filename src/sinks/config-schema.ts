import { z } from 'zod';
import { DEFAULT_INFLUXDB_SINK_CONFIG, influxdbSinkConfigSchema } from './influxdb/config.js';

/** The `sinks:` section: where events, alarms and measurements go besides the embedded store. */
export const sinksConfigSchema = z.strictObject({
  influxdb: influxdbSinkConfigSchema.prefault({}),
});

export type SinksConfig = z.infer<typeof sinksConfigSchema>;

export const DEFAULT_SINKS_CONFIG = {
  influxdb: DEFAULT_INFLUXDB_SINK_CONFIG,
} as const;
