/**
 * @rapport/adapter-salesforce/fake: a stateful fake of Salesforce's REST API as msw handlers,
 * answering in the recorded shapes (records with an `attributes` block, `+0000` datetimes, error
 * arrays, `Sforce-Limit-Info` on every answer, 201 with `Location` on create, DUPLICATE_VALUE on a
 * unique External ID field, 403 REQUEST_LIMIT_EXCEEDED), Case updates (`PATCH`, 204, with
 * `If-Unmodified-Since` answered 412) and CaseComment creates in the shapes of Salesforce's
 * documentation (nothing of them was recorded), the JWT bearer token endpoint (verifying
 * the assertion's signature with the public key you give it), and fault injection. For tests, demos
 * and the example gateway: `setupServer(...fakeSalesforce().handlers).listen()`, or give its `fetch`
 * to the adapter (it answers through the handlers without patching the global fetch), with its
 * `baseUrl` as the adapter's `instanceUrl`. `faulted` counts the injected failures per kind, and
 * `reset()` goes back to the seeded org.
 *
 * Seeding people for an end-to-end test (a browser page behind a gateway, say): give `contacts`, each
 * with an `Id` from {@link fakeContactId} (Rapport's customer id is the record id) and the `Email` the
 * other systems know the person by, or start from {@link demoContacts} (Mei Chen and Tunde Okafor,
 * with e-mails, accounts from {@link demoAccounts} and loyalty fields):
 *
 * ```ts
 * const people = [{given: 'Ada', family: 'Lovelace', email: 'ada@example.com'}];
 * const salesforce = fakeSalesforce({
 *   contacts: people.map((p, n) => ({
 *     Id: fakeContactId(101 + n),
 *     FirstName: p.given,
 *     LastName: p.family,
 *     Email: p.email,
 *   })),
 * });
 * const adapter = await salesforceAdapter({
 *   instanceUrl: salesforce.baseUrl,
 *   accessToken: 'e2e',
 *   fetch: salesforce.fetch,
 * });
 * ```
 *
 * The seeded Cases, Tasks, e-mails and comments belong to ids `fakeContactId(1)` and
 * `fakeContactId(2)` (the demo contacts), whoever holds them: other ids start with none.
 *
 * @packageDocumentation
 */
import {getResponse, http, HttpResponse, type HttpHandler, type JsonBodyType} from 'msw';
import {importSPKI, jwtVerify} from 'jose';
import {concurrentLimitExceeded, recorded} from './recorded.js';
import {
  accountFields,
  personAccountFields,
  caseFields,
  contactFields,
  demoAccounts,
  demoActivity,
  demoContacts,
  fakeContactId,
  type SeedContact,
} from './seed.js';
import {parseSoql, runSoql, SoqlError} from './soql.js';

export {demoAccounts, demoContacts, fakeContactId};
export type {SeedContact};

/** The user the adapter's session belongs to: CreatedById of what it writes. */
export const fakeApiUserId = '005FK0000000009AAA';
/** An agent of the fake org: CreatedById of the seeded records. */
export const fakeAgentUserId = '005FK0000000001AAA';

/** A stored record: its fields as REST returns them. */
export type FakeRecord = Record<string, unknown> & {Id: string};

/** The kinds of injected failure. */
export const fakeFaultKinds = [
  'request_limit',
  'concurrent_limit',
  'server_error',
  'unavailable',
  'server_error_after_write',
] as const;
/**
 * One of {@link fakeFaultKinds}: 403 `TotalRequests Limit exceeded.`, 403 `ConcurrentPerOrgLongTxn
 * Limit exceeded.`, 500, 503, and 500 after a create was stored (the dangerous kind).
 */
export type FakeFaultKind = (typeof fakeFaultKinds)[number];

