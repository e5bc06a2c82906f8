import {
  adapterOperations,
  entities,
  errorCodes,
  RapportError,
  type AdapterCapabilities,
  type BatchResult,
  type CallOptions,
  type Complaint,
  type ComplaintInput,
  type CrmAdapter,
  type Customer,
  type Entity,
  type ErrorCode,
  type FieldCatalog,
  type Interaction,
  type LoyaltyAccount,
  type Page,
  type PageRequest,
} from '@rapport/core';

/** Options of {@link httpAdapter}. */
export interface HttpAdapterOptions {
  /** The gateway's address, with any base path: `https://api.example.com/rapport`. */
  readonly url: string;
  /**
   * Gives the token to send as `Authorization: Bearer …`, usually fetched from your own server.
   * Called before requests; on a 401 it is called once more with `{refresh: true}` and the request
   * is repeated. Return `null` for anonymous requests (complaints from visitors, where allowed).
   */
  readonly getToken?: (options: {refresh: boolean}) => string | null | Promise<string | null>;
  /** Longest wait for one request, in milliseconds. Default 15000. */
  readonly timeoutMs?: number;
  /** What the gateway offers. Default: every operation, batches of 100 (the gateway's default). */
  readonly capabilities?: Partial<AdapterCapabilities>;
  /** The fetch to use; default the global one. */
  readonly fetch?: typeof fetch;
}

/** The HTTP adapter, with one call beyond the contract: the customization for the caller's role. */
export interface HttpAdapter extends CrmAdapter {
  /** The customization document as the gateway serves it to the caller's role. */
  getCustomization(
    options?: CallOptions,
  ): Promise<{role: string; document: Record<string, unknown>}>;
}

/**
 * A `CrmAdapter` that talks to a Rapport gateway over HTTP: batch reads as query strings, complaints
 * as JSON with an `Idempotency-Key` header, the person's token in `Authorization`. HTTP failures come
 * back as typed `RapportError`s (a 429's `Retry-After` becomes `retryAfterMs`), so the client retries
 * exactly what is worth retrying.
 */
