/**
 * @rapport/adapter-testkit: the conformance suites of Rapport. Every adapter runs the adapter suite,
 * driven by the resource catalogue (ours and vendors' alike); every idempotency store runs the store
 * suite. See docs/adapters.md.
 *
 * @packageDocumentation
 */
export {runAdapterConformance, checkAdapter, adapterCheckIds, formatReport} from './conformance.js';
export type {CheckResult, ConformanceOptions} from './conformance.js';
export {rejectsWith} from './checks.js';
export type {AdapterCheckId} from './checks.js';
export {runStoreConformance, checkStore, storeCheckIds, forgetfulStore} from './store.js';
export type {StoreCheckId, StoreConformanceOptions} from './store.js';
export {runPingConformance} from './ping.js';
export type {PingConformanceOptions} from './ping.js';
export {seededRandom, submitAll} from './load.js';
