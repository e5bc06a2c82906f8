import {
  catalogue as rapportCatalogue,
  entities,
  errorFromJson,
  RapportError,
  isReportName,
  reportFilters,
  validateCustomerId,
  validateEntity,
  validateIdempotencyKey,
  validateKeys,
  validatePage,
  validateReportQuery,
  type AdapterCapabilities,
  type AdapterResources,
  type BatchResult,
  type CallOptions,
  type Catalogue,
  type CrmAdapter,
  type FieldCatalog,
  type Page,
  type PageRequest,
  type RapportCatalogue,
  type Report,
  type ResourceDefinition,
  type ResourceOperation,
  type WriteOptions,
} from '@rapport/core';
import {
  errorFromResponse,
  headers,
  limits,
  protocolVersion,
  resourcePath,
  routeOf,
  routes,
} from '@rapport/core/protocol';
import {tokenSource} from './token.js';

/** Options of {@link httpAdapter}. */
export interface HttpAdapterOptions<C extends Catalogue = RapportCatalogue> {
  /** The gateway's address, with any base path: `https://api.example.com/rapport`. */
  readonly url: string;
  /**
   * Gives the token to send as `Authorization: Bearer …`, usually fetched from your own server.
   * Called once per token: the adapter holds it until 30 s before its `exp` (a JWT's; halfway
   * through a shorter life; a token without one, or that looks expired on arrival, is held until
   * refused), then asks again with `{refresh: true}`. On a 401 it asks
   * once more with `{refresh: true}` and repeats the request. Requests made while it is being asked
   * share that one call. Return `null` for anonymous requests (complaints from visitors, where
   * allowed); `null` is not held.
   */
  readonly getToken?: (options: {refresh: boolean}) => string | null | Promise<string | null>;
  /** Longest wait for one request, in milliseconds. Default 15000. */
  readonly timeoutMs?: number;
  /** The resources the gateway serves; default Rapport's catalogue. Give the gateway's own. */
  readonly catalogue?: C;
  /**
   * What the gateway serves, by resource, as its `/v1/capabilities` answers under `resources`.
   * Operations left out are `unsupported` without a request. Default every operation of the catalogue.
   */
  readonly resources?: Partial<Record<keyof NoInfer<C> & string, readonly ResourceOperation[]>>;
  /** Batch size, entities, custom fields. Default batches of 100 (the gateway's default), every entity. */
  readonly capabilities?: Partial<AdapterCapabilities>;
  /** The fetch to use; default the global one. */
  readonly fetch?: typeof fetch;
}

/** The HTTP adapter, with one call beyond the contract: the customization for the caller's role. */
export interface HttpAdapter<C extends Catalogue = RapportCatalogue> extends CrmAdapter<C> {
  /** The customization document as the gateway serves it to the caller's role. */
  getCustomization(
    options?: CallOptions,
  ): Promise<{role: string; document: Record<string, unknown>}>;
}

type Call = <T>(
  method: 'GET' | 'POST',
  path: string,
  init?: {signal?: AbortSignal | undefined; body?: unknown; headers?: Record<string, string>},
) => Promise<T>;

/**
 * A `CrmAdapter` that talks to a Rapport gateway over HTTP, at the routes `@rapport/core/protocol`
 * derives from the catalogue: batch reads as query strings, lists paged by cursor, creates as JSON
 * with an `Idempotency-Key` header, the person's token in `Authorization`. HTTP failures come back as
 * typed `RapportError`s (a 429's `Retry-After` becomes `retryAfterMs`), so the client retries exactly
 * what is worth retrying.
 */
