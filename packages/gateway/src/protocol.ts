import {isRapportError, RapportError, type ErrorCode} from '@rapport/core';

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

/** The JSON body of every error response: `{"error": {code, message, fields?, retryAfterMs?, details?}}`. */
export function errorBody(error: RapportError): string {
  return JSON.stringify({error: error.toJSON()});
}

const JSON_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
};

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: {...JSON_HEADERS, ...headers},
  });
}

/** An error as a response, with `Retry-After` (in whole seconds) when the caller should wait. */
export function errorResponse(error: unknown, status?: number): Response {
  const rapport = isRapportError(error)
    ? error
    : new RapportError('unavailable', 'The gateway could not complete the request'); // never leak internals
  const headers: Record<string, string> = {};
  if (rapport.retryAfterMs !== undefined)
    headers['retry-after'] = String(Math.max(1, Math.ceil(rapport.retryAfterMs / 1000)));
  if (rapport.code === 'unauthorized') headers['www-authenticate'] = 'Bearer';
  return json(
    errorBody(rapport),
    status ?? (isRapportError(error) ? statusOf[rapport.code] : 500),
    headers,
  );
}