/** Injected failures, on data calls (never on describes or the token endpoint). */
export interface FakeFaults {
  /** Share of calls that fail, 0 to 1. */
  readonly rate: number;
  /** Which failures, drawn evenly. Default all. */
  readonly kinds?: readonly FakeFaultKind[];
  /** Only calls to these endpoints (keys of `calls`, `PATCH /sobjects/Case/:id`) fail. Default all. */
  readonly endpoints?: readonly string[];
  /** Randomness, for reproducible runs. Default `Math.random`. */
  readonly random?: () => number;
}

/** Options of {@link fakeSalesforce}. */
export interface FakeSalesforceOptions {
  /**
   * Where the fake org answers (its instance URL, which the JWT token answer names too). Default
   * `https://fake.my.salesforce.com`.
   */
  readonly baseUrl?: string;
  /** Contacts to start with, as REST returns them. Default {@link demoContacts}. */
  readonly contacts?: readonly SeedContact[];
  /** Failures to inject. Default none. */
  readonly faults?: FakeFaults | null;
  /** Access tokens accepted. Default: any bearer token, unless `jwt` is set. */
  readonly accessTokens?: readonly string[];
  /**
   * The JWT bearer flow: `POST {loginUrl}/services/oauth2/token` verifies the assertion with
   * `publicKey` (SPKI PEM) and its claims, and issues `fake-session-<n>` tokens.
   */
  readonly jwt?: {
    readonly publicKey: string;
    readonly clientId: string;
    readonly username: string;
    /** Default `https://login.salesforce.com`. */
    readonly loginUrl?: string;
  };
  /**
   * The Case Status picklist, each value with whether it closes the Case. Default a developer
   * org's: New, Working, Escalated, Closed (closed).
   */
  readonly caseStatuses?: readonly {readonly value: string; readonly closed?: boolean}[];
  /** Case fields to leave out of the org (`['Rapport_Idempotency_Key__c']`), for start-up tests. */
  readonly withoutCaseFields?: readonly string[];
  /**
   * An org with Person Accounts: each seeded contact is also a person account (`001FK00000001nn…`,
   * `IsPersonAccount: true`, `PersonEmail`), and its Cases and Tasks carry the account's id.
   */
  readonly personAccounts?: boolean;
}

/** The person account a seeded contact is, in a fake org with Person Accounts. */
export const personAccountOf = (contactId: string): string =>
  contactId.replace(
    /^003FK(\d{10})/,
    (_m, n: string) => `001FK${String(Number(n) + 100).padStart(10, '0')}`,
  );

/** The fake and its state. */
export interface FakeSalesforce {
  /** msw handlers: pass them to `setupServer` (msw/node) or `setupWorker`. */
  readonly handlers: HttpHandler[];
  /** A fetch that answers through the handlers directly, without patching the global fetch. */
  readonly fetch: typeof fetch;
  /** Where the fake org answers: the adapter's `instanceUrl`. */
  readonly baseUrl: string;
  /** Calls answered per endpoint (`POST /sobjects/Case`), faults included. */
  readonly calls: Record<string, number>;
  /** Faults injected so far, per kind (`server_error_after_write`: Cases stored, answers lost). */
  readonly faulted: Record<FakeFaultKind, number>;
  /** Cases stored, by record id. */
  readonly cases: Map<string, FakeRecord>;
  /** Case comments, oldest first. */
  readonly comments: () => FakeRecord[];
  /** Contacts, by record id. */
  readonly contacts: Map<string, FakeRecord>;
  /** Stores an activity record (`EmailMessage` with `ParentId` and `ActivityId`, say) as it is. */
  insert(type: 'Task' | 'EmailMessage' | 'CaseComment', record: FakeRecord): void;
  /** Changes the injected failures (`null` for none). */
  setFaults(faults: FakeFaults | null): void;
  /** Makes every session issued so far invalid (the next call gets 401 INVALID_SESSION_ID). */
  expireSessions(): void;
  /** Back to the seeded state: contacts, activity, no new Cases, no calls or faults counted. */
  reset(): void;
}

