import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { MEASUREMENTS } from '../src/sinks/influxdb/schema.js';
import { GENERATED_DIR, renderDashboards } from './build.js';
import { dashboardQueries } from './interpolate.js';

test('the checked-in JSON is what the sources generate (run `ipo-observer dashboards build` after a change)', () => {
  const rendered = renderDashboards();
  const onDisk = readdirSync(GENERATED_DIR).filter((name) => name.endsWith('.json')).sort();
  assert.deepEqual(onDisk, rendered.map((d) => d.file).sort(), 'one file per dashboard, no leftovers');
  for (const { file, json } of rendered) assert.equal(readFileSync(join(GENERATED_DIR, file), 'utf8'), json, `${file} is stale`);
});

test('every panel and query uses the datasource variable; uids are unique; queries name measurements of the schema', () => {
  const measurements = new Set<string>(Object.values(MEASUREMENTS).map((m) => m.name));
  const uids = new Set<string>();
  for (const { uid, dashboard } of renderDashboards()) {
    assert.ok(!uids.has(uid), `duplicate uid ${uid}`);
    uids.add(uid);
    assert.ok(uid.length <= 40, 'Grafana uids are at most 40 characters');
    for (const panel of dashboard.panels ?? []) {
      if (panel.type === 'row') continue;
      assert.deepEqual(panel.datasource, { type: 'influxdb', uid: '${datasource}' }, `${uid} "${panel.title}"`);
      assert.ok(panel.gridPos && panel.gridPos.x + panel.gridPos.w <= 24, `${uid} "${panel.title}" fits the grid`);
    }
    for (const { where, query } of dashboardQueries(dashboard)) {
      for (const [, name] of query.matchAll(/FROM "([a-z_]+)"/g)) assert.ok(measurements.has(name!), `${uid} ${where} reads ${name}, not in schema.ts`);
    }
  }
});
