import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_SYSLOG_CONFIG } from '../../collectors/syslog/config.js';
import { DEFAULTS } from './defaults.js';
import { defaultConfig } from './schema.js';

test('defaultConfig() is exactly DEFAULTS', () => {
  assert.deepEqual(defaultConfig(), DEFAULTS);
});

test('the documented defaults', () => {
  assert.deepEqual(defaultConfig(), {
    server: { http: { listenAddress: '127.0.0.1', port: 8080 } },
    storage: { dataDir: './data', retention: { eventsDays: 30, clearedAlarmsDays: 90 } },
    pipeline: { queueCapacity: 10000, batchSize: 500 },
    log: { level: 'info' },
    collectors: { syslog: DEFAULT_SYSLOG_CONFIG },
    fleet: { customers: [] },
  });
});

test('defaultConfig() returns a fresh object each time', () => {
  const first = defaultConfig();
  first.fleet.customers.push({ id: 'x', name: 'X', sites: [] });
  assert.deepEqual(defaultConfig().fleet.customers, []);
});
