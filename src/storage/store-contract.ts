import { describe } from 'node:test';
import { alarmContract } from './store-contract-alarms.js';
import { auditContract } from './store-contract-audit.js';
import { correlationContract } from './store-contract-correlation.js';
import { deliveryContract } from './store-contract-deliveries.js';
import { eventContract } from './store-contract-events.js';
import { licenceContract } from './store-contract-licence.js';
import { resiliencyContract } from './store-contract-resiliency.js';
import { retentionContract } from './store-contract-retention.js';
import { sessionContract } from './store-contract-sessions.js';
import { ssaEntryContract } from './store-contract-ssa.js';
import { qosContract } from './store-contract-qos.js';
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
    describe('SSA entries', () => ssaEntryContract(makeStore));
    describe('notifier deliveries', () => deliveryContract(makeStore));
    describe('QoS calls', () => qosContract(makeStore));
    describe('licence states', () => licenceContract(makeStore));
    describe('resiliency incidents', () => resiliencyContract(makeStore));
    describe('audit log', () => auditContract(makeStore));
    describe('signed-in sessions', () => sessionContract(makeStore));
  });
}
