import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_RTCP_CONFIG } from '../../collectors/rtcp/config.js';
import { DEFAULT_SNMP_CONFIG } from '../../collectors/snmp/config.js';
import { DEFAULT_SSA_CONFIG } from '../../collectors/ssa/config.js';
import { DEFAULT_SYSLOG_CONFIG } from '../../collectors/syslog/config.js';
import { DEFAULT_INFLUXDB_SINK_CONFIG } from '../sinks/influxdb/config.js';
import { DEFAULT_EMAIL_CONFIG } from '../../notifiers/email/config.js';
import { DEFAULTS } from './defaults.js';
import { defaultConfig } from './schema.js';

test('defaultConfig() is exactly DEFAULTS', () => {
  assert.deepEqual(defaultConfig(), DEFAULTS);
});

test('the documented defaults', () => {
  assert.deepEqual(defaultConfig(), {
    server: {
      http: { listenAddress: '127.0.0.1', port: 8080, trustedProxies: [] },
      publicUrl: 'http://127.0.0.1:8080',
      auth: { users: [], tokens: [], session: { idleMinutes: 60, absoluteHours: 12 }, rateLimits: { loginPerMinute: 10, requestsPerMinute: 600 } },
    },
    storage: { dataDir: './data', retention: { eventsDays: 30, clearedAlarmsDays: 90, auditDays: 365 } },
    pipeline: { queueCapacity: 10000, batchSize: 500 },
    log: { level: 'info' },
    correlation: {
      reoccurrence: 'reopen',
      flapping: { reopenCount: 3, windowMinutes: 60 },
      staleAlarms: { unacknowledgedHours: 72, acknowledgedHours: 192, checkIntervalMinutes: 5 },
      rulesDir: '',
      inhibitRules: [
        { id: 'node-unreachable-inhibits-node-alarms', source: { codePrefix: 'poll.node-unreachable' }, target: { codePrefix: '' }, equal: ['node'] },
      ],
    },
    licence: { escalation: { onEntry: 'minor', steps: [{ daysRemaining: 7, severity: 'major' }, { daysRemaining: 1, severity: 'critical' }] }, checkIntervalSeconds: 60 },
    resiliency: { failoverSeconds: 180, failbackSeconds: 600, flapWindowSeconds: 300, flapLosses: 3, stableSeconds: 300, checkIntervalSeconds: 15 },
    collectors: { syslog: DEFAULT_SYSLOG_CONFIG, snmp: DEFAULT_SNMP_CONFIG, ssa: DEFAULT_SSA_CONFIG, rtcp: DEFAULT_RTCP_CONFIG },
    sinks: { influxdb: DEFAULT_INFLUXDB_SINK_CONFIG },
    notifiers: { maintenanceWindows: [], email: DEFAULT_EMAIL_CONFIG },
    fleet: { customers: [] },
  });
});

test('defaultConfig() returns a fresh object each time', () => {
  const first = defaultConfig();
  first.fleet.customers.push({ id: 'x', name: 'X', sites: [] });
  assert.deepEqual(defaultConfig().fleet.customers, []);
});
