import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { makeTempDir } from '../../test/helpers/temp-dir.js';
import { alarmQuerySql } from './alarm-query-sql.js';
import { DATABASE_FILE, FIND_OPEN_ALARM_SQL, openSqliteStore } from './sqlite-store.js';
import { makeAlarm, T0 } from './store-fixtures.js';
import type { AlarmQuery } from './store.js';

/** SQLite's plan for the query alarmQuerySql builds, on a migrated database with a few alarms. */
function planOf(query: AlarmQuery): string {
  const dir = makeTempDir();
  const store = openSqliteStore(dir.path);
  try {
    for (let i = 0; i < 20; i++) store.insertAlarm(makeAlarm({ reductionKey: `k${i}`, nodeId: `node-${i % 4}`, lastSeen: T0 + i }));
    const db = new Database(join(dir.path, DATABASE_FILE), { readonly: true });
    try {
      const { sql, params } = alarmQuerySql(query);
      return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((row) => row.detail).join(' | ');
    } finally {
      db.close();
    }
  } finally {
    store.close();
    dir.remove();
  }
}

for (const [label, query] of [
  ['open alarms (the alarm list’s first page)', { open: true, limit: 100 }],
  ['one state', { state: 'active', limit: 100 }],
  ['open, worst first from a minimum severity', { open: true, minSeverity: 'major', limit: 100 }],
  ['every alarm', { limit: 100 }],
] satisfies Array<[string, AlarmQuery]>) {
  test(`${label}: read in order from alarms_default_order, no sort of every match`, () => {
    const plan = planOf(query);
    assert.match(plan, /USING INDEX alarms_default_order/);
    assert.doesNotMatch(plan, /TEMP B-TREE/);
  });
}

test('stale expiry (state and last seen before) keeps the index on (state, last_seen)', () => {
  assert.match(planOf({ state: 'active', lastSeenBefore: T0 + 5, limit: 500 }), /USING INDEX alarms_last_seen \(state=\? AND last_seen<\?\)/);
});

test('inhibition\'s "open alarm of this node with this code prefix" seeks alarms_open_node_code, reading no other alarm of the node', () => {
  const dir = makeTempDir();
  const store = openSqliteStore(dir.path);
  try {
    const db = new Database(join(dir.path, DATABASE_FILE), { readonly: true });
    try {
      const params = { node_id: 'node-1', exclude: 7, prefix: 'poll.node-unreachable', prefix_end: 'poll.node-unreachable\u{10FFFF}', category: null };
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${FIND_OPEN_ALARM_SQL}`).all(params) as Array<{ detail: string }>).map((row) => row.detail).join(' | ');
      assert.match(plan, /USING INDEX alarms_open_node_code \(node_id=\? AND code>\? AND code<\?\)/);
    } finally {
      db.close();
    }
  } finally {
    store.close();
    dir.remove();
  }
});
