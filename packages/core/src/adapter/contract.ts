import type {Entity, FieldOption, FieldType, LocalizedText} from '../fields.js';
import {RapportError} from '../errors.js';
import type {ReportName} from '../reports/names.js';
import type {Report, ReportQuery} from '../reports/report.js';
import {
  catalogue as rapportCatalogue,
  type Catalogue,
  type InputOf,
  type OperationsOf,
  type RapportCatalogue,
  type RecordOf,
  type ResourceOperation,
} from '../resources/catalogue.js';

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
 * The answer for one requested key: the record, or `null` when there is none. Every requested key gets
 * exactly one entry, in any order; entries name their key, so the order carries no meaning.
 */
export interface BatchEntry<T> {
  readonly id: string;
  /** The record; `null` when there is none, or when `error` says why it is withheld. */
  readonly record: T | null;
  /**
   * Why this one key was refused while the others were answered (the gateway's `forbidden` for a
   * stranger's record). Absent when the key was answered.
   */
  readonly error?: RapportError;
}

/** The answer to a batch read: one {@link BatchEntry} per distinct requested key. */
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

/** `read`: records by their key, in batches of at most `capabilities.maxBatchSize` distinct keys. */
// Handlers are properties, not methods, so their parameters are checked strictly: a handler that
// takes a narrower input than the catalogue's does not compile.
export interface ReadHandler<T> {
  readonly read: (keys: readonly string[], options?: CallOptions) => Promise<BatchResult<T>>;
}

/** `list`: a customer's records, newest first. `not_found` for an unknown customer. */
export interface ListHandler<T> {
  readonly list: (
    customerId: string,
    page?: PageRequest,
    options?: CallOptions,
  ) => Promise<Page<T>>;
}

/** `create`: stores a record, exactly once per `options.idempotencyKey`. */
export interface CreateHandler<T, I> {
  readonly create: (input: I, options: WriteOptions) => Promise<T>;
}

/**
 * `scan`: every record of the resource, page by page (up to `limits.maxScanPageSize` a page) in an
 * order that stays put while records are added, so no record comes twice (one added during the
 * scan may or may not come). Reports read a backend this
 * way, on the server; it is not a route of the wire. Optional: a backend that cannot enumerate its
 * records leaves it out, and the reports that need it are `unsupported`.
 */
export interface ScanHandler<T> {
  readonly scan: (page?: PageRequest, options?: CallOptions) => Promise<Page<T>>;
}

/**
 * What an adapter implements for one resource: every operation the catalogue declares for it, and
 * `scan` if it can.
 */
export type ResourceHandlers<D> = ('read' extends OperationsOf<D>
  ? ReadHandler<RecordOf<D>>
  : unknown) &
  ('list' extends OperationsOf<D> ? ListHandler<RecordOf<D>> : unknown) &
  ('create' extends OperationsOf<D> ? CreateHandler<RecordOf<D>, InputOf<D>> : unknown) &
  Partial<ScanHandler<RecordOf<D>>>;

/**
 * The resources an adapter serves. It may serve some and leave others out (a loyalty platform serves
 * loyalty accounts only); a resource it serves has every operation of its catalogue entry, typed.
 */
export type AdapterResources<C extends Catalogue = RapportCatalogue> = {
  readonly [N in keyof C]?: ResourceHandlers<C[N]>;
};

/** What an adapter can do besides the resources it serves. */
export interface AdapterCapabilities {
  /** The most keys one batch read accepts; a larger batch is `invalid_input`. */
  readonly maxBatchSize: number;
  /** Entities `describeFields` can describe. */
  readonly entities: readonly Entity[];
  /** Whether creates store `customFields`. */
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
 * The contract between Rapport and a CRM backend, derived from the resource catalogue (react-admin's
 * resource-generic data provider, typed per resource). Reads are batch-first; every call takes an
 * `AbortSignal`; every failure is a `RapportError`. Call the argument guards (`validateKeys`,
 * `validatePage`, `validateIdempotencyKey`, `validateEntity`) at the top of each operation, and run
 * `@rapport/adapter-testkit` to prove an implementation.
 */
export interface CrmAdapter<C extends Catalogue = RapportCatalogue> {
  /** A short name for logs and reports (`memory`, `http`, `hubspot`). */
  readonly name: string;
  readonly capabilities: AdapterCapabilities;
  /** The resources it serves, by catalogue name. */
  readonly resources: AdapterResources<C>;
  /** The backend's field catalog for an entity. */
  describeFields(entity: Entity, options?: CallOptions): Promise<FieldCatalog>;
  /**
   * A report, for `client.report`: adapter-http asks the gateway (which checks who may see it); the
   * memory backend computes it with `computeReport` from its own scans. Optional.
   */
  report?(name: ReportName, query: ReportQuery, options?: CallOptions): Promise<Report>;
  /**
   * Resolves when the backend answers with the adapter's credentials, rejects with a `RapportError`
   * when it does not: the gateway's `GET /readyz` asks it. Optional; an adapter without it counts as
   * reachable.
   */
  ping?(options?: CallOptions): Promise<void>;
}

/** The operations an adapter serves, by resource: what its handlers implement of the catalogue. */
export function servedOperations<C extends Catalogue = RapportCatalogue>(
  adapter: CrmAdapter<NoInfer<C>>,
  resources: C = rapportCatalogue as unknown as C,
): Partial<Record<keyof C & string, readonly ResourceOperation[]>> {
  const served: Partial<Record<keyof C & string, readonly ResourceOperation[]>> = {};
  for (const name of Object.keys(resources) as (keyof C & string)[]) {
    const handlers = adapter.resources[name] as Record<string, unknown> | undefined;
    const operations = resources[name]!.operations.filter(
      (operation: ResourceOperation) => typeof handlers?.[operation] === 'function',
    );
    if (operations.length > 0) served[name] = operations;
  }
  return served;
}

/** A resource's `scan`, bound to its handlers; `undefined` when the adapter offers none. */
export function scanOf(
  adapter: {readonly resources: object},
  resource: string,
): ScanHandler<unknown>['scan'] | undefined {
  const handlers = (adapter.resources as Record<string, {scan?: unknown} | undefined>)[resource];
  return typeof handlers?.scan === 'function'
    ? (handlers.scan as ScanHandler<unknown>['scan']).bind(handlers)
    : undefined;
}

/**
 * The handler of `operation` on `resource`, for code that serves any resource (the client, the
 * gateway, wrappers). @throws RapportError `unsupported` when the adapter does not serve it.
 */
export function handlerOf(
  adapter: {readonly name: string; readonly resources: object},
  resource: string,
  operation: ResourceOperation,
): (...args: unknown[]) => Promise<unknown> {
  const handlers = (adapter.resources as Record<string, Record<string, unknown> | undefined>)[
    resource
  ];
  const handler = handlers?.[operation];
  if (typeof handler !== 'function') {
    throw new RapportError(
      'unsupported',
      `The ${adapter.name} adapter does not offer ${operation} on ${resource}`,
      {details: {resource, operation}},
    );
  }
  return (handler as (...args: unknown[]) => Promise<unknown>).bind(handlers);
}
