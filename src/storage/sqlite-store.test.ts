import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { makeTempDir } from '../../test/helpers/temp-dir.js';
import { CodedError } from '../errors.js';
import { migrate, SCHEMA_VERSION } from './migrations.js';
import { DATABASE_FILE, openSqliteStore, SqliteStore } from './sqlite-store.js';
import { runStoreContract } from './store-contract.js';
import { DAY, makeAlarm, makeEvent, T0 } from './store-fixtures.js';

runStoreContract('SqliteStore', () => {
  const dir = makeTempDir();
  const store = openSqliteStore(dir.path);
  return {
    store,
    cleanup: () => {
      store.close();
      dir.remove();
    },
  };
});

describe('SqliteStore on disk', () => {
  it('keeps data across close and reopen of the same dataDir', (t) => {
    const dir = makeTempDir();
    t.after(dir.remove);
    const first = openSqliteStore(dir.path);
    const alarm = first.insertAlarm(makeAlarm());
    const event = first.insertEvent(makeEvent({ attributes: { n: 1.5, up: true } }), alarm.id);
    first.close();
    const second = openSqliteStore(dir.path);
    t.after(() => second.close());
    assert.deepEqual(second.getAlarm(alarm.id), alarm);
    assert.deepEqual(second.getEvent(event.id), event);
  });

  it('creates a missing dataDir, turns on WAL and records the schema version', (t) => {
    const dir = makeTempDir();
    t.after(dir.remove);
    const dataDir = join(dir.path, 'nested', 'data');
    openSqliteStore(dataDir).close();
    // Journal mode and user_version live in the file, so a second connection sees them.
    const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
    t.after(() => db.close());
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
  });

  it('gives its connection a 64 MiB page cache and checkpoints every 10,000 pages (tuned with bench/engine)', (t) => {
    const dir = makeTempDir();
    t.after(dir.remove);
    const store = openSqliteStore(dir.path);
    t.after(() => store.close());
    // Both are settings of the connection, not of the file: read them from the store's own.
    const db = (store as unknown as { db: InstanceType<typeof Database> }).db;
    assert.equal(db.pragma('cache_size', { simple: true }), -65536);
    assert.equal(db.pragma('wal_autocheckpoint', { simple: true }), 10_000);
    assert.equal(db.pragma('synchronous', { simple: true }), 1, 'NORMAL');
  });

  it('refuses a file that is not a database with IPO_ERR_STORE_OPEN_FAILED naming the path', (t) => {
    const dir = makeTempDir();
    t.after(dir.remove);
    const path = join(dir.path, DATABASE_FILE);
    writeFileSync(path, 'this is not a database, just text that is long enough to fill a header '.repeat(10));
    assert.throws(
      () => openSqliteStore(dir.path),
      (error) => error instanceof CodedError && error.code === 'IPO_ERR_STORE_OPEN_FAILED' && error.message.includes(path),
    );
  });

  it('refuses a database written by a newer schema, saying which versions', (t) => {
    const dir = makeTempDir();
    t.after(dir.remove);
    const db = new Database(join(dir.path, DATABASE_FILE));
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    assert.throws(
      () => openSqliteStore(dir.path),
      (error) =>
        error instanceof CodedError &&
        error.code === 'IPO_ERR_STORE_OPEN_FAILED' &&
        error.message.includes(`schema version ${SCHEMA_VERSION + 1} is newer than this ipo-observer supports (${SCHEMA_VERSION})`),
    );
  });

  it('applies retention in batches until nothing old is left', (t) => {
    const db = new Database(':memory:');
    migrate(db);
    const store = new SqliteStore(db, { retentionBatch: 3 });
    t.after(() => store.close());
    for (let i = 0; i < 10; i++) store.insertEvent(makeEvent({ receivedAt: T0 }), null);
    for (let i = 0; i < 4; i++) store.insertAlarm(makeAlarm({ reductionKey: `k${i}`, state: 'cleared', clearedAt: T0 }));
    const kept = store.insertEvent(makeEvent({ receivedAt: T0 + 100 * DAY }), null);
    assert.deepEqual(store.applyRetention({ eventsDays: 30, clearedAlarmsDays: 7 }, T0 + 100 * DAY), { events: 10, alarms: 4 });
    assert.deepEqual(store.listEvents({ limit: 20 }).map((event) => event.id), [kept.id]);
  });

  it('close is safe to call twice', () => {
    const db = new Database(':memory:');
    migrate(db);
    const store = new SqliteStore(db);
    store.close();
    store.close();
  });
});
