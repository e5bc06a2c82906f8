/**
 * @rapport/adapter-hubspot/fake: a stateful fake of HubSpot's CRM API as msw handlers, answering in
 * the shapes recorded from the live API (only requested properties plus `createdate`,
 * `lastmodifieddate` and `hs_object_id`; every value a string or null; 207 with `numErrors` for
 * unknown ids; the recorded 400 for batches over 100; `x-hubspot-ratelimit-*` headers; the Support
 * Pipeline `"0"`; 409 CONFLICT for a taken unique value, or 400 VALIDATION_ERROR with
 * `duplicateUniqueValue`), with fault injection. For tests, demos and
 * the example gateway: `setupServer(...fakeHubSpot().handlers).listen()`.
 *
 * @packageDocumentation
 */
import {getResponse, http, HttpResponse, type HttpHandler, type JsonBodyType} from 'msw';
import {recorded} from './recorded.js';
import {
  contactProperties,
  demoContacts,
  demoEngagements,
  ticketProperties as seeded,
} from './seed.js';

export {demoContacts};

/** A stored object: its record id and properties (all strings, as HubSpot keeps them). */
export interface FakeObject {
  readonly id: string;
  readonly properties: Record<string, string | null>;
  readonly createdAt: string;
  updatedAt: string;
}

/** The kinds of injected failure. */
export const fakeFaultKinds = ['rate_limit', 'server_error', 'server_error_after_write'] as const;
/** One of {@link fakeFaultKinds}. `server_error_after_write` stores a create, then answers 500. */
export type FakeFaultKind = (typeof fakeFaultKinds)[number];

/** Injected failures, on object and association calls (never on the start-up's metadata calls). */
export interface FakeFaults {
  /** Share of calls that fail, 0 to 1. */
  readonly rate: number;
  /** Which failures, drawn evenly. Default all. */
  readonly kinds?: readonly FakeFaultKind[];
  /**
   * The `x-hubspot-ratelimit-interval-milliseconds` of an injected 429 (TEN_SECONDLY_ROLLING).
   * Default 10,000, HubSpot's; tests make it short.
   */
  readonly rateLimitIntervalMs?: number;
  /** Randomness, for reproducible runs. Default `Math.random`. */
  readonly random?: () => number;
  /** Only these endpoints fail (`PATCH /crm/v3/objects/tickets/:id`). Default every faulty one. */
  readonly endpoints?: readonly string[];
}

/** Options of {@link fakeHubSpot}. */
export interface FakeHubSpotOptions {
  /** Where the fake answers. Default `https://api.hubapi.com`. */
  readonly baseUrl?: string;
  /** Contacts to start with, as HubSpot property strings. Default {@link demoContacts}. */
  readonly contacts?: readonly {
    readonly id: string;
    readonly properties: Readonly<Record<string, string | null>>;
  }[];
  /** Failures to inject. Default none. */
  readonly faults?: FakeFaults | null;
  /** Access tokens accepted. Default: any bearer token. */
  readonly accessTokens?: readonly string[];
  /** The OAuth refresh token `POST /oauth/v1/token` accepts; it issues `fake-oauth-<n>` tokens. */
  readonly refreshToken?: string;
  /** Scopes the token lacks: calls on tickets answer 403 MISSING_SCOPES naming them. */
  readonly missingTicketScopes?: readonly string[];
  /**
   * How a create with a unique property's taken value is refused: `conflict`, 409 CONFLICT naming
   * the existing id (the default), or `validation_error`, 400 VALIDATION_ERROR (HubSpot does not
   * promise which; an adapter must not rely on the 409).
   */
  readonly duplicateUniqueValue?: 'conflict' | 'validation_error';
  /** Ticket properties the portal lacks (`rapport_thread`), to test what an adapter does without them. */
  readonly withoutTicketProperties?: readonly string[];
}

