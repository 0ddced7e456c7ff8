import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Store } from './store.js';
import { freshStore, type MakeStore } from './store-contract-setup.js';
import { makeAlarm, makeEvent, makeTransition } from './store-fixtures.js';

export function transactionContract(makeStore: MakeStore): void {
  it('commits and returns what fn returns', (t) => {
    const store = freshStore(t, makeStore);
    const id = store.transaction(() => store.insertEvent(makeEvent(), null).id);
    assert.equal(store.getEvent(id)?.id, id);
  });

  it('rolls back every write when fn throws, and rethrows the same error', (t) => {
    const store = freshStore(t, makeStore);
    const kept = store.insertAlarm(makeAlarm({ reductionKey: 'kept' }));
    const failure = new Error('boom');
    assert.throws(() => store.transaction(() => writeSome(store, kept.id, failure)), (error) => error === failure);
    assert.deepEqual(store.listEvents({ limit: 10 }), []);
    assert.deepEqual(store.listAlarms({ limit: 10 }), [kept]);
    assert.deepEqual(store.alarmTransitions(kept.id), []);
    assert.equal(store.findLatestByReductionKey('new'), null);
  });

  it('a nested call joins the outer transaction: the outer failure undoes both', (t) => {
    const store = freshStore(t, makeStore);
    assert.throws(() =>
      store.transaction(() => {
        store.transaction(() => store.insertEvent(makeEvent(), null));
        throw new Error('outer fails after inner succeeded');
      }),
    );
    assert.deepEqual(store.listEvents({ limit: 10 }), []);
  });

  it('a nested call that throws undoes only its own writes when the outer one catches', (t) => {
    const store = freshStore(t, makeStore);
    const outerId = store.transaction(() => {
      const id = store.insertEvent(makeEvent({ text: 'outer' }), null).id;
      assert.throws(() =>
        store.transaction(() => {
          store.insertEvent(makeEvent({ text: 'inner' }), null);
          throw new Error('inner fails');
        }),
      );
      return id;
    });
    assert.deepEqual(store.listEvents({ limit: 10 }).map((event) => event.id), [outerId]);
  });
}

/** An alarm, a transition on an existing alarm, an update, an event; then the failure. */
function writeSome(store: Store, existingAlarmId: number, failure: Error): never {
  const alarm = store.insertAlarm(makeAlarm({ reductionKey: 'new' }));
  store.insertTransition(makeTransition(existingAlarmId));
  store.updateAlarm({ ...alarm, occurrences: 2 });
  store.insertEvent(makeEvent(), alarm.id);
  throw failure;
}
