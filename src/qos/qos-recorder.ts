import type { Store } from '../storage/store.js';

/**
 * The part of the store a QoS writer needs (the RTCP collector): call records
 * and samples in one transaction per flush, the window counts behind
 * sustained-degradation alarms, and the open alarms to resume them after a restart.
 */
export type QosRecorder = Pick<Store, 'transaction' | 'insertQosCall' | 'updateQosCall' | 'insertQosSamples' | 'qosWindow' | 'listAlarms'>;