/** The fake and its state. */
export interface FakeHubSpot {
  /** msw handlers: pass them to `setupServer` (msw/node) or `setupWorker`. */
  readonly handlers: HttpHandler[];
  /** Where the fake answers (`https://api.hubapi.com` unless `baseUrl` was given), without a trailing `/`. */
  readonly baseUrl: string;
  /**
   * A fetch that answers through the handlers directly, without patching the global fetch: give it
   * to the adapter's `fetch` option (faster than interception, and nothing else is affected).
   */
  readonly fetch: typeof fetch;
  /** Calls answered per endpoint (`POST /crm/v3/objects/tickets`), faults included. */
  readonly calls: Record<string, number>;
  /** Injected failures answered, per kind. */
  readonly faulted: Record<FakeFaultKind, number>;
  /** Tickets stored, by record id. */
  readonly tickets: Map<string, FakeObject>;
  /** Notes stored (seeded and created), by record id. */
  readonly notes: Map<string, FakeObject>;
  /** Record ids of the `toType` objects associated with a record (`'tickets', id, 'notes'`). */
  associated(fromType: string, fromId: string, toType: string): readonly string[];
  /** Contacts, by record id. */
  readonly contacts: Map<string, FakeObject>;
  /** Changes the injected failures (`null` for none). */
  setFaults(faults: FakeFaults | null): void;
  /** Makes every access token issued so far invalid (OAuth tests). */
  expireTokens(): void;
  /** Back to the seeded state: contacts, no tickets, no calls or faults counted. */
  reset(): void;
}

const pipelines = {
  results: [
    {
      id: '0',
      label: 'Support Pipeline',
      displayOrder: 0,
      archived: false,
      createdAt: '1970-01-01T00:00:00Z',
      updatedAt: '1970-01-01T00:00:00Z',
      stages: [
        ['1', 'New', 'OPEN'],
        ['2', 'Waiting on contact', 'OPEN'],
        ['3', 'Waiting on us', 'OPEN'],
        ['4', 'Closed', 'CLOSED'],
      ].map(([id, label, state], displayOrder) => ({
        id,
        label,
        displayOrder,
        metadata: {ticketState: state, isClosed: String(state === 'CLOSED')},
        writePermissions: 'CRM_PERMISSIONS_ENFORCEMENT',
        archived: false,
        createdAt: '1970-01-01T00:00:00Z',
        updatedAt: '1970-01-01T00:00:00Z',
      })),
    },
  ],
};

/** Always-present properties, as HubSpot adds them to every answer. */
const always = ['createdate', 'lastmodifieddate', 'hs_object_id'];
const uuid = (): string => crypto.randomUUID();
const error = (status: number, body: Record<string, unknown>, headers?: HeadersInit) =>
  HttpResponse.json(
    {status: 'error', correlationId: uuid(), ...body},
    {status, ...(headers && {headers})},
  );

/**
 * A stateful fake of HubSpot (see the module's description). Stores tickets with unique
 * `hasUniqueValue` properties, associations from contacts to tickets and engagements and from
 * tickets to notes, seeded engagements, ticket updates and created notes.
 */
