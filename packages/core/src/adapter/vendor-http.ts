// The HTTP plumbing every server-side vendor adapter needs, once: credentials with one refresh on 401,
// a timeout, the caller's abort, typed errors by status, and a pause after a rate limit so that no
// call reaches the vendor before the delay it asked for has passed.
import {RapportError, type ErrorCode} from '../errors.js';
import {parseRetryAfter} from '../protocol/index.js';

/** A vendor's answer, for mapping a failure to a {@link RapportError}. */
export interface VendorReply {
  readonly method: string;
  /**
   * The path asked for, as messages may show it: without its query, and with each segment that may
   * name a record (one holding a digit, `@` or `%`, but not a version like `v3`) as `{id}`. Ids can
   * be e-mail addresses, and messages reach logs and, through the gateway, pages.
   */
  readonly path: string;
  readonly status: number;
  readonly headers: Headers;
  /** The body as text; `''` when there is none. */
  readonly text: string;
  /** The body parsed as JSON; `undefined` when it is not JSON (Zendesk's 429 may be plain text). */
  readonly json: unknown;
}

/** Options of {@link vendorHttp}. */
export interface VendorHttpOptions {
  /** The vendor's name in messages: `HubSpot`. */
  readonly vendor: string;
  /** Where its API lives: `https://api.hubapi.com`. */
  readonly baseUrl: string;
  /**
   * The `Authorization` header's value. Called for every request, with `refresh: true` once after a
   * 401 when `refreshes` is set (an OAuth access token expired): return a new token then.
   */
  readonly authorization: (options: {readonly refresh: boolean}) => string | Promise<string>;
  /** Whether a 401 is worth one retry with a refreshed credential. Default false. */
  readonly refreshes?: boolean;
  /**
   * The vendor's reading of a failure: gets the status's generic error and returns a better one (the
   * vendor's message, per-field problems, the rate-limit policy's delay). Default: the generic one.
   */
  readonly toError?: (reply: VendorReply, generic: RapportError) => RapportError;
  /** Milliseconds one request may take. Default 15,000. */
  readonly timeoutMs?: number;
  /** The fetch to use. Default the global one (msw intercepts it in tests). */
  readonly fetch?: typeof fetch;
  /** The clock, for tests. Default `Date.now`. */
  readonly now?: () => number;
  /** Sees every response the vendor sent, failures too: for usage headers (`Sforce-Limit-Info`). */
  readonly onResponse?: (response: Response) => void;
}

/** One request: a query (lists become repeated or comma-joined by the caller), a JSON body, headers. */
export interface VendorRequest {
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>>;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal | undefined;
}

/** A successful answer. */
export interface VendorResponse<T> {
  readonly status: number;
  readonly headers: Headers;
  /** The parsed JSON body; `undefined` for an empty one (204). */
  readonly body: T;
}

/** What {@link vendorHttp} returns. */
export interface VendorHttp {
  /** Sends one request. @throws RapportError for a failure, or the signal's reason when aborted. */
  request<T>(method: string, path: string, init?: VendorRequest): Promise<VendorResponse<T>>;
  /**
   * Whether the vendor answered a request with success in the last `ms` milliseconds. An adapter's
   * `ping` sends a small read only when it has not (`if (!http.answeredWithin(30_000)) await …`), so a
   * gateway's `/readyz` costs a vendor's API quota at most one call in 30 seconds, and none while
   * traffic flows.
   */
  answeredWithin(ms: number): boolean;
}

/** The generic meaning of a vendor status. HubSpot's 477 ("hub migrating") is transient. */
const codeOfStatus: Readonly<Record<number, ErrorCode>> = {
  400: 'invalid_input',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  422: 'invalid_input',
  429: 'rate_limited',
  477: 'unavailable',
  504: 'timeout',
};

