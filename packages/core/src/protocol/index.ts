/**
 * `@rapport/core/protocol`: the wire between adapter-http and the gateway, written once. Routes come
 * from the resource catalogue; error codes map to HTTP statuses and back; header names and limits are
 * shared. See docs/gateway.md.
 *
 * @packageDocumentation
 */
import {errorCodes, isRapportError, RapportError, type ErrorCode} from '../errors.js';
import {
  catalogue as rapportCatalogue,
  type Catalogue,
  type ResourceOperation,
} from '../resources/catalogue.js';

export {limits} from './limits.js';

/** The version of the protocol, in every path (`/v1/…`) and in the capabilities answer. */
export const protocolVersion = 1;

/** The headers the protocol uses, in the lower case HTTP/2 sends them. */
export const headers = {
  authorization: 'authorization',
  idempotencyKey: 'idempotency-key',
  /** Set to `true` on a response that repeats the stored answer to an earlier request with the key. */
  replayed: 'idempotent-replayed',
  retryAfter: 'retry-after',
} as const;

/** One route of the protocol, relative to the gateway's `/v1`. */
export interface Route {
  readonly method: 'GET' | 'POST';
  /** A Hono-style pattern: `/customers/:customerId/complaints`. */
  readonly pattern: string;
}

/** The path segment of a resource: its name in kebab-case (`loyaltyAccounts` → `loyalty-accounts`). */
export function resourcePath(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/**
 * The route of one operation on a resource. A read sends its keys as a repeated query parameter named
 * after the resource's key (`/customers?id=a&id=b`, `/loyalty-accounts?customerId=a`); a list names the
 * customer in the path and pages with `cursor` and `limit`; a create posts JSON with an
 * `Idempotency-Key` header.
 */
export function routeOf(name: string, operation: ResourceOperation): Route {
  const path = `/${resourcePath(name)}`;
  switch (operation) {
    case 'read':
      return {method: 'GET', pattern: path};
    case 'list':
      return {method: 'GET', pattern: `/customers/:customerId${path}`};
    case 'create':
      return {method: 'POST', pattern: path};
  }
}

/** Every resource route of a catalogue, with the resource and operation it serves. */
export function resourceRoutes(
  resources: Catalogue = rapportCatalogue,
): (Route & {readonly resource: string; readonly operation: ResourceOperation})[] {
  return Object.entries(resources).flatMap(([resource, definition]) =>
    definition.operations.map((operation) => ({
      resource,
      operation,
      ...routeOf(resource, operation),
    })),
  );
}

/** The routes that are not about one resource. */
export const routes = {
  /** What the gateway offers; needs no token. */
  capabilities: {method: 'GET', pattern: '/capabilities'},
  /** The customization document as the caller's role may see it. */
  customization: {method: 'GET', pattern: '/customization'},
  /** The backend's field catalogue of an entity. */
  fields: {method: 'GET', pattern: '/fields/:entity'},
  /**
   * A report, named in kebab-case (`complaints-by-status`), for `?from=…&to=…` and its filters
   * (`segment`, `category`).
   */
  report: {method: 'GET', pattern: '/reports/:report'},
} as const satisfies Record<string, Route>;

/** The HTTP status of each error code. */
export const statusOf: Readonly<Record<ErrorCode, number>> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  insufficient_points: 409,
  invalid_transition: 409,
  rate_limited: 429,
  unsupported: 501,
  unavailable: 503,
  timeout: 504,
};

/**
 * Reasons (in `error.details.reason`) that take a status of their own, as the IETF Idempotency-Key
 * draft asks: a key reused with another body is 422; a key whose first request still runs is 409. A
 * body over the size limit is 413.
 */
const statusOfReason: Readonly<Record<string, number>> = {
  idempotency_key_reused: 422,
  idempotency_key_in_flight: 409,
  body_too_large: 413,
};

/** The HTTP status of an error: by its reason where one has its own status, else by its code. */
export function statusFor(error: RapportError): number {
  const reason = error.details.reason;
  return (typeof reason === 'string' ? statusOfReason[reason] : undefined) ?? statusOf[error.code];
}

/** What a status means when the body does not say (a proxy's error page). */
const codeOfStatus: Readonly<Record<number, ErrorCode>> = {
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

/** The JSON body of every error response: `{"error": {code, message, fields?, retryAfterMs?, details?}}`. */
export function errorBody(error: RapportError): string {
  return JSON.stringify({error: error.toJSON()});
}

/** An error for a response: the error itself when it is a RapportError, else one that says nothing internal. */
export function publicError(error: unknown): RapportError {
  return isRapportError(error)
    ? error
    : new RapportError('unavailable', 'The gateway could not complete the request');
}

/**
 * The typed error of a failed response: the gateway's own error body when it sent one, otherwise the
 * status's meaning. `Retry-After` (seconds or an HTTP date) becomes `retryAfterMs`.
 */
export async function errorFromResponse(response: Response): Promise<RapportError> {
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
    : (codeOfStatus[response.status] ?? (response.status >= 500 ? 'unavailable' : 'invalid_input'));
  // The body's milliseconds are more precise than the header's whole seconds.
  const retryAfterMs =
    (typeof body.error?.retryAfterMs === 'number' ? body.error.retryAfterMs : undefined) ??
    parseRetryAfter(response.headers.get(headers.retryAfter));
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

/** `Retry-After` in milliseconds: whole seconds or an HTTP date; `undefined` when absent or unreadable. */
export function parseRetryAfter(header: string | null): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** `Retry-After` for a wait in milliseconds, in whole seconds, at least 1. */
export function formatRetryAfter(ms: number): string {
  return String(Math.max(1, Math.ceil(ms / 1000)));
}
