import type {Complaint, ComplaintInput} from '../complaints/complaint.js';
import type {Customer, Interaction} from '../customers/customer.js';
import type {Entity, FieldOption, FieldType, LocalizedText} from '../fields.js';
import type {LoyaltyAccount} from '../loyalty/program.js';

/** Options every adapter call takes. */
export interface CallOptions {
  /** Aborts the call: it then rejects with the signal's reason and does no further work. */
  readonly signal?: AbortSignal;
}

/** Options of a write. */
export interface WriteOptions extends CallOptions {
  /**
   * Identifies one submission across retries. The same key with the same input returns the first
   * result; the same key with another input is a `conflict` error.
   */
  readonly idempotencyKey: string;
}

/**
 * The answer for one requested id: the record, or `null` when there is none. Every requested id gets
 * exactly one entry, in any order; entries name their id, so the order carries no meaning.
 */
export interface BatchEntry<T> {
  readonly id: string;
  readonly record: T | null;
}

/** The answer to a batch read: one {@link BatchEntry} per distinct requested id. */
export type BatchResult<T> = readonly BatchEntry<T>[];

/** Which page of a list to read. */
export interface PageRequest {
  /** Where to continue, from the previous page's `nextCursor`; absent for the first page. */
  readonly cursor?: string;
  /** How many items at most (1 to 100). Default 20. */
  readonly limit?: number;
}

/** One page of a list, newest first. */
export interface Page<T> {
  readonly items: readonly T[];
  /** Pass as `cursor` to read the next page; `null` on the last page. */
  readonly nextCursor: string | null;
  /** How many items the whole list holds, when the backend knows. */
  readonly total?: number;
}

/** The operations of the adapter contract. */
export const adapterOperations = [
  'getCustomers',
  'getLoyaltyAccounts',
  'listComplaints',
  'listInteractions',
  'submitComplaint',
  'describeFields',
] as const;
/** One of {@link adapterOperations}. */
export type AdapterOperation = (typeof adapterOperations)[number];

/** What an adapter can do. An operation it lists must work; one it does not list rejects `unsupported`. */
export interface AdapterCapabilities {
  /** The most ids one batch read accepts; a larger batch is `invalid_input`. */
  readonly maxBatchSize: number;
  /** Operations that work. */
  readonly operations: readonly AdapterOperation[];
  /** Entities `describeFields` can describe. */
  readonly entities: readonly Entity[];
  /** Whether `submitComplaint` stores `customFields`. */
  readonly customFieldsWritable: boolean;
}

/** One field a backend offers for an entity: a standard model field or one of the business's own. */
export interface FieldDescriptor {
  /**
   * The field's path in the model: `email`, `name.given`, or `customFields.<key>` for a custom field.
   * Customization documents name fields by this path (their `source`).
   */
  readonly path: string;
  /** The backend's label for it. */
  readonly label: LocalizedText;
  readonly type: FieldType;
  /** Whether it is one of the business's own fields (under `customFields`). */
  readonly custom: boolean;
  /** Choices, for select and multi-select fields. */
  readonly options?: readonly FieldOption[];
  /** Whether the backend refuses writes to it. */
  readonly readOnly?: boolean;
}

/** The fields a backend offers for one entity. */
export interface FieldCatalog {
  readonly entity: Entity;
  readonly fields: readonly FieldDescriptor[];
}

/**
 * The contract between Rapport and a CRM backend. Reads are batch-first; every call takes an
 * `AbortSignal`; every failure is a `RapportError` (`not_found`, `unauthorized`, `forbidden`,
 * `rate_limited` with `retryAfterMs`, `invalid_input` with per-field messages, `conflict`,
 * `unavailable`, `timeout`, `unsupported`). Run `@rapport/adapter-testkit` to prove an implementation.
 */
export interface CrmAdapter {
  /** A short name for logs and reports (`memory`, `http`, `hubspot`). */
  readonly name: string;
  readonly capabilities: AdapterCapabilities;
  /** Customers by id. */
  getCustomers(ids: readonly string[], options?: CallOptions): Promise<BatchResult<Customer>>;
  /** Loyalty accounts by customer id. */
  getLoyaltyAccounts(
    customerIds: readonly string[],
    options?: CallOptions,
  ): Promise<BatchResult<LoyaltyAccount>>;
  /** A customer's complaints, newest first. `not_found` for an unknown customer. */
  listComplaints(
    customerId: string,
    page?: PageRequest,
    options?: CallOptions,
  ): Promise<Page<Complaint>>;
  /** A customer's interactions, newest first. `not_found` for an unknown customer. */
  listInteractions(
    customerId: string,
    page?: PageRequest,
    options?: CallOptions,
  ): Promise<Page<Interaction>>;
  /** Opens a complaint; idempotent by `options.idempotencyKey`. */
  submitComplaint(input: ComplaintInput, options: WriteOptions): Promise<Complaint>;
  /** The backend's field catalog for an entity. */
  describeFields(entity: Entity, options?: CallOptions): Promise<FieldCatalog>;
}
