import { describe } from 'node:test';
import { alarmContract } from './store-contract-alarms.js';
import { correlationContract } from './store-contract-correlation.js';
import { eventContract } from './store-contract-events.js';
import { retentionContract } from './store-contract-retention.js';
import { transactionContract } from './store-contract-transactions.js';
import type { MakeStore } from './store-contract-setup.js';

export type { MakeStore } from './store-contract-setup.js';

/**
 * The behaviour every Store must have, as node:test cases. Each Store's test
 * file runs it, so the SQLite store and the MemoryStore fake cannot drift apart.
 */
export function runStoreContract(name: string, makeStore: MakeStore): void {
  describe(`${name} store contract`, () => {
    describe('alarms', () => alarmContract(makeStore));
    describe('events', () => eventContract(makeStore));
    describe('transactions', () => transactionContract(makeStore));
    describe('retention', () => retentionContract(makeStore));
    describe('correlation', () => correlationContract(makeStore));
  });
}
