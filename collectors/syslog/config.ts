import { z } from 'zod';

/** Every default of the syslog collector, in one place (README and sample.yaml show the same values). */
export const DEFAULT_SYSLOG_CONFIG = {
  enabled: true,
  udp: {
    enabled: true,
    listenAddress: '0.0.0.0',
    port: 5514,
  },
  maxMessageBytes: 8192,
} as const;

const udpSchema = z.strictObject({
  enabled: z.boolean().default(DEFAULT_SYSLOG_CONFIG.udp.enabled),
  listenAddress: z.union([z.ipv4(), z.ipv6()]).default(DEFAULT_SYSLOG_CONFIG.udp.listenAddress),
  port: z.number().int().min(0).max(65535).default(DEFAULT_SYSLOG_CONFIG.udp.port),
});

export const syslogConfigSchema = z.strictObject({
  enabled: z.boolean().default(DEFAULT_SYSLOG_CONFIG.enabled),
  udp: udpSchema.prefault({}),
  /** Longer messages are refused (reason "oversize"), not truncated: a cut alarm text would mislead. */
  maxMessageBytes: z.number().int().min(480).max(65507).default(DEFAULT_SYSLOG_CONFIG.maxMessageBytes),
});

export type SyslogConfig = z.infer<typeof syslogConfigSchema>;
