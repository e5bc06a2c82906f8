import {isRapportError} from '@rapport/core';
import {errorBody, formatRetryAfter, headers, publicError, statusFor} from '@rapport/core/protocol';

const jsonHeaders = {
  'content-type': 'application/json; charset=utf-8',
  // Answers hold personal data and depend on the token: no shared cache may keep them.
  'cache-control': 'no-store',
};

/** A JSON response; a string body is sent as it is (already JSON). */
export function json(body: unknown, status = 200, extra: Record<string, string> = {}): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: {...jsonHeaders, ...extra},
  });
}

/**
 * An error as a response, with `Retry-After` when the caller should wait. Anything but a RapportError
 * is a bug: it becomes a bare 500 that says nothing internal.
 */
export function errorResponse(
  error: unknown,
  options: {readonly status?: number; readonly headers?: Record<string, string>} = {},
): Response {
  const rapport = publicError(error);
  const extra: Record<string, string> = {...options.headers};
  if (rapport.retryAfterMs !== undefined)
    extra[headers.retryAfter] = formatRetryAfter(rapport.retryAfterMs);
  // RFC 6750: a 401 names the scheme the caller should authenticate with.
  if (rapport.code === 'unauthorized') extra['www-authenticate'] = 'Bearer';
  return json(
    errorBody(rapport),
    options.status ?? (isRapportError(error) ? statusFor(rapport) : 500),
    extra,
  );
}
