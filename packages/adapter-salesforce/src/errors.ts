// Salesforce's reading of a failed call, for vendorHttp's `toError`: the error array's codes, the
// fields they name, the request limits, and the Sforce-Limit-Info header every answer carries.
import {RapportError, type VendorReply} from '@rapport/core';

/** One entry of the error array Salesforce answers a failed REST call with. */
export interface SalesforceError {
  readonly message?: string;
  /** Top-level errors name the code `errorCode`; a SaveResult's (`success: false`) `statusCode`. */
  readonly errorCode?: string;
  readonly statusCode?: string;
  readonly fields?: readonly string[];
}

/** How long the adapter waits after each kind of REQUEST_LIMIT_EXCEEDED. */
export interface LimitWaits {
  /** After `TotalRequests Limit exceeded` (the org's rolling 24-hour allowance). */
  readonly requestLimitMs: number;
  /** After `ConcurrentPerOrgLongTxn Limit exceeded` (too many long requests at once). */
  readonly concurrentMs: number;
}

/** The API usage Salesforce reports in `Sforce-Limit-Info` (`api-usage=22/15000; api-bursts=1/750`). */
export interface SalesforceLimits {
  /** Calls made in the org's rolling 24 hours, and the allowance. */
  readonly apiUsage?: {readonly used: number; readonly max: number};
  /** Burst usage, when the org reports it. */
  readonly apiBursts?: {readonly used: number; readonly max: number};
}

/** The usage figures of a `Sforce-Limit-Info` header; `undefined` when there are none. */
export function parseLimitInfo(header: string | null): SalesforceLimits | undefined {
  if (!header) return undefined;
  const figures: Record<string, {used: number; max: number}> = {};
  for (const part of header.split(/[;,]/)) {
    const match = /^\s*([a-z-]+)=(\d+)\/(\d+)\s*$/i.exec(part);
    if (match) figures[match[1]!.toLowerCase()] = {used: Number(match[2]), max: Number(match[3])};
  }
  const limits: SalesforceLimits = {
    ...(figures['api-usage'] && {apiUsage: figures['api-usage']}),
    ...(figures['api-bursts'] && {apiBursts: figures['api-bursts']}),
  };
  return Object.keys(limits).length > 0 ? limits : undefined;
}

/** The error array of a reply; Salesforce sends an array, a few endpoints one object. */
export function errorsOf(json: unknown): SalesforceError[] {
  if (Array.isArray(json)) return json.filter((e) => typeof e === 'object' && e !== null);
  if (typeof json === 'object' && json !== null && 'errorCode' in json)
    return [json as SalesforceError];
  return [];
}

const codeOf = (e: SalesforceError): string => e.errorCode ?? e.statusCode ?? 'UNKNOWN';

/** The field a `No such column 'X'` message names (INVALID_FIELD names no `fields`). */
const columnOf = (message: string | undefined): string | undefined =>
  /No such column '([^']+)'/.exec(message ?? '')?.[1];

/**
 * A Salesforce message as Rapport's messages may carry it: they reach logs and, through the gateway,
 * pages, so what Salesforce echoes of the request goes. A query error's copy of the SOQL (with its
 * values) before `ERROR at Row:…`, e-mail addresses, record ids (15 or 18 characters with a digit),
 * quoted values that are not field or object names, and the value after `data value too large:`,
 * `invalid email address:` or `id value of incorrect type:`.
 */
