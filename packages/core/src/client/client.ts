import {
  handlerOf,
  type AdapterCapabilities,
  type BatchResult,
  type CallOptions,
  type CrmAdapter,
  type FieldCatalog,
  type Page,
  type PageRequest,
} from '../adapter/contract.js';
import {RapportError} from '../errors.js';
import type {Entity} from '../fields.js';
import {
  catalogue as rapportCatalogue,
  type Catalogue,
  type InputOf,
  type RapportCatalogue,
  type RecordOf,
  type ResourcesWith,
} from '../resources/catalogue.js';
import type {ClientHooks, DataChange, RequestDetail} from './events.js';
import {BatchLoader, KeyedLoader, TtlCache} from './loaders.js';
import {randomId} from './random-id.js';
import type {ReportName} from '../reports/names.js';
import type {Report, ReportQuery} from '../reports/report.js';
import {withRetry, type RetryPolicy} from './retry.js';

/** Options of {@link createClient}. */
export interface ClientOptions<C extends Catalogue = RapportCatalogue> {
  /** How long answers stay cached, in milliseconds. Default 30000. */
  readonly cacheTtlMs?: number;
  /** Most answers kept per resource (records, or pages of lists); the oldest go first. Default 1000. */
  readonly cacheMaxEntries?: number;
  /** How transient failures are retried. */
  readonly retry?: RetryPolicy;
  /** Watch what goes over the wire. */
  readonly hooks?: ClientHooks;
  /** Makes idempotency keys; default random UUIDs. */
  readonly idempotencyKey?: () => string;
  /** The resources; default Rapport's catalogue. */
  readonly catalogue?: C;
}

/** Options of {@link RapportClient.create}. */
export interface SubmitOptions extends CallOptions {
  /**
   * The submission's key. A form makes one when the person presses submit and passes it again if
   * they retry, so the record is stored once. Default: a new key for this call.
   */
  readonly idempotencyKey?: string;
}

/**
 * What widgets talk to: one client per page, on top of any adapter. It batches keys read in the same
 * task into one adapter call per resource, shares loads under way, caches answers, retries transient
 * failures with one idempotency key per submission, and tells subscribers when data changed.
 */
export interface RapportClient<C extends Catalogue = RapportCatalogue> {
  /** The adapter's name and capabilities. */
  readonly adapterName: string;
  readonly capabilities: AdapterCapabilities;
  /** One record by its key (`read('customers', 'c-42')`). @throws RapportError `not_found`. */
  read<N extends ResourcesWith<C, 'read'>>(
    resource: N,
    key: string,
    options?: CallOptions,
  ): Promise<RecordOf<C[N]>>;
  /** A page of a customer's records, newest first (`list('complaints', 'c-42', {limit: 5})`). */
  list<N extends ResourcesWith<C, 'list'>>(
    resource: N,
    customerId: string,
    page?: PageRequest,
    options?: CallOptions,
  ): Promise<Page<RecordOf<C[N]>>>;
  /**
   * Stores a record, retrying transient failures with one idempotency key, so it is stored once.
   * Afterwards the owner's lists of this resource and of the resources it affects are reloaded.
   */
  create<N extends ResourcesWith<C, 'create'>>(
    resource: N,
    input: InputOf<C[N]>,
    options?: SubmitOptions,
  ): Promise<RecordOf<C[N]>>;
  /** The backend's field catalog for an entity. */
  describeFields(entity: Entity, options?: CallOptions): Promise<FieldCatalog>;
  /**
   * A report for a range (`report('complaintsByStatus', {from, to})`), from the adapter's `report`
   * (adapter-http asks the gateway; the memory backend computes it). Cached like lists.
   * @throws RapportError `unsupported` when the adapter offers no reports.
   */
  report(name: ReportName, query: ReportQuery, options?: CallOptions): Promise<Report>;
  /** Drops cached data and tells subscribers, for changes made outside this client. */
  invalidate(change: DataChange<keyof C & string>): void;
  /** Calls `listener` whenever cached data changes; returns a function that stops it. */
  subscribe(listener: (change: DataChange<keyof C & string>) => void): () => void;
}

