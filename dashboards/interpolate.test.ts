import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dashboardQueries, interpolate } from './interpolate.js';
import { renderDashboards } from './build.js';

const ctx = { from: 1000, to: 2000, intervalMs: 60_000 };

test('time filter, interval and variables are substituted as Grafana does', () => {
  const query = `SELECT mean("mos") FROM "q" WHERE "node" =~ /^$node$/ AND "site" =~ /^\${site}$/ AND $timeFilter GROUP BY time($__interval)`;
  assert.equal(
    interpolate(query, { ...ctx, variables: { node: 'all', site: ['hq'] } }),
    `SELECT mean("mos") FROM "q" WHERE "node" =~ /^.*$/ AND "site" =~ /^hq$/ AND time >= 1000ms and time <= 2000ms GROUP BY time(60s)`,
  );
});

test('several values become an alternation, each regex-escaped', () => {
  assert.equal(interpolate('/^$trunk$/', { ...ctx, variables: { trunk: ['SIP Line 1.2', 'a/b'] } }), '/^(SIP Line 1\\.2|a\\/b)$/');
});

test('unknown variables are left alone', () => {
  assert.equal(interpolate('$other', { ...ctx, variables: {} }), '$other');
});

test('every dashboard has queries, and every variable they use is one the dashboard declares', () => {
  const builtIns = new Set(['timeFilter', '__interval', '__interval_ms']);
  for (const { uid, dashboard } of renderDashboards()) {
    const declared = new Set((dashboard.templating?.list ?? []).map((variable) => variable.name));
    const queries = dashboardQueries(dashboard);
    assert.ok(queries.length >= 5, `${uid} has queries`);
    for (const { where, query } of queries) {
      for (const [, braced, bare] of query.matchAll(/\$\{(\w+)\}|\$(\w+)/g)) {
        const name = braced ?? bare!;
        assert.ok(builtIns.has(name) || declared.has(name), `${uid} ${where} uses $${name}, which it does not declare`);
      }
    }
  }
});