export function fakeHubSpot(options: FakeHubSpotOptions = {}): FakeHubSpot {
  const base = (options.baseUrl ?? 'https://api.hubapi.com').replace(/\/+$/, '');
  let faults = options.faults ?? null;
  const ticketProperties = seeded.filter(
    (p) => !(options.withoutTicketProperties ?? []).includes(p.name),
  );
  const calls: Record<string, number> = {};
  const faulted: Record<FakeFaultKind, number> = {
    rate_limit: 0,
    server_error: 0,
    server_error_after_write: 0,
  };
  const contacts = new Map<string, FakeObject>();
  const tickets = new Map<string, FakeObject>();
  const notes = new Map<string, FakeObject>();
  const engagements = new Map<string, Map<string, FakeObject>>();
  /** `type/id` of a record → associated object type → ids. */
  const links = new Map<string, Map<string, string[]>>();
  let sequence = 0;
  let tokens = new Set(options.accessTokens ?? []);
  let issued = 0;
  let remaining = 110;

  const link = (fromType: string, fromId: string, toType: string, toId: string) => {
    const byType = links.get(`${fromType}/${fromId}`) ?? new Map<string, string[]>();
    byType.set(toType, [...(byType.get(toType) ?? []), toId]);
    links.set(`${fromType}/${fromId}`, byType);
  };
  const associated = (fromType: string, fromId: string, toType: string) =>
    links.get(`${fromType}/${fromId}`)?.get(toType) ?? [];
  const stamp = (iso: string, id: string, properties: Record<string, string | null>) => ({
    id,
    properties: {createdate: iso, lastmodifieddate: iso, hs_object_id: id, ...properties},
    createdAt: iso,
    updatedAt: iso,
  });
  const seed = () => {
    contacts.clear();
    tickets.clear();
    notes.clear();
    engagements.clear();
    engagements.set('notes', notes);
    links.clear();
    sequence = 1000;
    for (const contact of options.contacts ?? demoContacts)
      contacts.set(
        contact.id,
        stamp(contact.properties.createdate ?? '2025-01-15T09:30:00.000Z', contact.id, {
          ...contact.properties,
        }),
      );
    for (const e of demoEngagements) {
      if (!contacts.has(e.contactId)) continue;
      const store = engagements.get(e.object) ?? new Map<string, FakeObject>();
      store.set(e.id, stamp(e.properties.hs_timestamp!, e.id, {...e.properties}));
      engagements.set(e.object, store);
      link('contacts', e.contactId, e.object, e.id);
    }
    for (const key of Object.keys(calls)) delete calls[key];
    for (const kind of fakeFaultKinds) faulted[kind] = 0;
  };
  seed();

  const storeOf = (type: string): Map<string, FakeObject> | undefined =>
    type === 'contacts' ? contacts : type === 'tickets' ? tickets : engagements.get(type);
  const definitionsOf = (type: string) =>
    type === 'contacts' ? contactProperties : type === 'tickets' ? ticketProperties : undefined;

  const headers = (): Record<string, string> => {
    remaining = remaining > 1 ? remaining - 1 : 110;
    return {
      'x-hubspot-correlation-id': uuid(),
      'x-hubspot-ratelimit-interval-milliseconds': '10000',
      'x-hubspot-ratelimit-max': '110',
      'x-hubspot-ratelimit-remaining': String(remaining),
      'x-hubspot-ratelimit-secondly': '11',
      'x-hubspot-ratelimit-secondly-remaining': '10',
    };
  };
  const ok = (body: JsonBodyType, status = 200) =>
    HttpResponse.json(body, {status, headers: headers()});

  /** Only the requested properties, plus those HubSpot always sends. */
  const shape = (object: FakeObject, requested: readonly string[]) => {
    const properties: Record<string, string | null> = {};
    for (const name of [...new Set([...always, ...requested])].sort())
      if (name in object.properties || requested.includes(name))
        properties[name] = object.properties[name] ?? null;
    return {
      id: object.id,
      properties,
      createdAt: object.createdAt,
      updatedAt: object.updatedAt,
      archived: false,
    };
  };
  const findBy = (store: Map<string, FakeObject>, id: string, idProperty: string | null) => {
    if (!idProperty || idProperty === 'hs_object_id') return store.get(id);
    for (const object of store.values()) {
      const value = object.properties[idProperty];
      if (
        value != null &&
        (idProperty === 'email' ? value.toLowerCase() === id.toLowerCase() : value === id)
      )
        return object;
    }
    return undefined;
  };

  type Resolver = Parameters<typeof http.get>[1];
  type Info = Parameters<Resolver>[0];
  /** Counts the call, checks the token, injects faults; `work` runs when no fault stops it. */
  const endpoint =
    (name: string, work: (info: Info) => Promise<Response> | Response, faulty = true) =>
    async (info: Info): Promise<Response> => {
      calls[name] = (calls[name] ?? 0) + 1;
      const auth = info.request.headers.get('authorization') ?? '';
      const token = auth.startsWith('Bearer ') ? auth.slice(7) : '';
      if (token === '' || ((options.accessTokens || options.refreshToken) && !tokens.has(token)))
        return error(401, {
          message: 'Authentication credentials not found.',
          category: 'INVALID_AUTHENTICATION',
        });
      if (
        faulty &&
        faults &&
        (!faults.endpoints || faults.endpoints.includes(name)) &&
        (faults.random ?? Math.random)() < faults.rate
      ) {
        const kinds = faults.kinds ?? fakeFaultKinds;
        const kind = kinds[Math.floor((faults.random ?? Math.random)() * kinds.length)]!;
        faulted[kind]++;
        if (kind === 'rate_limit')
          return new HttpResponse(recorded.tenSecondlyRolling, {
            status: 429,
            headers: {
              'content-type': 'application/json;charset=utf-8',
              ...headers(),
              'x-hubspot-ratelimit-interval-milliseconds': String(
                faults.rateLimitIntervalMs ?? 10_000,
              ),
              'x-hubspot-ratelimit-remaining': '0',
            },
          });
        if (kind === 'server_error')
          return error(500, {message: 'internal error', category: 'INTERNAL_ERROR'});
        // The dangerous kind: the write is stored, the answer is lost.
        await work(info);
        return error(500, {message: 'internal error', category: 'INTERNAL_ERROR'});
      }
      return work(info);
    };
  const scopesRefused = () =>
    options.missingTicketScopes && options.missingTicketScopes.length > 0
      ? error(403, {
          message: 'One or more of the following scopes are required.',
          context: {
            requiredGranularScopes: options.missingTicketScopes,
            links: ['https://developers.hubspot.com/scopes'],
          },
          category: 'MISSING_SCOPES',
        })
      : undefined;

  const handlers: HttpHandler[] = [
    http.post(`${base}/oauth/v1/token`, async ({request}) => {
      calls['POST /oauth/v1/token'] = (calls['POST /oauth/v1/token'] ?? 0) + 1;
      const form = new URLSearchParams(await request.text());
      if (
        form.get('grant_type') !== 'refresh_token' ||
        !options.refreshToken ||
        form.get('refresh_token') !== options.refreshToken
      )
        return HttpResponse.json(
          {status: 'BAD_REFRESH_TOKEN', message: 'missing or unknown refresh token'},
          {status: 400},
        );
      const token = `fake-oauth-${++issued}`;
      tokens.add(token);
      return HttpResponse.json({
        token_type: 'bearer',
        refresh_token: options.refreshToken,
        access_token: token,
        expires_in: 1800,
      });
    }),
    http.get(
      `${base}/crm/v3/properties/:objectType`,
      endpoint(
        'GET /crm/v3/properties/:objectType',
        ({params}) => {
          const defs = definitionsOf(String(params.objectType));
          if (!defs)
            return error(400, {
              message: `Unable to infer object type from: ${String(params.objectType)}`,
            });
          return (
            (String(params.objectType) === 'tickets' && scopesRefused()) || ok({results: defs})
          );
        },
        false,
      ),
    ),
    http.get(
      `${base}/crm/v3/pipelines/tickets`,
      endpoint('GET /crm/v3/pipelines/tickets', () => scopesRefused() ?? ok(pipelines), false),
    ),
    http.post(
      `${base}/crm/v3/objects/:objectType/batch/read`,
      endpoint('POST /crm/v3/objects/:objectType/batch/read', async ({request, params}) => {
        const type = String(params.objectType);
        const store = storeOf(type) ?? new Map<string, FakeObject>();
        const body = (await request.json()) as {
          idProperty?: string;
          inputs: {id: string}[];
          properties?: string[];
          propertiesWithHistory?: string[];
        };
        if (body.inputs.length > 100)
          return new HttpResponse(recorded.batchOver100, {
            status: 400,
            headers: {'content-type': 'application/json;charset=utf-8', ...headers()},
          });
        const startedAt = new Date().toISOString();
        const results = [];
        const missing: string[] = [];
        for (const {id} of body.inputs) {
          const object = findBy(store, id, body.idProperty ?? null);
          if (object) results.push(shape(object, body.properties ?? []));
          else missing.push(id);
        }
        const answer = {
          completedAt: new Date().toISOString(),
          status: 'COMPLETE',
          startedAt,
          results,
          ...(missing.length > 0 && {
            errors: [
              {
                status: 'error',
                category: 'OBJECT_NOT_FOUND',
                message: `Could not get some ${type.replace(/s$/, '').toUpperCase()} objects, they may be deleted or not exist. Check that ids are valid.`,
                context: {ids: missing},
              },
            ],
            numErrors: 1,
          }),
        };
        return ok(answer, missing.length > 0 ? 207 : 200);
      }),
    ),
    // The list: objects by record id, `limit` (at most 100) a page; `paging.next.after` is where the
    // next page starts, absent on the last page (the shape of the recorded contacts list).
    http.get(
      `${base}/crm/v3/objects/:objectType`,
      endpoint('GET /crm/v3/objects/:objectType', ({request, params}) => {
        const type = String(params.objectType);
        if (type === 'tickets') {
          const refused = scopesRefused();
          if (refused) return refused;
        }
        const url = new URL(request.url);
        const limit = Number(url.searchParams.get('limit') ?? 10);
        const after = url.searchParams.get('after');
        if (
          !Number.isInteger(limit) ||
          limit < 1 ||
          limit > 100 ||
          (after !== null && !/^\d+$/.test(after))
        )
          return error(400, {
            message: 'Invalid input: limit must be 1 to 100 and after a cursor from paging.next',
            category: 'VALIDATION_ERROR',
          });
        const sorted = [...(storeOf(type) ?? new Map<string, FakeObject>()).values()].sort(
          (a, b) => Number(a.id) - Number(b.id),
        );
        const from = after === null ? sorted : sorted.filter((o) => Number(o.id) >= Number(after));
        const page = from.slice(0, limit);
        const next = from[limit];
        const requested = (url.searchParams.get('properties') ?? '').split(',').filter(Boolean);
        return ok({
          results: page.map((object) => shape(object, requested)),
          ...(next && {
            paging: {
              next: {
                after: next.id,
                link: `${base}/crm/v3/objects/${type}?limit=${limit}&after=${next.id}`,
              },
            },
          }),
        });
      }),
    ),
    http.get(
      `${base}/crm/v3/objects/:objectType/:id`,
      endpoint('GET /crm/v3/objects/:objectType/:id', ({request, params}) => {
        const type = String(params.objectType);
        if (type === 'tickets') {
          const refused = scopesRefused();
          if (refused) return refused;
        }
        const url = new URL(request.url);
        const id = String(params.id);
        const object = findBy(storeOf(type) ?? new Map(), id, url.searchParams.get('idProperty'));
        if (!object)
          return error(404, {
            message: 'Object not found.  objectId are usually numeric.',
            context: {id: [id]},
            category: 'OBJECT_NOT_FOUND',
          });
        const requested = (url.searchParams.get('properties') ?? '').split(',').filter(Boolean);
        return ok(shape(object, requested));
      }),
    ),
    http.post(
      `${base}/crm/v3/objects/tickets`,
      endpoint('POST /crm/v3/objects/tickets', async ({request}) => {
        const refused = scopesRefused();
        if (refused) return refused;
        const body = (await request.json()) as {
          properties: Record<string, string>;
          associations?: {to: {id: string}; types: {associationTypeId: number}[]}[];
        };
        const unknown = Object.keys(body.properties).filter(
          (name) => !ticketProperties.some((p) => p.name === name),
        );
        if (unknown.length > 0)
          return error(400, {
            message: `Property values were not valid: ${JSON.stringify(unknown.map((name) => ({isValid: false, message: `Property "${name}" does not exist`, error: 'PROPERTY_DOESNT_EXIST', name})))}`,
            errors: unknown.map((name) => ({
              message: `Property "${name}" does not exist`,
              code: 'PROPERTY_DOESNT_EXIST',
              context: {propertyName: [name]},
            })),
            category: 'VALIDATION_ERROR',
          });
        for (const def of ticketProperties.filter((p) => p.hasUniqueValue)) {
          const value = body.properties[def.name];
          if (value === undefined || value === '') continue;
          const taken = [...tickets.values()].find((t) => t.properties[def.name] === value);
          if (taken && options.duplicateUniqueValue === 'validation_error')
            return error(400, {
              message: `Property values were not valid: ${JSON.stringify([{isValid: false, message: `${value} already has that value on a ticket`, error: 'INVALID_UNIQUE_VALUE', name: def.name}])}`,
              errors: [
                {
                  message: `${value} already has that value on a ticket`,
                  code: 'INVALID_UNIQUE_VALUE',
                  context: {propertyName: [def.name]},
                },
              ],
              category: 'VALIDATION_ERROR',
            });
          if (taken)
            return error(409, {
              message: `A ticket with ${def.name} ${value} already exists. Existing ID: ${taken.id}`,
              category: 'CONFLICT',
              context: {existingId: [taken.id]},
            });
        }
        for (const association of body.associations ?? [])
          if (!contacts.has(association.to.id))
            return error(400, {
              message: `Contact ${association.to.id} does not exist`,
              category: 'VALIDATION_ERROR',
            });
        const id = String(++sequence);
        const now = new Date().toISOString();
        const ticket: FakeObject = {
          id,
          properties: {
            hs_pipeline: '0',
            hs_pipeline_stage: '1',
            ...body.properties,
            createdate: now,
            hs_lastmodifieddate: now,
            lastmodifieddate: now,
            hs_object_id: id,
            hs_ticket_id: id,
            hs_is_closed: 'false',
            hs_object_source: 'INTEGRATION',
          },
          createdAt: now,
          updatedAt: now,
        };
        tickets.set(id, ticket);
        for (const association of body.associations ?? [])
          link('contacts', association.to.id, 'tickets', id);
        return ok(shape(ticket, Object.keys(ticket.properties)), 201);
      }),
    ),
    // Not recorded here: the shape of HubSpot's tickets guide ("Update tickets",
    // https://developers.hubspot.com/docs/api-reference/latest/crm/objects/tickets/guide) and of the
    // contacts update: the properties given replace theirs, 200 with
    // the object, unknown properties a 400 VALIDATION_ERROR with PROPERTY_DOESNT_EXIST.
    http.patch(
      `${base}/crm/v3/objects/tickets/:id`,
      endpoint('PATCH /crm/v3/objects/tickets/:id', async ({request, params}) => {
        const refused = scopesRefused();
        if (refused) return refused;
        const ticket = tickets.get(String(params.id));
        if (!ticket)
          return error(404, {
            message: 'Object not found.  objectId are usually numeric.',
            context: {id: [String(params.id)]},
            category: 'OBJECT_NOT_FOUND',
          });
        const body = (await request.json()) as {properties: Record<string, string>};
        const invalid = Object.entries(body.properties).flatMap(([name, value]) =>
          !ticketProperties.some((p) => p.name === name)
            ? [{name, message: `Property "${name}" does not exist`, code: 'PROPERTY_DOESNT_EXIST'}]
            : String(value).length > 65_536
              ? [{name, message: `${name} is longer than 65536 characters`, code: 'INVALID_LENGTH'}]
              : [],
        );
        if (invalid.length > 0)
          return error(400, {
            message: `Property values were not valid: ${JSON.stringify(invalid.map((p) => ({isValid: false, message: p.message, error: p.code, name: p.name})))}`,
            errors: invalid.map((p) => ({
              message: p.message,
              code: p.code,
              context: {propertyName: [p.name]},
            })),
            category: 'VALIDATION_ERROR',
          });
        const now = new Date().toISOString();
        Object.assign(ticket.properties, body.properties, {
          hs_lastmodifieddate: now,
          lastmodifieddate: now,
        });
        const stage = pipelines.results[0]!.stages.find(
          (s) => s.id === ticket.properties.hs_pipeline_stage,
        );
        ticket.properties.hs_is_closed = String(stage?.metadata.ticketState === 'CLOSED');
        ticket.updatedAt = now;
        return ok(shape(ticket, Object.keys(ticket.properties)));
      }),
    ),
    // Not recorded: the shape of HubSpot's notes guide ("Create a note",
    // https://developers.hubspot.com/docs/api-reference/crm-notes-v3/guide): hs_timestamp is
    // required; associations name the records the note goes on (228 note → ticket).
    http.post(
      `${base}/crm/v3/objects/notes`,
      endpoint('POST /crm/v3/objects/notes', async ({request}) => {
        const body = (await request.json()) as {
          properties: Record<string, string>;
          associations?: {to: {id: string}; types: {associationTypeId: number}[]}[];
        };
        if (!body.properties?.hs_timestamp)
          return error(400, {
            message:
              'Property values were not valid: [{"isValid":false,"message":"hs_timestamp is required","error":"REQUIRED_FIELD","name":"hs_timestamp"}]',
            category: 'VALIDATION_ERROR',
          });
        for (const association of body.associations ?? [])
          if (
            association.types.some((t) => t.associationTypeId === 228) &&
            !tickets.has(association.to.id)
          )
            return error(400, {
              message: `Ticket ${association.to.id} does not exist`,
              category: 'VALIDATION_ERROR',
            });
        const id = String(++sequence);
        const note = stamp(new Date().toISOString(), id, {
          hs_timestamp: body.properties.hs_timestamp,
          hs_note_body: body.properties.hs_note_body ?? '',
        });
        notes.set(id, note);
        for (const association of body.associations ?? [])
          if (association.types.some((t) => t.associationTypeId === 228))
            link('tickets', association.to.id, 'notes', id);
        return ok(shape(note, Object.keys(note.properties)), 201);
      }),
    ),
    http.get(
      `${base}/crm/v4/objects/:fromType/:id/associations/:toType`,
      endpoint('GET /crm/v4/objects/:fromType/:id/associations/:toType', ({request, params}) => {
        const fromType = String(params.fromType);
        const id = String(params.id);
        if (!storeOf(fromType)?.has(id))
          return error(404, {
            message: `Object not found. objectId=${id}`,
            category: 'OBJECT_NOT_FOUND',
          });
        const url = new URL(request.url);
        const limit = Math.min(500, Number(url.searchParams.get('limit') ?? 500));
        const after = Number(url.searchParams.get('after') ?? 0);
        const all = associated(fromType, id, String(params.toType));
        const slice = all.slice(after, after + limit);
        // Type ids: 15 contact → ticket, 227 ticket → note, and the contact's engagements'.
        const typeId = fromType === 'tickets' ? 227 : 15;
        return ok({
          results: slice.map((toId) => ({
            toObjectId: Number(toId),
            associationTypes: [{category: 'HUBSPOT_DEFINED', typeId, label: null}],
          })),
          ...(after + limit < all.length && {paging: {next: {after: String(after + limit)}}}),
        });
      }),
    ),
  ];

  const fakeFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    init?.signal?.throwIfAborted();
    return (
      (await getResponse(handlers, request)) ??
      error(404, {
        message: `The fake HubSpot has no ${request.method} ${new URL(request.url).pathname}`,
      })
    );
  };

  return {
    handlers,
    baseUrl: base,
    fetch: fakeFetch,
    calls,
    faulted,
    tickets,
    notes,
    contacts,
    associated,
    setFaults(next) {
      faults = next;
    },
    expireTokens() {
      tokens = new Set();
    },
    reset: seed,
  };
}
