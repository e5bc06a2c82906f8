/**
 * @rapport/adapter-memory: the embedded default backend. An in-memory CRM seeded with a deterministic
 * demo data set, for quick starts, demos and tests. Works in browsers and Node; for a JSON file that
 * keeps submissions across restarts, see `@rapport/adapter-memory/node`.
 *
 * @packageDocumentation
 */
export {memoryAdapter} from './memory-adapter.js';
export type {
  AnySnapshot,
  Latency,
  MemoryAdapter,
  MemoryAdapterOptions,
  MemorySnapshot,
  MemorySnapshotV1,
  MemorySnapshotV2,
  SnapshotStore,
} from './memory-adapter.js';
export {faultKinds} from './faults.js';
export type {FaultKind, FaultOptions} from './faults.js';
export {createDemoData} from './demo-data/generate.js';
export type {DemoData, DemoDataOptions} from './demo-data/generate.js';
export {demoProgram} from './demo-data/program.js';
export {demoRewards} from './demo-data/rewards.js';
export {memoryCatalog} from './catalog.js';
