// HubSpot's reading of a failed call, for vendorHttp's `toError`: the body's category, the 429's
// policy, the scopes a 403 lacks, the properties a 400 names.
import {RapportError, isRecord, type VendorReply} from '@rapport/core';

/** The error body HubSpot sends; every field is optional (HubSpot's docs say so). */
export interface HubSpotErrorBody {
  readonly status?: string;
  readonly message?: string;
  readonly category?: string;
  readonly subCategory?: string;
  readonly correlationId?: string;
  readonly errorType?: string;
  readonly policyName?: string;
  readonly context?: Readonly<Record<string, readonly string[]>>;
  readonly errors?: readonly {
    readonly message?: string;
    readonly code?: string;
    readonly context?: Readonly<Record<string, readonly string[]>>;
  }[];
}

const MS_PER_DAY = 86_400_000;

/**
 * How long a 429 asks to wait, by its policy. HubSpot sends no `Retry-After`; its own SDK waits 10 s
 * for TEN_SECONDLY_ROLLING and 1 s for SECONDLY and does not retry DAILY. The window header
 * (`x-hubspot-ratelimit-interval-milliseconds`) is the rolling window's length, so when present it
 * replaces the 10 s. A daily limit resets at midnight in the portal's time zone (HubSpot's "API
 * usage guidelines"), which the API does not tell: `timeZone` says it, default UTC.
 */
export function rateLimitDelay(
  body: HubSpotErrorBody,
  headers: Headers,
  now: number,
  retryAfterMs: number | undefined,
  timeZone = 'UTC',
): number {
  if (retryAfterMs !== undefined) return retryAfterMs;
  const interval = Number(headers.get('x-hubspot-ratelimit-interval-milliseconds'));
  switch (body.policyName) {
    case 'DAILY':
      return untilMidnight(now, timeZone);
    case 'SECONDLY':
      return 1000;
    case 'TEN_SECONDLY_ROLLING':
    default:
      if (body.message === 'You have reached your secondly limit.') return 1000;
      return Number.isFinite(interval) && interval > 0 ? interval : 10_000;
  }
}

/**
 * Milliseconds from `now` to the next midnight in `timeZone`. On a day the clocks change it is an
 * hour off, which only moves the next attempt by that hour.
 */
export function untilMidnight(now: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
      .formatToParts(now)
      .map((part) => [part.type, Number(part.value)]),
  ) as {hour: number; minute: number; second: number};
  const elapsed = ((parts.hour * 60 + parts.minute) * 60 + parts.second) * 1000 + (now % 1000);
  return MS_PER_DAY - elapsed;
}

/**
 * A path as messages show it: every record id (the segment after `objects/{type}/`, but not `batch`)
 * as `{id}`. vendorHttp already hides segments with a digit, `@` or `%`; a customer id that is the
 * value of a unique property (`idProperty`) can have none of those and still name a person.
 */
export const shownPath = (path: string): string =>
  path.replace(/(\/objects\/[^/]+\/)(?!batch(?:\/|$))[^/]+/g, '$1{id}');

/** HubSpot's own message, without e-mail addresses it may repeat from the request. */
const withoutAddresses = (message: string): string =>
  message.replace(/[^\s"'<>()[\]{},;:]+@[^\s"'<>()[\]{},;:]+/g, '{email}');

const bodyOf = (reply: VendorReply): HubSpotErrorBody =>
  isRecord(reply.json) ? (reply.json as HubSpotErrorBody) : {};

/** Makes `toError` for vendorHttp: each HubSpot failure as a typed RapportError. */
export function hubspotErrors(now: () => number, timeZone?: string) {
  return (reply: VendorReply, generic: RapportError): RapportError => {
    const body = bodyOf(reply);
    const where = `${reply.method} ${shownPath(reply.path)}`;
    const said = body.message ? `: ${withoutAddresses(body.message)}` : '';
    const details = {
      vendor: 'HubSpot',
      status: reply.status,
      ...(body.category && {category: body.category}),
      ...(body.correlationId && {correlationId: body.correlationId}),
    };
    if (reply.status === 429) {
      const retryAfterMs = rateLimitDelay(
        body,
        reply.headers,
        now(),
        generic.retryAfterMs,
        timeZone,
      );
      const policy = body.policyName ?? 'unknown';
      return new RapportError(
        'rate_limited',
        `HubSpot's ${policy} rate limit refused ${where}${said}${policy === 'DAILY' ? ' (the daily limit resets at midnight)' : ''}`,
        {retryAfterMs, details: {...details, policyName: policy}},
      );
    }
    if (reply.status === 401)
      return new RapportError(
        'unauthorized',
        `HubSpot refused the credentials for ${where}${said}; check the adapter's accessToken or oauth option`,
        {details},
      );
    if (reply.status === 403) {
      const scopes = [
        ...(body.context?.requiredGranularScopes ?? []),
        ...(body.context?.requiredScopes ?? []),
      ];
      return new RapportError(
        'forbidden',
        scopes.length > 0
          ? `HubSpot's app lacks the scope${scopes.length > 1 ? 's' : ''} ${scopes.join(', ')} for ${where}; add ${scopes.length > 1 ? 'them' : 'it'} to the private app (or OAuth app) and use the new token`
          : `HubSpot forbids ${where}${said}`,
        {details: {...details, ...(scopes.length > 0 && {scopes})}},
      );
    }
    if (reply.status === 404)
      return new RapportError('not_found', `HubSpot has no such object (${where})${said}`, {
        details,
      });
    if (reply.status === 409)
      return new RapportError('conflict', `HubSpot refused ${where} as a conflict${said}`, {
        details: {
          ...details,
          ...(body.context?.existingId?.[0] && {existingId: body.context.existingId[0]}),
        },
      });
    if (reply.status === 400 || reply.status === 422) {
      const missing = [
        ...new Set(
          (body.errors ?? [])
            .filter((e) => e.code === 'PROPERTY_DOESNT_EXIST')
            .flatMap((e) => e.context?.propertyName ?? []),
        ),
      ];
      if (missing.length > 0)
        return new RapportError(
          'invalid_input',
          `HubSpot has no ${missing.length > 1 ? 'properties' : 'property'} ${missing.join(', ')} (${where}); create ${missing.length > 1 ? 'them' : 'it'} in HubSpot or remove ${missing.length > 1 ? 'them' : 'it'} from the adapter's options`,
          {
            fields: Object.fromEntries(missing.map((name) => [name, 'does not exist in HubSpot'])),
            details: {...details, properties: missing},
          },
        );
      const limit = /maximum number of inputs supported in a batch/.test(body.message ?? '');
      return new RapportError('invalid_input', `HubSpot refused ${where}${said}`, {
        ...(limit && {fields: {ids: body.message!}}),
        details,
      });
    }
    if (generic.code === 'unavailable' || generic.code === 'timeout')
      return new RapportError(
        generic.code,
        `HubSpot is unavailable (${reply.status} to ${where})${said}`,
        {
          details,
        },
      );
    return new RapportError(generic.code, `HubSpot answered ${reply.status} to ${where}${said}`, {
      details,
    });
  };
}
