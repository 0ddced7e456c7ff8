import { z } from 'zod';
import { rtcpConfigSchema } from './rtcp/config.js';
import { snmpConfigSchema } from './snmp/config.js';
import { ssaConfigSchema } from './ssa/config.js';
import { syslogConfigSchema } from './syslog/config.js';

/** The `collectors:` section: one key per collector type, each with its own strict schema. */
export const collectorsConfigSchema = z.strictObject({
  syslog: syslogConfigSchema.prefault({}),
  snmp: snmpConfigSchema.prefault({}),
  ssa: ssaConfigSchema.prefault({}),
  rtcp: rtcpConfigSchema.prefault({}),
});

export type CollectorsConfig = z.infer<typeof collectorsConfigSchema>;