/** Creates the client widgets share. See {@link RapportClient}. */
export function createClient<C extends Catalogue = RapportCatalogue>(
  adapter: CrmAdapter<NoInfer<C>>,
  options: ClientOptions<C> = {},
): RapportClient<C> {
  const resources = options.catalogue ?? (rapportCatalogue as unknown as C);
  const ttl = options.cacheTtlMs ?? 30_000;
  const hooks = options.hooks ?? {};
  const retry = options.retry ?? {};
  const newKey = options.idempotencyKey ?? randomId;
  const listeners = new Set<(change: DataChange<keyof C & string>) => void>();
  const maxEntries = options.cacheMaxEntries ?? 1000;
  const lists = new KeyedLoader(new TtlCache(ttl, maxEntries * Object.keys(resources).length));
  const readers = new Map<string, BatchLoader<unknown>>();

  const attempt = <T>(
    detail: RequestDetail,
    run: (signal: AbortSignal) => Promise<T>,
    signal?: AbortSignal,
  ): Promise<T> => withRetry(detail, run, signal, retry, hooks);
  const definition = (resource: string) => {
    const found = resources[resource];
    if (!found)
      throw new RapportError('invalid_input', `No resource "${resource}" in the catalogue`);
    return found;
  };
  const reader = (resource: string): BatchLoader<unknown> => {
    let loader = readers.get(resource);
    if (!loader) {
      const read = handlerOf(adapter, resource, 'read') as (
        keys: readonly string[],
        options: CallOptions,
      ) => Promise<BatchResult<unknown>>;
      loader = new BatchLoader(
        (ids, signal) =>
          attempt({resource, operation: 'read', ids}, (s) => read(ids, {signal: s}), signal),
        () => adapter.capabilities.maxBatchSize,
        new TtlCache(ttl, maxEntries),
      );
      readers.set(resource, loader);
    }
    return loader;
  };
  // JSON-quoted ids keep keys unambiguous: "c-1" is not a prefix of "c-10".
  const listKey = (resource: string, customerId?: string, page?: PageRequest): string =>
    customerId === undefined
      ? `${resource}:`
      : `${resource}:${JSON.stringify(customerId)}` +
        (page ? `|${page.cursor ?? ''}|${page.limit ?? ''}` : '');
  const invalidate = (change: DataChange<keyof C & string>): void => {
    const {resource, customerId} = change;
    const own = definition(resource);
    // Reads are keyed by customer only when the key is the owner; otherwise drop them all.
    readers.get(resource)?.invalidate(own.key === own.owner ? customerId : undefined);
    lists.invalidate(listKey(resource, customerId));
    for (const listener of [...listeners]) listener(change);
  };

  return {
    adapterName: adapter.name,
    get capabilities() {
      return adapter.capabilities;
    },
    async read(resource, key, callOptions = {}) {
      const record = await reader(resource).load(key, callOptions.signal);
      if (record === null)
        throw new RapportError('not_found', `No ${resource} record for ${JSON.stringify(key)}`, {
          details: {resource, id: key},
        });
      return record as never;
    },
    async list(resource, customerId, page = {}, callOptions = {}) {
      const list = handlerOf(adapter, resource, 'list');
      return lists.load(
        listKey(resource, customerId, page),
        (signal) =>
          attempt(
            {resource, operation: 'list', customerId},
            (s) => list(customerId, page, {signal: s}),
            signal,
          ),
        callOptions.signal,
      ) as never;
    },
    async create(resource, input, submitOptions = {}) {
      const create = handlerOf(adapter, resource, 'create');
      const own = definition(resource);
      const idempotencyKey = submitOptions.idempotencyKey ?? newKey();
      const inputOwner = (input as Record<string, unknown>)[own.owner];
      const record = (await attempt(
        {
          resource,
          operation: 'create',
          idempotencyKey,
          ...(typeof inputOwner === 'string' && {customerId: inputOwner}),
        },
        (signal) => create(input, {signal, idempotencyKey}),
        submitOptions.signal,
      )) as Record<string, unknown>;
      // The answer may be redacted for the caller's role; the input still says whose it is.
      const owner = record[own.owner] ?? inputOwner;
      if (typeof owner === 'string') {
        for (const changed of [resource, ...(own.affects ?? [])])
          if (changed in resources) invalidate({resource: changed, customerId: owner});
      }
      return record as never;
    },
    describeFields(entity, callOptions = {}) {
      return lists.load(
        `\u0000fields:${entity}`,
        (signal) =>
          attempt(
            {resource: 'fields', operation: 'describe'},
            (s) => adapter.describeFields(entity, {signal: s}),
            signal,
          ),
        callOptions.signal,
      );
    },
    report(name, query, callOptions = {}) {
      const compute = (signal: AbortSignal) => {
        if (!adapter.report)
          throw new RapportError(
            'unsupported',
            `The ${adapter.name} adapter does not offer reports`,
            {details: {report: name}},
          );
        return adapter.report(name, query, {signal});
      };
      return lists.load(
        `\u0000report:${JSON.stringify([name, query.from, query.to, query.segment, query.category])}`,
        (signal) =>
          attempt({resource: 'reports', operation: 'report', report: name}, compute, signal),
        callOptions.signal,
      ) as Promise<Report>;
    },
    invalidate,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
