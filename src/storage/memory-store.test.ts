import { MemoryStore } from './memory-store.js';
import { runStoreContract } from './store-contract.js';

runStoreContract('MemoryStore', () => ({ store: new MemoryStore(), cleanup: () => {} }));
