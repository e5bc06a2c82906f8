import type {
  AdapterCapabilities,
  CallOptions,
  CrmAdapter,
  PageRequest,
} from '../adapter/contract.js';
import type {Complaint, ComplaintInput} from '../complaints/complaint.js';
import type {Customer} from '../customers/customer.js';
import {RapportError} from '../errors.js';
import type {LoyaltyAccount} from '../loyalty/program.js';
import type {ClientHooks, DataChange} from './events.js';
import {BatchLoader, KeyedLoader} from './loaders.js';
import {randomId} from './random-id.js';
import {withRetry, type RetryPolicy} from './retry.js';

/** Options of {@link createClient}. */
export interface ClientOptions {
  /** How long answers stay cached, in milliseconds. Default 30000. */
  readonly cacheTtlMs?: number;
  /** How transient failures are retried. */
  readonly retry?: RetryPolicy;
  /** Watch what goes over the wire. */
  readonly hooks?: ClientHooks;
  /** Makes idempotency keys; default random UUIDs. */
  readonly idempotencyKey?: () => string;
}

/** Options of {@link RapportClient.submitComplaint}. */
export interface SubmitOptions extends CallOptions {
  /**
   * The submission's key. A form makes one when the person presses submit and passes it again if
   * they retry, so the complaint is stored once. Default: a new key for this call.
   */
  readonly idempotencyKey?: string;
}

/**
 * What widgets talk to: one client per page, on top of any adapter. It batches ids asked for in the
 * same task into one adapter call per entity, shares loads under way, caches answers, retries
 * transient failures, and tells subscribers when data changed.
 */
export interface RapportClient extends Pick<
  CrmAdapter,
  'listComplaints' | 'listInteractions' | 'describeFields'
> {
  /** The adapter's name and capabilities. */
  readonly adapterName: string;
  readonly capabilities: AdapterCapabilities;
  /** A customer. @throws RapportError `not_found` when there is none. */
  getCustomer(id: string, options?: CallOptions): Promise<Customer>;
  /** A customer's loyalty account. @throws RapportError `not_found` when there is none. */
  getLoyaltyAccount(customerId: string, options?: CallOptions): Promise<LoyaltyAccount>;
  /**
   * Opens a complaint, retrying transient failures with one idempotency key, so it is stored once.
   * Afterwards the customer's complaint and interaction lists are reloaded.
   */
  submitComplaint(input: ComplaintInput, options?: SubmitOptions): Promise<Complaint>;
  /** Drops cached data and tells subscribers, for changes made outside this client. */
  invalidate(change: DataChange): void;
  /** Calls `listener` whenever cached data changes; returns a function that stops it. */
  subscribe(listener: (change: DataChange) => void): () => void;
}

/** Creates the client widgets share. See {@link RapportClient}. */
export function createClient(adapter: CrmAdapter, options: ClientOptions = {}): RapportClient {
  const ttl = options.cacheTtlMs ?? 30_000;
  const hooks = options.hooks ?? {};
  const retry = options.retry ?? {};
  const newKey = options.idempotencyKey ?? randomId;
  const listeners = new Set<(change: DataChange) => void>();
  const maxBatch = (): number => adapter.capabilities.maxBatchSize;

  const customers = new BatchLoader<Customer>(
    (ids, signal) =>
      withRetry(
        {operation: 'getCustomers', ids},
        (s) => adapter.getCustomers(ids, {signal: s}),
        signal,
        retry,
        hooks,
      ),
    maxBatch,
    ttl,
  );
  const accounts = new BatchLoader<LoyaltyAccount>(
    (ids, signal) =>
      withRetry(
        {operation: 'getLoyaltyAccounts', ids},
        (s) => adapter.getLoyaltyAccounts(ids, {signal: s}),
        signal,
        retry,
        hooks,
      ),
    maxBatch,
    ttl,
  );
  const lists = new KeyedLoader(ttl);

  const found = <T>(record: T | null, what: string, id: string): T => {
    if (record === null)
      throw new RapportError('not_found', `No ${what} for id ${JSON.stringify(id)}`, {
        details: {id},
      });
    return record;
  };
  // JSON-quoted ids keep keys unambiguous: "c-1" is not a prefix of "c-10".
  const listKey = (list: string, customerId?: string, page?: PageRequest): string =>
    customerId === undefined
      ? `${list}:`
      : `${list}:${JSON.stringify(customerId)}` +
        (page ? `|${page.cursor ?? ''}|${page.limit ?? ''}` : '');
  const notify = (change: DataChange): void => {
    for (const listener of [...listeners]) listener(change);
  };
  const invalidate = (change: DataChange): void => {
    const who = change.customerId;
    if (change.entity === 'customer') customers.invalidate(who);
    if (change.entity === 'loyalty') accounts.invalidate(who);
    if (change.entity === 'complaint') lists.invalidate(listKey('complaints', who));
    if (change.entity === 'interaction') lists.invalidate(listKey('interactions', who));
    notify(change);
  };

  return {
    adapterName: adapter.name,
    get capabilities() {
      return adapter.capabilities;
    },
    async getCustomer(id, callOptions = {}) {
      return found(await customers.load(id, callOptions.signal), 'customer', id);
    },
    async getLoyaltyAccount(customerId, callOptions = {}) {
      return found(
        await accounts.load(customerId, callOptions.signal),
        'loyalty account',
        customerId,
      );
    },
    listComplaints(customerId, page = {}, callOptions = {}) {
      return lists.load(
        listKey('complaints', customerId, page),
        (signal) =>
          withRetry(
            {operation: 'listComplaints', customerId},
            (s) => adapter.listComplaints(customerId, page, {signal: s}),
            signal,
            retry,
            hooks,
          ),
        callOptions.signal,
      );
    },
    listInteractions(customerId, page = {}, callOptions = {}) {
      return lists.load(
        listKey('interactions', customerId, page),
        (signal) =>
          withRetry(
            {operation: 'listInteractions', customerId},
            (s) => adapter.listInteractions(customerId, page, {signal: s}),
            signal,
            retry,
            hooks,
          ),
        callOptions.signal,
      );
    },
    describeFields(entity, callOptions = {}) {
      return lists.load(
        `fields:${entity}`,
        (signal) =>
          withRetry(
            {operation: 'describeFields'},
            (s) => adapter.describeFields(entity, {signal: s}),
            signal,
            retry,
            hooks,
          ),
        callOptions.signal,
      );
    },
    async submitComplaint(input, submitOptions = {}) {
      const idempotencyKey = submitOptions.idempotencyKey ?? newKey();
      const complaint = await withRetry(
        {
          operation: 'submitComplaint',
          idempotencyKey,
          ...(input.customerId !== undefined && {customerId: input.customerId}),
        },
        (signal) => adapter.submitComplaint(input, {signal, idempotencyKey}),
        submitOptions.signal,
        retry,
        hooks,
      );
      if (complaint.customerId !== null) {
        invalidate({entity: 'complaint', customerId: complaint.customerId});
        invalidate({entity: 'interaction', customerId: complaint.customerId});
      }
      return complaint;
    },
    invalidate,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