export function httpAdapter(options: HttpAdapterOptions): HttpAdapter {
  const base = options.url.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 15_000;
  const capabilities: AdapterCapabilities = {
    maxBatchSize: 100,
    operations: adapterOperations,
    entities,
    customFieldsWritable: true,
    ...options.capabilities,
  };
  const unsupported = (operation: (typeof adapterOperations)[number]): void => {
    if (!capabilities.operations.includes(operation))
      throw new RapportError('unsupported', `This gateway does not offer ${operation}`);
  };

  const request = async <T>(
    method: 'GET' | 'POST',
    path: string,
    init: {signal?: AbortSignal | undefined; body?: unknown; headers?: Record<string, string>} = {},
  ): Promise<T> => {
    init.signal?.throwIfAborted();
    const send = async (refresh: boolean): Promise<Response> => {
      const token = options.getToken ? await options.getToken({refresh}) : null;
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
      try {
        return await (options.fetch ?? fetch)(`${base}/v1${path}`, {
          method,
          signal,
          headers: {
            accept: 'application/json',
            ...(token ? {authorization: `Bearer ${token}`} : {}),
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
    let response = await send(false);
    if (response.status === 401 && options.getToken) response = await send(true);
    if (!response.ok) throw await toError(response);
    return (await response.json()) as T;
  };

  const query = (name: string, values: readonly string[]): string =>
    values.map((v) => `${name}=${encodeURIComponent(v)}`).join('&');
  const pageQuery = (page: PageRequest = {}): string => {
    const parts = [
      page.cursor !== undefined && `cursor=${encodeURIComponent(page.cursor)}`,
      page.limit !== undefined && `limit=${page.limit}`,
    ].filter(Boolean);
    return parts.length ? `?${parts.join('&')}` : '';
  };
  const batch = async <T>(
    path: string,
    name: string,
    ids: readonly string[],
    signal: AbortSignal | undefined,
  ): Promise<BatchResult<T>> => {
    signal?.throwIfAborted();
    const distinct = [...new Set(ids)];
    if (distinct.length === 0) return [];
    if (distinct.length > capabilities.maxBatchSize) {
      throw new RapportError(
        'invalid_input',
        `At most ${capabilities.maxBatchSize} ids in one batch`,
        {fields: {ids: 'too many'}},
      );
    }
    return (
      await request<{results: BatchResult<T>}>('GET', `${path}?${query(name, distinct)}`, {signal})
    ).results;
  };

  return {
    name: 'http',
    capabilities,
    async getCustomers(ids, o: CallOptions = {}) {
      unsupported('getCustomers');
      return batch<Customer>('/customers', 'id', ids, o.signal);
    },
    async getLoyaltyAccounts(ids, o: CallOptions = {}) {
      unsupported('getLoyaltyAccounts');
      return batch<LoyaltyAccount>('/loyalty-accounts', 'customerId', ids, o.signal);
    },
    async listComplaints(customerId, page, o: CallOptions = {}) {
      unsupported('listComplaints');
      return request<Page<Complaint>>(
        'GET',
        `/customers/${encodeURIComponent(customerId)}/complaints${pageQuery(page)}`,
        {signal: o.signal},
      );
    },
    async listInteractions(customerId, page, o: CallOptions = {}) {
      unsupported('listInteractions');
      return request<Page<Interaction>>(
        'GET',
        `/customers/${encodeURIComponent(customerId)}/interactions${pageQuery(page)}`,
        {signal: o.signal},
      );
    },
    async submitComplaint(input: ComplaintInput, o) {
      unsupported('submitComplaint');
      if (
        typeof o?.idempotencyKey !== 'string' ||
        o.idempotencyKey === '' ||
        o.idempotencyKey.length > 200
      ) {
        throw new RapportError(
          'invalid_input',
          'submitComplaint needs an idempotency key of 1 to 200 characters',
          {fields: {idempotencyKey: 'is required'}},
        );
      }
      return request<Complaint>('POST', '/complaints', {
        signal: o.signal,
        body: input,
        headers: {'idempotency-key': o.idempotencyKey},
      });
    },
    async describeFields(entity: Entity, o: CallOptions = {}) {
      unsupported('describeFields');
      return request<FieldCatalog>('GET', `/fields/${encodeURIComponent(entity)}`, {
        signal: o.signal,
      });
    },
    getCustomization(o: CallOptions = {}) {
      return request('GET', '/customization', {signal: o.signal});
    },
  };
}

const CODE_OF_STATUS: Record<number, ErrorCode> = {
  400: 'invalid_input',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'invalid_input',
  422: 'conflict',
  429: 'rate_limited',
  501: 'unsupported',
  502: 'unavailable',
  503: 'unavailable',
  504: 'timeout',
};

/**
 * The typed error for a failed response: the gateway's own error body when it sent one, otherwise the
 * status's meaning. `Retry-After` (seconds or an HTTP date) becomes `retryAfterMs`.
 */
export async function toError(response: Response): Promise<RapportError> {
  let body: {
    error?: {
      code?: unknown;
      message?: unknown;
      fields?: unknown;
      retryAfterMs?: unknown;
      details?: unknown;
    };
  } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    // Not JSON (a proxy's error page): the status says enough.
  }
  const claimed = body.error?.code;
  const code: ErrorCode = (errorCodes as readonly unknown[]).includes(claimed)
    ? (claimed as ErrorCode)
    : (CODE_OF_STATUS[response.status] ??
      (response.status >= 500 ? 'unavailable' : 'invalid_input'));
  // The body's milliseconds are more precise than the header's whole seconds.
  const retryAfterMs =
    (typeof body.error?.retryAfterMs === 'number' ? body.error.retryAfterMs : undefined) ??
    retryAfter(response.headers.get('retry-after'));
  const fields = body.error?.fields;
  const details = body.error?.details;
  return new RapportError(
    code,
    typeof body.error?.message === 'string'
      ? body.error.message
      : `The gateway answered ${response.status} ${response.statusText}`.trim(),
    {
      ...(fields !== null &&
        typeof fields === 'object' && {fields: fields as Record<string, string>}),
      ...(retryAfterMs !== undefined && {retryAfterMs}),
      details: {
        status: response.status,
        ...(details !== null && typeof details === 'object'
          ? (details as Record<string, unknown>)
          : {}),
      },
    },
  );
}

function retryAfter(header: string | null): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