export function httpAdapter<C extends Catalogue = RapportCatalogue>(
  options: HttpAdapterOptions<C>,
): HttpAdapter<C> {
  const base = options.url.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 15_000;
  const catalogue: Catalogue = options.catalogue ?? rapportCatalogue;
  const capabilities: AdapterCapabilities = {
    maxBatchSize: limits.maxBatchSize,
    entities,
    customFieldsWritable: true,
    ...options.capabilities,
  };

  const tokens = options.getToken ? tokenSource(options.getToken) : null;

  const request: Call = async <T>(
    method: 'GET' | 'POST',
    path: string,
    init: {signal?: AbortSignal | undefined; body?: unknown; headers?: Record<string, string>} = {},
  ): Promise<T> => {
    init.signal?.throwIfAborted();
    const send = async (token: string | null): Promise<Response> => {
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
      try {
        return await (options.fetch ?? fetch)(`${base}/v${protocolVersion}${path}`, {
          method,
          signal,
          headers: {
            accept: 'application/json',
            ...(token ? {[headers.authorization]: `Bearer ${token}`} : {}),
            ...(init.body !== undefined ? {'content-type': 'application/json'} : {}),
            ...init.headers,
          },
          ...(init.body !== undefined && {body: JSON.stringify(init.body)}),
        });
      } catch (error) {
        if (init.signal?.aborted) throw init.signal.reason;
        if (timeout.aborted)
          throw new RapportError('timeout', `The gateway did not answer within ${timeoutMs} ms`);
        throw new RapportError(
          'unavailable',
          `The gateway could not be reached (${(error as Error).message})`,
          {cause: error},
        );
      }
    };
    const token = tokens ? await tokens.current() : null;
    let response = await send(token);
    if (response.status === 401 && tokens) response = await send(await tokens.refresh(token));
    if (!response.ok) throw await errorFromResponse(response);
    return (await response.json()) as T;
  };

  const served: Record<string, Record<string, unknown>> = {};
  for (const [name, definition] of Object.entries(catalogue)) {
    const offered: readonly ResourceOperation[] = options.resources
      ? ((options.resources as Record<string, readonly ResourceOperation[]>)[name] ?? [])
      : definition.operations;
    const handlers: Record<string, unknown> = {};
    for (const operation of definition.operations)
      if (offered.includes(operation))
        handlers[operation] = operations[operation](name, definition, request, capabilities);
    if (Object.keys(handlers).length > 0) served[name] = handlers;
  }

  return {
    name: 'http',
    capabilities,
    resources: served as AdapterResources<C>,
    async describeFields(entity, o: CallOptions = {}) {
      validateEntity(entity, capabilities.entities);
      return request<FieldCatalog>(
        routes.fields.method,
        routes.fields.pattern.replace(':entity', encodeURIComponent(entity)),
        {signal: o.signal},
      );
    },
    report(name, query, o: CallOptions = {}) {
      o.signal?.throwIfAborted();
      if (!isReportName(name))
        throw new RapportError('invalid_input', `No report "${String(name)}"`, {
          fields: {report: `must be one of ${Object.keys(reportFilters).join(', ')}`},
        });
      const {from, to, filters} = validateReportQuery(name, query, reportFilters[name]);
      const parameters = new URLSearchParams({
        from: new Date(from).toISOString(),
        to: new Date(to).toISOString(),
        ...filters,
      });
      return request<Report>(
        routes.report.method,
        `${routes.report.pattern.replace(':report', resourcePath(name))}?${parameters}`,
        {signal: o.signal},
      );
    },
    getCustomization(o: CallOptions = {}) {
      return request(routes.customization.method, routes.customization.pattern, {
        signal: o.signal,
      });
    },
  };
}

type OperationMaker = (
  name: string,
  definition: ResourceDefinition,
  request: Call,
  capabilities: AdapterCapabilities,
) => (...args: never[]) => Promise<unknown>;

/** One entry of a batch answer as the gateway sends it. */
interface WireEntry {
  readonly id: string;
  readonly record: unknown;
  readonly error?: ReturnType<RapportError['toJSON']>;
}

const operations: Record<ResourceOperation, OperationMaker> = {
  read: (name, definition, request, capabilities) => {
    const route = routeOf(name, 'read');
    const parameter = encodeURIComponent(definition.key);
    return async (keys: readonly string[], o: CallOptions = {}) => {
      o.signal?.throwIfAborted();
      const distinct = validateKeys(keys, capabilities.maxBatchSize);
      if (distinct.length === 0) return [];
      const query = distinct.map((key) => `${parameter}=${encodeURIComponent(key)}`).join('&');
      const {results} = await request<{results: WireEntry[]}>(
        route.method,
        `${route.pattern}?${query}`,
        {signal: o.signal},
      );
      // A key the gateway refused comes back with its error: that key's widget shows it, alone.
      return results.map((entry) =>
        entry.error ? {id: entry.id, record: null, error: errorFromJson(entry.error)} : entry,
      ) as BatchResult<unknown>;
    };
  },
  list: (name, _definition, request) => {
    const route = routeOf(name, 'list');
    return async (customerId: string, page?: PageRequest, o: CallOptions = {}) => {
      validateCustomerId(customerId);
      validatePage(page);
      // Only what the caller gave: the gateway and the backend know the default page size.
      const query = [
        page?.cursor !== undefined && `cursor=${encodeURIComponent(page.cursor)}`,
        page?.limit !== undefined && `limit=${page.limit}`,
      ].filter(Boolean);
      return request<Page<unknown>>(
        route.method,
        `${route.pattern.replace(':customerId', encodeURIComponent(customerId))}${query.length ? `?${query.join('&')}` : ''}`,
        {signal: o.signal},
      );
    };
  },
  create: (name, _definition, request) => {
    const route = routeOf(name, 'create');
    return async (input: unknown, o: WriteOptions) => {
      const key = validateIdempotencyKey(o?.idempotencyKey);
      return request(route.method, route.pattern, {
        signal: o.signal,
        body: input,
        headers: {[headers.idempotencyKey]: key},
      });
    };
  },
};
