/**
 * @rapport/core: the typed CRM model and its domain logic. Plain TypeScript with no DOM and no I/O,
 * so it runs in browsers, Node and server-side rendering alike.
 *
 * @packageDocumentation
 */
export * from './errors.js';
export type {Instant, IsoDateTime, Period} from './time.js';
export * from './fields.js';

export * from './customers/customer.js';
export * from './customers/rfm.js';

export * from './loyalty/program.js';
export * from './loyalty/ledger.js';
export * from './loyalty/tiers.js';
export * from './loyalty/account.js';

export * from './complaints/complaint.js';
export * from './complaints/lifecycle.js';
export * from './complaints/sla.js';

export * from './sales/sales.js';
export * from './sales/convert-lead.js';
export * from './sales/pipeline.js';

export type {Ratio} from './metrics/ratio.js';
export * from './metrics/customers.js';
export * from './metrics/complaints.js';
export * from './metrics/surveys.js';

export * from './text.js';
export * from './complaints/validate-input.js';
export * from './adapter/contract.js';
export * from './client/events.js';
export type {RetryPolicy} from './client/retry.js';
export {randomId} from './client/random-id.js';
export * from './client/client.js';
