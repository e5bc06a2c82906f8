// LoyaltyLion's reading of a failed call, for vendorHttp's `toError`: the body's message and code, the
// fields a 400 names, and how long a 429 asks to wait.
import {RapportError, isRecord, type VendorReply} from '@rapport/core';

/**
 * The error body LoyaltyLion documents (developers.loyaltylion.com, "Errors"):
 * `{"error": {"message": "…", "details": {field: "…"}}}`, with a `code` on a 422 (`reward_out_of_stock`).
 * Every part is optional here: a proxy in front of the API may answer with anything.
 */
export interface LoyaltyLionErrorBody {
  readonly error?: {
    readonly message?: string;
    readonly code?: string;
    readonly details?: Readonly<Record<string, unknown>>;
  };
}

/**
 * How long to wait after a 429 without `Retry-After`. LoyaltyLion documents one limit, 20 requests a
 * second per API key, and no rate-limit headers; the window is a second, so one second is enough.
 */
export const defaultRetryAfterMs = 1000;

const bodyOf = (reply: VendorReply): LoyaltyLionErrorBody['error'] & object => {
  const json = reply.json;
  if (!isRecord(json)) return {};
  const error = json.error;
  if (isRecord(error)) return error as LoyaltyLionErrorBody['error'] & object;
  // Some answers carry the message as a string (`{"error": "Not found"}`); keep it.
  return typeof error === 'string' ? {message: error} : {};
};

/** Field problems of a 400, as strings (Rapport's `fields`). */
const fieldsOf = (details: Readonly<Record<string, unknown>> | undefined) =>
  Object.fromEntries(
    Object.entries(details ?? {}).map(([field, problem]) => [
      field,
      typeof problem === 'string' ? problem : JSON.stringify(problem),
    ]),
  );

/** `toError` for vendorHttp: each LoyaltyLion failure as a typed RapportError. */
export function loyaltyLionErrors(reply: VendorReply, generic: RapportError): RapportError {
  const body = bodyOf(reply);
  const where = `${reply.method} ${reply.path}`;
  const said = body.message ? `: ${body.message}` : '';
  const details = {
    vendor: 'LoyaltyLion',
    status: reply.status,
    ...(body.code && {code: body.code}),
  };
  switch (reply.status) {
    case 429: {
      const retryAfterMs = generic.retryAfterMs ?? defaultRetryAfterMs;
      return new RapportError(
        'rate_limited',
        `LoyaltyLion's rate limit (20 requests a second per API key) refused ${where}${said}; retry in ${Math.ceil(retryAfterMs / 1000)} s`,
        {retryAfterMs, details},
      );
    }
    case 401:
      return new RapportError(
        'unauthorized',
        `LoyaltyLion refused the credentials for ${where}${said}; check the adapter's apiKey (or token and secret)`,
        {details},
      );
    case 403:
      return new RapportError(
        'forbidden',
        `LoyaltyLion's API key may not ${where}${said}; give the key the read_customers scope (Manage → API keys)`,
        {details: {...details, scope: 'read_customers'}},
      );
    case 404:
      return new RapportError('not_found', `LoyaltyLion has no such resource (${where})${said}`, {
        details,
      });
    case 400:
    case 422: {
      const fields = fieldsOf(body.details);
      return new RapportError(
        'invalid_input',
        `LoyaltyLion refused ${where}${body.code ? ` (${body.code})` : ''}${said}`,
        {...(Object.keys(fields).length > 0 && {fields}), details},
      );
    }
    default:
      if (generic.code === 'unavailable' || generic.code === 'timeout')
        return new RapportError(
          generic.code,
          `LoyaltyLion is unavailable (${reply.status} to ${where})${said}`,
          {details},
        );
      return new RapportError(generic.code, `${generic.message}${said}`, {details});
  }
}
