/**
 * @rapport/adapter-testkit: the conformance suite of the Rapport adapter contract. Every adapter runs
 * it, ours and vendors' alike; see docs/adapters.md.
 *
 * @packageDocumentation
 */
export {runAdapterConformance, checkAdapter, formatReport} from './conformance.js';
export type {CheckResult, ConformanceOptions} from './conformance.js';
export {conformanceChecks, rejectsWith} from './checks.js';
export type {ConformanceCheck, ConformanceContext} from './checks.js';
