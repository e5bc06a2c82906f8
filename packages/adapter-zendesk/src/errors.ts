// Zendesk's error bodies, read into typed RapportErrors. The shapes are the recorded ones in
// src/fake/recorded (amp-labs/connectors, MIT):
//   RecordInvalid  {"error":"RecordInvalid","description":"…","details":{"<field>":[{"description","error"}]}}
//   forbidden      {"error":{"title":"Forbidden","message":"…"}}
//   not found      {"error":"InvalidEndpoint"|"RecordNotFound","description":"Not found"}
//   missing param  {"error":"ParameterMissing","description":"Parameter brands is required"}
//   server error   {"status":500,"error":"Internal Server Error"}
//   update conflict {"error":"UpdateConflict","description":"…"} (409, from the reference, not recorded)
// and a 429 whose body may be plain text.
import {isRecord, RapportError, type VendorReply} from '@rapport/core';

/**
 * Where a Zendesk field named in a RecordInvalid body lives in Rapport's complaint model. Fields the
 * table does not name keep Zendesk's name, so nothing a person could fix is hidden.
 */
const rapportPathOf: Readonly<Record<string, string>> = {
  subject: 'subject',
  description: 'description',
  comment: 'description',
  'comment.body': 'description',
  priority: 'severity',
  requester: 'contact',
  'requester.email': 'contact.email',
  'requester.name': 'contact.name',
  requester_id: 'customerId',
  type: 'category',
};

interface Problem {
  readonly description?: unknown;
  readonly error?: unknown;
}

/**
 * Turns a Zendesk failure into a RapportError. `fieldPath` maps a custom ticket field id (in details
 * keyed `custom_fields.<id>` or `fields.<id>`) to its Rapport path, `customFields.<key>`.
 */
export function zendeskError(
  reply: VendorReply,
  generic: RapportError,
  fieldPath: (zendeskField: string) => string | undefined = () => undefined,
): RapportError {
  const body = isRecord(reply.json) ? reply.json : undefined;
  const where = `${reply.method} ${reply.path}`;
  const details = {
    ...generic.details,
    ...(typeof body?.error === 'string' && {zendesk: body.error}),
  };
  const description = typeof body?.description === 'string' ? body.description : undefined;

  if (reply.status === 429) {
    // Zendesk may answer a rate limit in plain text: quote a little of it, never a whole page.
    const said = reply.json === undefined ? reply.text.trim().slice(0, 200) : description;
    const wait =
      generic.retryAfterMs === undefined
        ? 'without saying for how long'
        : `for ${Math.ceil(generic.retryAfterMs / 1000)} s`;
    return new RapportError(
      'rate_limited',
      `Zendesk's rate limit was reached at ${where}; it asks to wait ${wait}${said ? ` ("${said}")` : ''}`,
      {...(generic.retryAfterMs !== undefined && {retryAfterMs: generic.retryAfterMs}), details},
    );
  }

  if (reply.status === 401) {
    return new RapportError(
      'unauthorized',
      `Zendesk refused the credentials at ${where}: check option credentials (an API token with its agent's e-mail, or an OAuth token that has not expired)`,
      {details},
    );
  }

  if (isRecord(body?.error)) {
    const title = typeof body.error.title === 'string' ? body.error.title : 'Forbidden';
    const message = typeof body.error.message === 'string' ? body.error.message : '';
    return new RapportError(
      reply.status === 403 ? 'forbidden' : generic.code,
      `Zendesk answered ${reply.status} ${title} to ${where}${message ? `: ${message}` : ''}`,
      {details},
    );
  }

  if (body?.error === 'RecordInvalid' && isRecord(body.details)) {
    const fields: Record<string, string> = {};
    let duplicates = 0;
    let problems = 0;
    for (const [zendeskField, list] of Object.entries(body.details)) {
      const path = fieldPath(zendeskField) ?? rapportPathOf[zendeskField] ?? zendeskField;
      const texts = (Array.isArray(list) ? (list as Problem[]) : []).map((problem) => {
        problems++;
        if (problem.error === 'DuplicateValue') duplicates++;
        return typeof problem.description === 'string'
          ? problem.description
          : String(problem.error ?? 'is invalid');
      });
      fields[path] = texts.join('; ') || 'is invalid';
    }
    // A value another record already holds is a conflict with the current state, not bad input.
    const code = problems > 0 && duplicates === problems ? 'conflict' : 'invalid_input';
    return new RapportError(
      code,
      `Zendesk refused ${where} (${description ?? 'Record validation errors'}): ${Object.entries(
        fields,
      )
        .map(([path, text]) => `${path}: ${text}`)
        .join('; ')}`,
      {fields, details},
    );
  }

  if (reply.status === 404) {
    return new RapportError(
      'not_found',
      `Zendesk has nothing at ${where} (${typeof body?.error === 'string' ? body.error : 'Not found'}${description && description !== 'Not found' ? `: ${description}` : ''})`,
      {details},
    );
  }

  if (reply.status === 409) {
    // UpdateConflict: a safe_update whose updated_stamp is older than the ticket.
    return new RapportError(
      'conflict',
      `Zendesk refused ${where}: the ticket changed since it was read (${description ?? (typeof body?.error === 'string' ? body.error : 'Conflict')})`,
      {details},
    );
  }

  if (body?.error === 'IdempotentRequestError') {
    // The key is in Zendesk's window with another request body: another submission reused the key
    // (the two raced past the external_id look-up), which the contract calls a conflict.
    return new RapportError(
      'conflict',
      `Zendesk refused ${where}: the idempotency key was used for another complaint (${description ?? 'IdempotentRequestError'}); use a new key for a new submission`,
      {details},
    );
  }

  if (body?.error === 'ParameterMissing' || reply.status === 400) {
    return new RapportError(
      'invalid_input',
      `Zendesk refused ${where}: ${description ?? (typeof body?.error === 'string' ? body.error : reply.text.slice(0, 200) || 'bad request')}`,
      {details},
    );
  }

  if (reply.status >= 500) {
    const said = typeof body?.error === 'string' ? body.error : reply.text.trim().slice(0, 200);
    return new RapportError(
      'unavailable',
      `Zendesk failed to answer ${where} (${reply.status}${said ? ` ${said}` : ''}); the call is safe to retry`,
      {details},
    );
  }
  return generic;
}