/** A path as messages show it: see {@link VendorReply.path}. */
function pathForMessages(path: string): string {
  return path
    .split('/')
    .map((segment) =>
      /^v\d+(\.\d+)?$/.test(segment) || !/[\d@%]/.test(segment) ? segment : '{id}',
    )
    .join('/');
}

function parse(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * A small HTTP client for a vendor's JSON API, for server-side adapters. Failures come back as typed
 * `RapportError`s: a status's generic code, refined by the vendor's `toError`; network failures are
 * `unavailable`, a slow answer `timeout`. After a `rate_limited` error with `retryAfterMs`, every
 * request until that moment fails at once with the remaining wait, without reaching the vendor.
 */
export function vendorHttp(options: VendorHttpOptions): VendorHttp {
  const base = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 15_000;
  const now = options.now ?? Date.now;
  let pausedUntil = 0;
  let answeredAt = -Infinity;

  /** One exchange, its body read too: a failure while the body arrives is as typed as one before. */
  async function send(
    method: string,
    path: string,
    init: VendorRequest,
    refresh: boolean,
  ): Promise<{response: Response; text: string}> {
    const url = new URL(base + path);
    for (const [name, value] of Object.entries(init.query ?? {}))
      if (value !== undefined) url.searchParams.set(name, String(value));
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    const authorization = await options.authorization({refresh});
    try {
      const response = await (options.fetch ?? fetch)(url, {
        method,
        signal,
        headers: {
          accept: 'application/json',
          authorization,
          ...(init.body !== undefined && {'content-type': 'application/json'}),
          ...init.headers,
        },
        ...(init.body !== undefined && {body: JSON.stringify(init.body)}),
      });
      // Read, never cancelled: a 401's body too (a cancel can stay pending under msw in Node).
      const text = await response.text();
      options.onResponse?.(response);
      return {response, text};
    } catch (error) {
      if (init.signal?.aborted) throw init.signal.reason;
      if (timeout.aborted)
        throw new RapportError(
          'timeout',
          `${options.vendor} did not answer ${method} ${pathForMessages(path)} within ${timeoutMs} ms`,
          {details: {vendor: options.vendor}},
        );
      throw new RapportError(
        'unavailable',
        `${options.vendor} could not be reached (${(error as Error).message})`,
        {cause: error, details: {vendor: options.vendor}},
      );
    }
  }

  const http: VendorHttp = {
    async request<T>(method: string, path: string, init: VendorRequest = {}) {
      init.signal?.throwIfAborted();
      const wait = pausedUntil - now();
      if (wait > 0)
        throw new RapportError(
          'rate_limited',
          `${options.vendor}'s rate limit asks to wait ${Math.ceil(wait / 1000)} s more`,
          {retryAfterMs: wait, details: {vendor: options.vendor}},
        );
      let {response, text} = await send(method, path, init, false);
      if (response.status === 401 && options.refreshes)
        ({response, text} = await send(method, path, init, true));
      if (response.ok) {
        answeredAt = now();
        return {status: response.status, headers: response.headers, body: parse(text) as T};
      }

      // Only a failure needs the path a message may show.
      const shown = pathForMessages(path);
      const reply: VendorReply = {
        method,
        path: shown,
        status: response.status,
        headers: response.headers,
        text,
        json: parse(text),
      };
      const code =
        codeOfStatus[response.status] ?? (response.status >= 500 ? 'unavailable' : 'invalid_input');
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
      const generic = new RapportError(
        code,
        `${options.vendor} answered ${response.status} to ${method} ${shown}`,
        {
          ...(code === 'rate_limited' && retryAfterMs !== undefined && {retryAfterMs}),
          details: {vendor: options.vendor, status: response.status},
        },
      );
      const error = options.toError ? options.toError(reply, generic) : generic;
      if (error.code === 'rate_limited' && error.retryAfterMs !== undefined)
        pausedUntil = Math.max(pausedUntil, now() + error.retryAfterMs);
      throw error;
    },
    answeredWithin: (ms) => now() - answeredAt < ms,
  };
  return http;
}
