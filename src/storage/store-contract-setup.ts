import type { TestContext } from 'node:test';
import type { Store } from './store.js';

export type MakeStore = () => { store: Store; cleanup(): void };

/** A fresh store whose cleanup is registered before the test does anything else. */
export function freshStore(t: TestContext, makeStore: MakeStore): Store {
  const { store, cleanup } = makeStore();
  t.after(cleanup);
  return store;
}