export function scrub(message: string | undefined): string {
  let text = (message ?? '').trim();
  const row = /ERROR at Row:\d+:Column:\d+\s*/.exec(text);
  if (row) text = text.slice(row.index + row[0].length);
  else if (/^(SELECT|FIND)\b/i.test(text)) text = text.replace(/^[^\n]*\n?/, '');
  return text
    .replace(/(data value too large):.*?(\(max length=\d+\))/gi, '$1 $2')
    .replace(
      /(invalid email address|id value of incorrect type|malformed id|invalid id):\s*\S+/gi,
      '$1',
    )
    .replace(/[^\s'"<>(),;:=]+@[^\s'"<>(),;:=]+/g, '{email}')
    .replace(/'(?:[^'\\]|\\.)*'/g, (quoted) =>
      /^'[A-Za-z_][\w.]*'$/.test(quoted) ? quoted : "'{value}'",
    )
    .replace(/\b(?=[A-Za-z0-9]*\d)[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?\b/g, '{id}')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Codes that say the input is wrong, each with what the adapter's caller can do about it. */
const inputCodes: Readonly<Record<string, string>> = {
  REQUIRED_FIELD_MISSING: 'is required by Salesforce',
  INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST: 'is not a value of its restricted picklist',
  INVALID_FIELD: 'is not a field Salesforce knows',
  INVALID_FIELD_FOR_INSERT_UPDATE: 'cannot be written with this user (check field-level security)',
  MALFORMED_ID: 'is not a Salesforce record id',
  FIELD_CUSTOM_VALIDATION_EXCEPTION: 'breaks a validation rule',
  STRING_TOO_LONG: 'is too long for its Salesforce field',
  INVALID_EMAIL_ADDRESS: 'is not an e-mail address Salesforce accepts',
  INVALID_CROSS_REFERENCE_KEY: 'points at a record that does not exist',
  MALFORMED_QUERY: 'is not a query Salesforce can read',
  INVALID_TYPE: 'is not an object of this org',
};

/**
 * A RapportError for errors of one record or one call: per-field problems for input errors (the
 * fields Salesforce names, renamed to model paths by `pathOf`), `not_found` for NOT_FOUND and
 * ENTITY_IS_DELETED, `conflict` for DUPLICATE_VALUE.
 */
export function recordError(
  errors: readonly SalesforceError[],
  where: string,
  pathOf: (field: string) => string = (field) => field,
  status?: number,
): RapportError {
  const first = errors[0] ?? {};
  const code = codeOf(first);
  const said = errors.map((e) => `${codeOf(e)}: ${scrub(e.message)}`).join('; ');
  const details = {
    vendor: 'Salesforce',
    errorCode: code,
    ...(status !== undefined && {status}),
  };
  if (code === 'NOT_FOUND' || code === 'ENTITY_IS_DELETED')
    return new RapportError('not_found', `Salesforce has no such record (${where}): ${said}`, {
      details,
    });
  if (code === 'DUPLICATE_VALUE')
    return new RapportError(
      'conflict',
      `Salesforce refused a duplicate value (${where}): ${said}`,
      {
        details,
      },
    );
  const fields: Record<string, string> = {};
  for (const e of errors) {
    const problem = inputCodes[codeOf(e)];
    if (!problem) continue;
    const named = e.fields && e.fields.length > 0 ? e.fields : [columnOf(e.message) ?? ''];
    for (const field of named.filter(Boolean))
      fields[pathOf(field)] = `${problem} (${codeOf(e)}: ${scrub(e.message)})`;
  }
  if (Object.keys(fields).length > 0 || errors.some((e) => inputCodes[codeOf(e)]))
    return new RapportError('invalid_input', `Salesforce refused ${where}: ${said}`, {
      fields,
      details,
    });
  return new RapportError('invalid_input', `Salesforce refused ${where}: ${said}`, {details});
}

/** Makes `toError` for vendorHttp: each Salesforce failure as a typed RapportError. */
export function salesforceErrors(waits: LimitWaits, pathOf?: (field: string) => string) {
  return (reply: VendorReply, generic: RapportError): RapportError => {
    const errors = errorsOf(reply.json);
    const first = errors[0];
    const code = first ? codeOf(first) : undefined;
    const where = `${reply.method} ${reply.path}`;
    const said = first?.message ? `: ${scrub(first.message)}` : '';
    const details = {vendor: 'Salesforce', status: reply.status, ...(code && {errorCode: code})};
    if (code === 'REQUEST_LIMIT_EXCEEDED') {
      // A concurrency cap frees up as soon as the long requests end; the daily allowance is a rolling
      // 24 hours, and an hour is when enough of yesterday's calls have usually rolled out of it.
      const concurrent = /ConcurrentPerOrgLongTxn/i.test(first?.message ?? '');
      const retryAfterMs = concurrent ? waits.concurrentMs : waits.requestLimitMs;
      return new RapportError(
        'rate_limited',
        concurrent
          ? `Salesforce has too many long requests running at once (${where})${said}; waiting ${retryAfterMs} ms`
          : `Salesforce's API request limit for the org is used up (${where})${said}; no call is sent for ${Math.round(retryAfterMs / 60_000)} min (the allowance is a rolling 24 hours)`,
        {retryAfterMs, details: {...details, limit: concurrent ? 'concurrent' : 'daily'}},
      );
    }
    if (reply.status === 401)
      return new RapportError(
        'unauthorized',
        `Salesforce refused the session for ${where}${said}; check the adapter's accessToken, or the jwt option's clientId, username and privateKey`,
        {details},
      );
    if (reply.status === 403)
      return new RapportError(
        'forbidden',
        `Salesforce forbids ${where}${said}; give the integration user the permission set the adapter needs (see docs/crm/salesforce.md)`,
        {details},
      );
    if (reply.status >= 500 || generic.code === 'unavailable' || generic.code === 'timeout')
      return new RapportError(
        generic.code === 'timeout' ? 'timeout' : 'unavailable',
        `Salesforce is unavailable (${reply.status} to ${where})${said}`,
        {details},
      );
    if (reply.status === 412)
      // A conditional request (If-Unmodified-Since) on a record that changed since it was read.
      return new RapportError(
        'conflict',
        `Salesforce refused ${where}: the record changed since it was read${said}`,
        {details},
      );
    if (errors.length > 0) return recordError(errors, where, pathOf, reply.status);
    return new RapportError(generic.code, `${generic.message}${said}`, {details});
  };
}