const json = (body: string, status: number, headers: Record<string, string>) =>
  new HttpResponse(body, {
    status,
    headers: {'content-type': 'application/json;charset=UTF-8', ...headers},
  });

/** `+0000` datetimes at whole seconds, as Salesforce writes them. */
const sfNow = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, '.000+0000');

/** A stateful fake of Salesforce (see the module's description). */
export function fakeSalesforce(options: FakeSalesforceOptions = {}): FakeSalesforce {
  const base = (options.baseUrl ?? 'https://fake.my.salesforce.com').replace(/\/+$/, '');
  const loginUrl = (options.jwt?.loginUrl ?? 'https://login.salesforce.com').replace(/\/+$/, '');
  let faults = options.faults ?? null;
  const calls: Record<string, number> = {};
  const faulted = Object.fromEntries(fakeFaultKinds.map((kind) => [kind, 0])) as Record<
    FakeFaultKind,
    number
  >;
  const contacts = new Map<string, FakeRecord>();
  const cases = new Map<string, FakeRecord>();
  const tables = new Map<string, Map<string, FakeRecord>>();
  let sequence = 0;
  let commentSequence = 1000;
  let caseNumber = 0;
  /** The last LastModifiedDate given out, in ms: each write a second after the last. */
  let lastModified = 0;
  const modifiedNow = (): string => {
    lastModified = Math.max(Math.floor(Date.now() / 1000) * 1000, lastModified + 1000);
    return new Date(lastModified).toISOString().replace(/\.\d{3}Z$/, '.000+0000');
  };
  let usage = 0;
  let sessions = new Set(options.accessTokens ?? []);
  let issued = 0;
  const omitted = new Set(options.withoutCaseFields ?? []);
  const statusValues = options.caseStatuses;
  const closedStatuses = new Set(
    (statusValues ?? [{value: 'Closed', closed: true}]).filter((v) => v.closed).map((v) => v.value),
  );
  const isClosed = (status: unknown) => closedStatuses.has(String(status));
  const caseDefs = caseFields
    .filter((f) => !omitted.has(f.name))
    .map((f) =>
      f.name === 'Status' && statusValues
        ? {
            ...f,
            picklistValues: statusValues.map(({value}) => ({
              active: true,
              defaultValue: false,
              label: value,
              validFor: null,
              value,
            })),
          }
        : f,
    );
  const externalIds = caseDefs.filter((f) => f.externalId && f.unique);

  const attributes = (type: string, id: string) => ({
    type,
    url: `/services/data/v62.0/sobjects/${type}/${id}`,
  });
  const seed = () => {
    contacts.clear();
    cases.clear();
    tables.clear();
    sequence = 1000;
    caseNumber = 1002;
    for (const c of options.contacts ?? demoContacts)
      contacts.set(c.Id, {
        Name: [c.FirstName, c.LastName].filter(Boolean).join(' '),
        CreatedDate: '2025-01-15T09:30:00.000+0000',
        LastModifiedDate: '2025-01-15T09:30:00.000+0000',
        ...c,
      });
    const put = (type: string, record: FakeRecord) => {
      const table = tables.get(type) ?? new Map<string, FakeRecord>();
      table.set(record.Id, record);
      tables.set(type, table);
    };
    for (const a of demoAccounts) put('Account', {...a, IsPersonAccount: false});
    if (options.personAccounts)
      for (const c of contacts.values())
        put('Account', {
          ...c,
          Id: personAccountOf(c.Id),
          PersonContactId: c.Id,
          PersonEmail: c.Email,
          IsPersonAccount: true,
        });
    const accountOf = (contactId: string) =>
      options.personAccounts ? {AccountId: personAccountOf(contactId)} : {};
    for (const [
      Id,
      ContactId,
      CaseNumber,
      Subject,
      Origin,
      Status,
      CreatedDate,
    ] of demoActivity.cases) {
      if (!contacts.has(ContactId)) continue;
      cases.set(Id, {
        Id,
        ContactId,
        ...accountOf(ContactId),
        CaseNumber,
        Subject,
        Description: Subject,
        Origin,
        Status,
        Priority: 'Medium',
        IsClosed: isClosed(Status),
        ClosedDate: isClosed(Status) ? CreatedDate : null,
        CreatedDate,
        LastModifiedDate: CreatedDate,
      });
    }
    for (const [Id, WhoId, TaskSubtype, Subject, CreatedDate] of demoActivity.tasks)
      if (contacts.has(WhoId))
        put('Task', {
          Id,
          WhoId,
          ...accountOf(WhoId),
          TaskSubtype,
          Subject,
          OwnerId: '005FK0000000001AAA',
          CreatedDate,
        });
    for (const [Id, n, Subject, CreatedDate] of demoActivity.emails) {
      const ParentId = demoActivity.cases[n]![0];
      if (cases.has(ParentId))
        put('EmailMessage', {
          Id,
          ParentId,
          Subject,
          Incoming: true,
          MessageDate: CreatedDate,
          CreatedDate,
        });
    }
    for (const [list, IsPublished] of [
      [demoActivity.comments, true],
      [demoActivity.internalComments, false],
    ] as const)
      for (const [Id, n, CommentBody, CreatedDate] of list) {
        const ParentId = demoActivity.cases[n]![0];
        if (cases.has(ParentId))
          put('CaseComment', {
            Id,
            ParentId,
            CommentBody,
            IsPublished,
            CreatedById: fakeAgentUserId,
            CreatedDate,
          });
      }
    commentSequence = 1000;
    lastModified = 0;
    for (const key of Object.keys(calls)) delete calls[key];
    for (const kind of fakeFaultKinds) faulted[kind] = 0;
  };
  seed();

  const tableOf = (type: string): FakeRecord[] | undefined =>
    type === 'Contact'
      ? [...contacts.values()]
      : type === 'Case'
        ? [...cases.values()]
        : tables.has(type) || ['Task', 'EmailMessage', 'CaseComment'].includes(type)
          ? [...(tables.get(type)?.values() ?? [])]
          : undefined;
  const defsOf = (type: string) =>
    type === 'Contact'
      ? contactFields
      : type === 'Case'
        ? caseDefs
        : type === 'Account'
          ? options.personAccounts
            ? personAccountFields
            : accountFields
          : undefined;

  const limitHeaders = (): Record<string, string> => {
    usage = (usage % 15000) + 1;
    return {'sforce-limit-info': `api-usage=${usage}/15000`};
  };
  const ok = (body: JsonBodyType, status = 200, extra: Record<string, string> = {}) =>
    HttpResponse.json(body, {status, headers: {...limitHeaders(), ...extra}});
  const fail = (status: number, errors: Record<string, unknown>[]) =>
    json(JSON.stringify(errors), status, limitHeaders());

  /** A record with only the selected fields (relationships as nested records), as SOQL returns it. */
  const shape = (type: string, record: FakeRecord, select: readonly string[]) => {
    const out: Record<string, unknown> = {attributes: attributes(type, record.Id)};
    for (const name of select) {
      const dot = name.indexOf('.');
      if (dot < 0) {
        out[name] = record[name] ?? null;
        continue;
      }
      const relation = name.slice(0, dot);
      const target = tables.get(relation)?.get(String(record[`${relation}Id`]));
      out[relation] = target
        ? {
            ...((out[relation] as object | null) ?? {attributes: attributes(relation, target.Id)}),
            [name.slice(dot + 1)]: target[name.slice(dot + 1)] ?? null,
          }
        : null;
    }
    return out;
  };

  type Resolver = Parameters<typeof http.get>[1];
  type Info = Parameters<Resolver>[0];
  /** Counts the call, checks the session, injects faults; `work` runs when no fault stops it. */
  const endpoint =
    (name: string, work: (info: Info) => Promise<Response> | Response, faulty = true) =>
    async (info: Info): Promise<Response> => {
      calls[name] = (calls[name] ?? 0) + 1;
      const auth = info.request.headers.get('authorization') ?? '';
      const token = auth.startsWith('Bearer ') ? auth.slice(7) : '';
      if (token === '' || ((options.accessTokens || options.jwt) && !sessions.has(token)))
        return json(recorded.invalidSession, 401, limitHeaders());
      if (
        faulty &&
        faults &&
        (!faults.endpoints || faults.endpoints.includes(name)) &&
        (faults.random ?? Math.random)() < faults.rate
      ) {
        const kinds = faults.kinds ?? fakeFaultKinds;
        const kind = kinds[Math.floor((faults.random ?? Math.random)() * kinds.length)]!;
        faulted[kind]++;
        if (kind === 'request_limit')
          return json(recorded.requestLimitExceeded, 403, limitHeaders());
        if (kind === 'concurrent_limit') return json(concurrentLimitExceeded, 403, limitHeaders());
        const unknown = [
          {errorCode: 'UNKNOWN_EXCEPTION', message: 'An unexpected error occurred.'},
        ];
        if (kind === 'unavailable') return fail(503, unknown);
        // The dangerous kind: the write is stored, the answer is lost.
        if (kind === 'server_error_after_write') await work(info);
        return fail(500, unknown);
      }
      return work(info);
    };

  const api = `${base}/services/data/:version`;
  const handlers: HttpHandler[] = [
    http.post(`${loginUrl}/services/oauth2/token`, async ({request}) => {
      calls['POST /services/oauth2/token'] = (calls['POST /services/oauth2/token'] ?? 0) + 1;
      const form = new URLSearchParams(await request.text());
      const refuse = (description: string) =>
        HttpResponse.json({error: 'invalid_grant', error_description: description}, {status: 400});
      if (!options.jwt) return refuse('this fake org has no connected app for the JWT bearer flow');
      if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer')
        return HttpResponse.json(
          {error: 'unsupported_grant_type', error_description: 'grant type not supported'},
          {status: 400},
        );
      try {
        const key = await importSPKI(options.jwt.publicKey, 'RS256');
        const {payload} = await jwtVerify(form.get('assertion') ?? '', key, {
          algorithms: ['RS256'],
          issuer: options.jwt.clientId,
          audience: loginUrl,
          subject: options.jwt.username,
        });
        // Salesforce allows an expiry at most 3 minutes away.
        if (!payload.exp || payload.exp > Date.now() / 1000 + 180)
          return refuse('expiration time too far in the future');
      } catch (error) {
        const code = (error as {code?: string}).code;
        return refuse(
          code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' ? 'invalid assertion' : 'invalid signature',
        );
      }
      const token = `fake-session-${++issued}`;
      sessions.add(token);
      return HttpResponse.json({
        access_token: token,
        scope: 'api',
        instance_url: base,
        id: `${loginUrl}/id/00DFK0000000001AAA/005FK0000000001AAA`,
        token_type: 'Bearer',
      });
    }),
    http.get(
      `${api}/sobjects/:object/describe`,
      endpoint(
        'GET /sobjects/:object/describe',
        ({params}) => {
          const object = String(params.object);
          const fields = defsOf(object);
          if (!fields) return json(recorded.notFound, 404, limitHeaders());
          return ok({
            name: object,
            label: object,
            labelPlural: `${object}s`,
            keyPrefix: {Case: '500', Contact: '003', Account: '001'}[object],
            custom: false,
            createable: true,
            updateable: true,
            queryable: true,
            fields,
          });
        },
        false,
      ),
    ),
    http.get(
      `${api}/query`,
      endpoint('GET /query', ({request}) => {
        const q = new URL(request.url).searchParams.get('q') ?? '';
        try {
          const parsed = parseSoql(q);
          const defs = defsOf(parsed.from);
          const known = defs && new Set(defs.map((f) => f.name));
          const unknown = known && parsed.fields.find((f) => !f.includes('.') && !known.has(f));
          if (unknown)
            return fail(400, [
              {
                message: `\n${q}\n^\nERROR at Row:1:Column:1\nNo such column '${unknown}' on entity '${parsed.from}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
                errorCode: 'INVALID_FIELD',
              },
            ]);
          const rows = runSoql(parsed, tableOf);
          return ok({
            totalSize: rows.length,
            done: true,
            records: rows.map((r) => shape(parsed.from, r as FakeRecord, parsed.fields)),
          });
        } catch (error) {
          if (!(error instanceof SoqlError)) throw error;
          return fail(400, [{message: error.message, errorCode: 'MALFORMED_QUERY'}]);
        }
      }),
    ),
    http.post(
      `${api}/sobjects/Case`,
      endpoint('POST /sobjects/Case', async ({request, params}) => {
        const body = (await request.json()) as Record<string, unknown>;
        const defs = new Map(caseDefs.map((f) => [f.name, f]));
        const unknown = Object.keys(body).find((name) => !defs.has(name));
        if (unknown)
          return fail(400, [
            {
              message: `No such column '${unknown}' on sobject of type Case`,
              errorCode: 'INVALID_FIELD',
            },
          ]);
        const readOnly = Object.keys(body).filter((name) => defs.get(name)!.createable === false);
        if (readOnly.length > 0)
          return fail(400, [
            {
              message: `Unable to create/update fields: ${readOnly.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
              errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
              fields: readOnly,
            },
          ]);
        // Salesforce names the holder by its 15-character id (or `<unknown>` when the user cannot see it).
        for (const def of externalIds) {
          const value = body[def.name];
          if (value === undefined || value === null || value === '') continue;
          const taken = [...cases.values()].find((c) => c[def.name] === value);
          if (taken)
            return fail(400, [
              {
                message: `duplicate value found: ${def.name} duplicates value on record with id: ${taken.Id.slice(0, 15)}`,
                errorCode: 'DUPLICATE_VALUE',
                fields: [],
              },
            ]);
        }
        if (body.AccountId !== undefined && !tables.get('Account')?.has(String(body.AccountId)))
          return fail(400, [
            {
              message: `Account ID: id value of incorrect type: ${String(body.AccountId)}`,
              errorCode: 'MALFORMED_ID',
              fields: ['AccountId'],
            },
          ]);
        if (body.ContactId !== undefined && !contacts.has(String(body.ContactId)))
          return fail(400, [
            {
              message: `Contact ID: id value of incorrect type: ${String(body.ContactId)}`,
              errorCode: 'MALFORMED_ID',
              fields: ['ContactId'],
            },
          ]);
        const id = `500FK${String(++sequence).padStart(10, '0')}AAA`;
        const now = sfNow();
        const stored: FakeRecord = {
          ...Object.fromEntries(caseDefs.map((f) => [f.name, null])),
          Status: 'New',
          ...body,
          Id: id,
          CaseNumber: String(++caseNumber).padStart(8, '0'),
          IsClosed: isClosed(body.Status ?? 'New'),
          CreatedDate: now,
          LastModifiedDate: now,
          OwnerId: '005FK0000000001AAA',
        };
        cases.set(id, stored);
        return ok({id, success: true, errors: []}, 201, {
          location: `/services/data/${String(params.version)}/sobjects/Case/${id}`,
        });
      }),
    ),
    // Not recorded: the shapes follow the REST API Developer Guide, "Update a Record" (204, no body)
    // and "Conditional Requests" (If-Unmodified-Since, 412),
    // https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_update_fields.htm
    // and https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/headers_ifunmodifiedsince.htm
    http.patch(
      `${api}/sobjects/Case/:id`,
      endpoint('PATCH /sobjects/Case/:id', async ({request, params}) => {
        const stored = cases.get(String(params.id));
        if (!stored) return json(recorded.notFound, 404, limitHeaders());
        const body = (await request.json()) as Record<string, unknown>;
        const defs = new Map(caseDefs.map((f) => [f.name, f]));
        const unknown = Object.keys(body).find((name) => !defs.has(name));
        if (unknown)
          return fail(400, [
            {
              message: `No such column '${unknown}' on sobject of type Case`,
              errorCode: 'INVALID_FIELD',
            },
          ]);
        const readOnly = Object.keys(body).filter((name) => defs.get(name)!.updateable === false);
        if (readOnly.length > 0)
          return fail(400, [
            {
              message: `Unable to create/update fields: ${readOnly.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
              errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
              fields: readOnly,
            },
          ]);
        const unmodifiedSince = request.headers.get('if-unmodified-since');
        if (
          unmodifiedSince !== null &&
          Date.parse(String(stored.LastModifiedDate).replace('+0000', 'Z')) >
            Date.parse(unmodifiedSince)
        )
          return fail(412, [
            {
              message: 'The requested entity has been modified since the time specified.',
              errorCode: 'PRECONDITION_FAILED',
            },
          ]);
        Object.assign(stored, body);
        const at = modifiedNow();
        stored.LastModifiedDate = at;
        if (body.Status !== undefined) {
          const closed = isClosed(body.Status);
          if (closed && stored.IsClosed !== true) stored.ClosedDate = at;
          if (!closed) stored.ClosedDate = null;
          stored.IsClosed = closed;
        }
        return new HttpResponse(null, {status: 204, headers: limitHeaders()});
      }),
    ),
    // Not recorded: CaseComment's fields as the Object Reference lists them,
    // https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_casecomment.htm
    http.post(
      `${api}/sobjects/CaseComment`,
      endpoint('POST /sobjects/CaseComment', async ({request, params}) => {
        const body = (await request.json()) as Record<string, unknown>;
        const unknown = Object.keys(body).find(
          (name) => !['ParentId', 'CommentBody', 'IsPublished'].includes(name),
        );
        if (unknown)
          return fail(400, [
            {
              message: `No such column '${unknown}' on sobject of type CaseComment`,
              errorCode: 'INVALID_FIELD',
            },
          ]);
        if (!cases.has(String(body.ParentId)))
          return fail(400, [
            {
              message: `Parent ID: id value of incorrect type: ${String(body.ParentId)}`,
              errorCode: 'MALFORMED_ID',
              fields: ['ParentId'],
            },
          ]);
        if (typeof body.CommentBody !== 'string' || body.CommentBody.trim() === '')
          return fail(400, [
            {
              message: 'Required fields are missing: [CommentBody]',
              errorCode: 'REQUIRED_FIELD_MISSING',
              fields: ['CommentBody'],
            },
          ]);
        const id = `00aFK${String(++commentSequence).padStart(10, '0')}AAA`;
        const table = tables.get('CaseComment') ?? new Map<string, FakeRecord>();
        table.set(id, {
          Id: id,
          ParentId: body.ParentId,
          CommentBody: body.CommentBody,
          IsPublished: body.IsPublished === true,
          CreatedById: fakeApiUserId,
          CreatedDate: modifiedNow(),
        });
        tables.set('CaseComment', table);
        return ok({id, success: true, errors: []}, 201, {
          location: `/services/data/${String(params.version)}/sobjects/CaseComment/${id}`,
        });
      }),
    ),
  ];

  const fakeFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    init?.signal?.throwIfAborted();
    return (await getResponse(handlers, request)) ?? json(recorded.notFound, 404, limitHeaders());
  };

  return {
    handlers,
    fetch: fakeFetch,
    baseUrl: base,
    calls,
    faulted,
    cases,
    contacts,
    comments: () => [...(tables.get('CaseComment')?.values() ?? [])],
    insert(type, record) {
      const table = tables.get(type) ?? new Map<string, FakeRecord>();
      table.set(record.Id, record);
      tables.set(type, table);
    },
    setFaults(next) {
      faults = next;
    },
    expireSessions() {
      sessions = new Set();
    },
    reset: seed,
  };
}
