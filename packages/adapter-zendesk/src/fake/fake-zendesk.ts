// A stateful fake of the parts of Zendesk Support the adapter uses, as msw handlers. It answers in
// the recorded shapes (./recorded, amp-labs/connectors, MIT): ticket fields, ticket objects, error
// bodies. Where nothing was recorded (users, audits, the 429 text, the idempotency error, ticket
// updates with their comments, metadata and safe_update), the shape follows Zendesk's API reference
// and is marked so below.
import {http, HttpResponse, type HttpHandler} from 'msw';
import {recordedTicketFields} from './recorded-ticket-fields.js';

/** What a fault does to one request. */
export const fakeFaultKinds = ['rate_limit', 'server_error', 'server_error_after_write'] as const;
/** One of {@link fakeFaultKinds}. `server_error_after_write` stores the ticket (or the update), then answers 500. */
export type FakeFaultKind = (typeof fakeFaultKinds)[number];

/** Failures the fake injects. */
export interface FakeFaults {
  /** Share of requests that fail, 0 to 1. */
  readonly rate: number;
  /** Which failures, picked at random. Default all. `server_error_after_write` hits writes only (ticket creates and updates). */
  readonly kinds?: readonly FakeFaultKind[];
  /** `Retry-After` of a 429, in seconds (fractions allowed, for fast tests). Default 1. */
  readonly retryAfterSeconds?: number;
  /** Only requests whose endpoint name (a key of `calls`) is listed fail. Default every endpoint. */
  readonly endpoints?: readonly string[];
  /** Randomness, for reproducible runs. Default `Math.random`. */
  readonly random?: () => number;
}

/** A user to seed. */
export interface FakeUserSeed {
  readonly id: number;
  readonly name: string;
  readonly email: string;
  readonly phone?: string | null;
  readonly locale?: string;
  readonly tags?: readonly string[];
  readonly userFields?: Readonly<Record<string, unknown>>;
}

/** Options of {@link fakeZendesk}. */
export interface FakeZendeskOptions {
  /** Where the fake answers. Default `https://rapport-test.zendesk.com`. */
  readonly baseUrl?: string;
  /** Users to start with. Default three end users, ids 1001 to 1003. */
  readonly users?: readonly FakeUserSeed[];
  /** Ticket fields. Default the recorded ones plus a text field "Order number" (id 26400000000001). */
  readonly ticketFields?: readonly Readonly<Record<string, unknown>>[];
  /** User fields. Default a drop-down "membership" and a date "member_since". */
  readonly userFields?: readonly Readonly<Record<string, unknown>>[];
  readonly faults?: FakeFaults | null;
  /** How long Zendesk remembers an `Idempotency-Key`, in ms. Default two hours. */
  readonly idempotencyWindowMs?: number;
  /** The clock. Default `Date.now`. */
  readonly now?: () => number;
}

/** A ticket as the fake stores it and answers it. */
export type FakeTicket = Record<string, unknown> & {
  readonly id: number;
  external_id: string | null;
  status: string;
  requester_id: number;
  created_at: string;
  updated_at: string;
  tags: string[];
};

/** A user as the fake stores it. */
export type FakeUser = Record<string, unknown> & {readonly id: number; email: string | null};

/** What {@link fakeZendesk} returns. */
export interface FakeZendesk {
  /** Pass to msw's `setupServer(...handlers)`. */
  readonly handlers: HttpHandler[];
  /**
   * A fetch that answers from the fake directly, without patching the global fetch: give it to the
   * adapter's `fetch` option (nothing else in the process is affected).
   */
  readonly fetch: typeof fetch;
  readonly baseUrl: string;
  /** Requests per endpoint, `"POST /api/v2/tickets.json"`, faulted ones included. */
  readonly calls: Record<string, number>;
  /** Faults injected so far, per kind. */
  readonly faulted: Record<FakeFaultKind, number>;
  /** Every stored ticket, oldest first. */
  readonly tickets: readonly FakeTicket[];
  readonly users: readonly FakeUser[];
  /** Changes the injected faults; `null` stops them. */
  setFaults(faults: FakeFaults | null): void;
  /** Forgets every `Idempotency-Key`, as if its window had passed. */
  expireIdempotencyKeys(): void;
  /**
   * Back to the seeded state: the seeded users, no tickets, no audits, no `Idempotency-Key`s, no calls
   * or faults counted. The injected faults stay as they are (`setFaults` changes them).
   */
  reset(): void;
  /** An agent's change to a ticket: a status and/or a comment, recorded as one audit. */
  update(
    ticketId: number,
    change: {
      status?: string;
      comment?: {body: string; public?: boolean; authorId?: number};
    },
  ): void;
  /**
   * The requester's satisfaction rating given in Zendesk (legacy CSAT, not recorded: the shape of
   * the reference, https://developer.zendesk.com/api-reference/ticketing/ticket-management/satisfaction_ratings/):
   * the ticket's `satisfaction_rating` and an audit with a `SatisfactionRating` event.
   */
  rate(ticketId: number, score: 'good' | 'bad', comment?: string): void;
}

/** An agent of the fake account: authors of agent comments. */
export const fakeAgentId = 900;
/** The user the adapter's credentials sign in as: the author of what it writes as staff. */
export const fakeApiUserId = 901;
/** The id of the text ticket field the fake adds to the recorded ones. */
export const fakeOrderNumberFieldId = 26400000000001;

const defaultUsers: readonly FakeUserSeed[] = [
  {
    id: 1001,
    name: 'Mei Chen',
    email: 'mei.chen@example.com',
    phone: '+8613800138000',
    locale: 'zh-cn',
    tags: ['vip'],
    userFields: {membership: 'gold', member_since: '2021-03-04'},
  },
  {
    id: 1002,
    name: 'Ada Lovelace',
    email: 'ada.lovelace@example.com',
    locale: 'en-gb',
    userFields: {membership: 'silver', member_since: null},
  },
  {id: 1003, name: 'Omar Haddad', email: 'omar.haddad@example.com', locale: 'ar'},
];

const defaultUserFields: readonly Record<string, unknown>[] = [
  {
    id: 7001,
    key: 'membership',
    type: 'dropdown',
    title: 'Membership',
    active: true,
    custom_field_options: [
      {id: 1, name: 'Gold', value: 'gold'},
      {id: 2, name: 'Silver', value: 'silver'},
    ],
  },
  {id: 7002, key: 'member_since', type: 'date', title: 'Member since', active: true},
];

// Not recorded: a text field, so the conformance kit has a custom field it can write.
const orderNumberField = {
  url: `https://rapport-test.zendesk.com/api/v2/ticket_fields/${fakeOrderNumberFieldId}.json`,
  id: fakeOrderNumberFieldId,
  type: 'text',
  title: 'Order number',
  raw_title: 'Order number',
  description: 'The order the request is about',
  position: 11,
  active: true,
  required: false,
  regexp_for_validation: null,
  removable: true,
  key: null,
};

// The recorded bodies (./recorded): copied, not rewritten.
const notFoundBody = {error: 'InvalidEndpoint', description: 'Not found'};
const recordNotFound = {error: 'RecordNotFound', description: 'Not found'};
const serverErrorBody = {status: 500, error: 'Internal Server Error'};

/** Zendesk's timestamps have whole seconds. */
const seconds = (ms: number) =>
  new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/**
 * A stateful fake of Zendesk Support for tests, as msw handlers: users, ticket and user fields,
 * tickets (created with `Idempotency-Key` honoured and `x-idempotency-lookup` answered), the tickets a
 * user requested with cursor pagination, audits, and the recorded rate-limit headers. Faults inject
 * 429s with `Retry-After` and a plain-text body, 500s, and 500s after a ticket was stored.
 */
export function fakeZendesk(options: FakeZendeskOptions = {}): FakeZendesk {
  const baseUrl = (options.baseUrl ?? 'https://rapport-test.zendesk.com').replace(/\/+$/, '');
  const now = options.now ?? Date.now;
  const windowMs = options.idempotencyWindowMs ?? 2 * 60 * 60 * 1000;
  let faults = options.faults ?? null;
  const calls: Record<string, number> = {};
  const faulted: Record<FakeFaultKind, number> = {
    rate_limit: 0,
    server_error: 0,
    server_error_after_write: 0,
  };
  const ticketFields = options.ticketFields ?? [...recordedTicketFields, orderNumberField];
  const userFields = options.userFields ?? defaultUserFields;
  const customFieldIds = ticketFields
    .filter((f) => f.removable !== false && typeof f.id === 'number')
    .map((f) => f.id as number);
  const users: FakeUser[] = [];
  const tickets: FakeTicket[] = [];
  const audits = new Map<number, Record<string, unknown>[]>();
  const idempotency = new Map<string, {body: string; ticket: FakeTicket; at: number}>();
  let lastStamp = 0;
  let nextTicketId = 1;
  let nextEventId = 1;
  let nextUserId = 5001;
  let remaining = 400;
  /** The seeded state; the arrays and records handed out stay the same objects. */
  const seed = () => {
    users.length = 0;
    users.push(...(options.users ?? defaultUsers).map((user) => userOf(user, now())));
    tickets.length = 0;
    audits.clear();
    idempotency.clear();
    lastStamp = 0;
    nextTicketId = 1;
    nextEventId = 1;
    nextUserId = 5001;
    remaining = 400;
    for (const key of Object.keys(calls)) delete calls[key];
    for (const kind of fakeFaultKinds) faulted[kind] = 0;
  };

  function userOf(seed: FakeUserSeed, at: number): FakeUser {
    return {
      url: `${baseUrl}/api/v2/users/${seed.id}.json`,
      id: seed.id,
      name: seed.name,
      email: seed.email,
      created_at: seconds(at),
      updated_at: seconds(at),
      time_zone: 'UTC',
      phone: seed.phone ?? null,
      photo: null,
      locale: seed.locale ?? 'en-US',
      role: 'end-user',
      active: true,
      verified: true,
      tags: [...(seed.tags ?? [])],
      user_fields: Object.fromEntries(
        userFields.map((f) => [f.key as string, seed.userFields?.[f.key as string] ?? null]),
      ),
    };
  }
  // Each new record a second after the last: Zendesk's second-precision timestamps would otherwise
  // tie for records made in the same second, and lists are ordered by them.
  const stamp = () => (lastStamp = Math.max(now(), lastStamp + 1000));
  seed();

  const rateHeaders = (extra: Record<string, string> = {}) => {
    remaining = remaining > 1 ? remaining - 1 : 400;
    // The recorded header names (VENDOR-APIS.md §3).
    return {
      'x-rate-limit': '400',
      'ratelimit-limit': '400',
      'x-rate-limit-remaining': String(remaining),
      'ratelimit-remaining': String(remaining),
      'ratelimit-reset': '46',
      ...extra,
    };
  };
  const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
    HttpResponse.json(body as Record<string, unknown>, {status, headers: rateHeaders(headers)});
  const invalid = (details: Record<string, {description: string; error: string}[]>) =>
    json({error: 'RecordInvalid', description: 'Record validation errors', details}, 422);

  const pickFault = (endpoint: string): FakeFaultKind | null => {
    if (!faults || faults.rate <= 0) return null;
    if (faults.endpoints && !faults.endpoints.includes(endpoint)) return null;
    const random = faults.random ?? Math.random;
    if (random() >= faults.rate) return null;
    const kinds = (faults.kinds ?? fakeFaultKinds).filter(
      (k) =>
        k !== 'server_error_after_write' ||
        endpoint === 'POST /api/v2/tickets.json' ||
        endpoint === 'PUT /api/v2/tickets/{id}.json',
    );
    return kinds.length === 0 ? null : kinds[Math.floor(random() * kinds.length)]!;
  };

  const cursorPage = <T extends {id: number}>(
    items: readonly T[],
    url: URL,
    name: string,
  ): Response => {
    const size = Number(url.searchParams.get('page[size]') ?? 100);
    if (!Number.isInteger(size) || size < 1 || size > 100)
      return json(
        {error: 'InvalidPaginationParameter', description: 'page[size] must be 1 to 100'},
        400,
      );
    const sort = url.searchParams.get('sort') ?? 'id';
    const sorted = [...items].sort((a, b) => (sort === '-id' ? b.id - a.id : a.id - b.id));
    const after = url.searchParams.get('page[after]');
    let start = 0;
    if (after !== null) {
      let id = NaN;
      try {
        id = Number(atob(after));
      } catch {
        // not base64: refused below, as Zendesk refuses a cursor it did not give out
      }
      if (!Number.isSafeInteger(id))
        return json(
          {error: 'InvalidPaginationParameter', description: 'page[after] is invalid'},
          400,
        );
      start = sorted.findIndex((item) => (sort === '-id' ? item.id < id : item.id > id));
      if (start < 0) start = sorted.length;
    }
    const page = sorted.slice(start, start + size);
    const hasMore = start + size < sorted.length;
    const cursor = (item: T | undefined) => (item ? btoa(String(item.id)) : null);
    const link = (param: string, value: string | null) => {
      if (value === null) return null;
      const next = new URL(url);
      next.searchParams.set(param, value);
      return next.toString();
    };
    const afterCursor = cursor(page[page.length - 1]);
    const beforeCursor = cursor(page[0]);
    return json({
      [name]: page,
      meta: {has_more: hasMore, after_cursor: afterCursor, before_cursor: beforeCursor},
      links: {
        next: hasMore ? link('page[after]', afterCursor) : null,
        prev: start > 0 ? link('page[before]', beforeCursor) : null,
      },
    });
  };

  const addAudit = (
    ticket: FakeTicket,
    authorId: number,
    events: Record<string, unknown>[],
    custom: Record<string, unknown> = {},
  ): Record<string, unknown> => {
    const id = nextEventId++;
    const list = audits.get(ticket.id) ?? [];
    const audit = {
      id,
      ticket_id: ticket.id,
      created_at: ticket.updated_at,
      author_id: authorId,
      metadata: {system: {}, custom},
      via: {channel: 'api', source: {from: {}, to: {}, rel: null}},
      events: events.map((event) => ({id: nextEventId++, ...event})),
    };
    list.push(audit);
    audits.set(ticket.id, list);
    return audit;
  };

  /**
   * `PUT /api/v2/tickets/{id}.json`: a comment, a status, tags added, the audit's custom metadata,
   * and `safe_update` (not recorded: the shapes follow the reference, Tickets → Update Ticket and
   * "Protecting against ticket update collisions",
   * https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#update-ticket).
   */
  const updateTicket = (
    ticket: FakeTicket,
    body: Record<string, unknown>,
  ): {audit: Record<string, unknown>} | Response => {
    const input = (body.ticket ?? {}) as Record<string, unknown>;
    if (input.safe_update === true && input.updated_stamp !== ticket.updated_at)
      return json(
        {
          error: 'UpdateConflict',
          description:
            'Safe Update prevented the update due to outdated ticket data. Please fetch the latest ticket data and try again.',
        },
        409,
      );
    if (ticket.status === 'closed')
      return invalid({
        status: [{description: 'Status: closed prevents ticket update', error: 'InvalidValue'}],
      });
    const comment = input.comment as {body?: unknown; public?: unknown; author_id?: unknown};
    if (comment !== undefined && (typeof comment.body !== 'string' || comment.body.trim() === ''))
      return invalid({comment: [{description: 'Comment: cannot be blank', error: 'BlankValue'}]});
    const status = input.status;
    if (
      status !== undefined &&
      !['new', 'open', 'pending', 'hold', 'solved', 'closed'].includes(String(status))
    )
      return invalid({status: [{description: 'Status: is invalid', error: 'InvalidValue'}]});
    let authorId = fakeApiUserId;
    if (comment?.author_id !== undefined) {
      if (!users.some((u) => u.id === comment.author_id))
        return invalid({
          'comment.author_id': [{description: 'Author: is invalid', error: 'InvalidValue'}],
        });
      authorId = comment.author_id as number;
    }
    ticket.updated_at = seconds(stamp());
    const events: Record<string, unknown>[] = [];
    if (comment !== undefined)
      events.push({
        type: 'Comment',
        author_id: authorId,
        body: comment.body,
        html_body: `<p>${String(comment.body)}</p>`,
        plain_body: comment.body,
        public: comment.public !== false,
        attachments: [],
      });
    if (status !== undefined && status !== ticket.status) {
      events.push({
        type: 'Change',
        field_name: 'status',
        value: status,
        previous_value: ticket.status,
      });
      ticket.status = String(status);
    }
    const added = ((input.additional_tags ?? []) as string[]).map((t) => t.toLowerCase());
    const tags = [...new Set([...ticket.tags, ...added])];
    if (tags.length !== ticket.tags.length) {
      events.push({type: 'Change', field_name: 'tags', value: tags, previous_value: ticket.tags});
      ticket.tags = tags;
    }
    const custom = (input.metadata ?? {}) as Record<string, unknown>;
    return {audit: addAudit(ticket, authorId, events, custom)};
  };

  const createTicket = (body: Record<string, unknown>): FakeTicket | Response => {
    const input = (body.ticket ?? {}) as Record<string, unknown>;
    const comment = (input.comment ?? {}) as {body?: unknown; public?: unknown};
    if (typeof comment.body !== 'string' || comment.body.trim() === '')
      return invalid({
        description: [{description: 'Description: cannot be blank', error: 'BlankValue'}],
      });
    let requesterId: number;
    if (input.requester_id !== undefined) {
      const user = users.find((u) => u.id === input.requester_id);
      if (!user)
        return invalid({
          requester: [{description: 'Requester: is invalid', error: 'InvalidValue'}],
        });
      requesterId = user.id;
    } else {
      const requester = (input.requester ?? {}) as {name?: unknown; email?: unknown};
      if (
        typeof requester.email !== 'string' ||
        !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(requester.email)
      )
        return invalid({
          'requester.email': [
            {description: 'Email is not properly formatted', error: 'InvalidFormat'},
          ],
        });
      // Zendesk finds the end user with that e-mail, or creates one.
      let user = users.find(
        (u) => u.email?.toLowerCase() === String(requester.email).toLowerCase(),
      );
      if (!user) {
        const at = stamp();
        user = userOf(
          {
            id: nextUserId++,
            name: String(requester.name ?? requester.email),
            email: requester.email,
          },
          at,
        );
        users.push(user);
      }
      requesterId = user.id;
    }
    const given = new Map(
      ((input.custom_fields ?? []) as {id: number; value: unknown}[]).map((f) => [f.id, f.value]),
    );
    const customFields = customFieldIds.map((id) => ({id, value: given.get(id) ?? null}));
    const at = seconds(stamp());
    const id = nextTicketId++;
    const subject = typeof input.subject === 'string' ? input.subject : comment.body.slice(0, 50);
    const priority = typeof input.priority === 'string' ? input.priority : null;
    const ticket: FakeTicket = {
      url: `${baseUrl}/api/v2/tickets/${id}.json`,
      id,
      external_id: typeof input.external_id === 'string' ? input.external_id : null,
      via: {channel: 'api', source: {from: {}, to: {}, rel: null}},
      created_at: at,
      updated_at: at,
      generated_timestamp: Math.floor(Date.parse(at) / 1000),
      type: typeof input.type === 'string' ? input.type : null,
      subject,
      raw_subject: subject,
      description: comment.body,
      priority,
      // Zendesk makes an unassigned ticket "new".
      status: 'new',
      recipient: null,
      requester_id: requesterId,
      submitter_id: requesterId,
      assignee_id: null,
      organization_id: null,
      group_id: null,
      collaborator_ids: [],
      follower_ids: [],
      email_cc_ids: [],
      forum_topic_id: null,
      problem_id: null,
      has_incidents: false,
      is_public: comment.public !== false,
      due_at: null,
      tags: [...new Set(((input.tags ?? []) as string[]).map((t) => t.toLowerCase()))],
      custom_fields: customFields,
      satisfaction_rating: null,
      sharing_agreement_ids: [],
      custom_status_id: 26363643424147,
      encoded_id: `FAKE-${id}`,
      fields: customFields,
      followup_ids: [],
      ticket_form_id: 26363596576915,
      brand_id: 26363596759827,
      allow_channelback: false,
      allow_attachments: true,
      from_messaging_channel: false,
    };
    tickets.push(ticket);
    addAudit(ticket, requesterId, [
      {
        type: 'Comment',
        author_id: requesterId,
        body: comment.body,
        html_body: `<p>${comment.body}</p>`,
        plain_body: comment.body,
        public: comment.public !== false,
        attachments: [],
      },
      {type: 'Create', field_name: 'subject', value: subject},
      {type: 'Create', field_name: 'status', value: 'new'},
      {type: 'Create', field_name: 'priority', value: priority},
    ]);
    return ticket;
  };

  const created = (ticket: FakeTicket, lookup: 'hit' | 'miss' | null) =>
    json(
      {
        ticket,
        audit: audits.get(ticket.id)?.[0] ?? null,
      },
      201,
      {
        location: String(ticket.url),
        'zendesk-ratelimit-ticket-request-create-by-user-and-ip':
          'total=300; remaining=299; resets=47',
        ...(lookup && {'x-idempotency-lookup': lookup}),
      },
    );

  const route = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const path = url.pathname;
    const method = request.method;
    const endpoint = `${method} ${path.replace(/\/\d+(?=\/|\.json)/g, '/{id}')}`;
    calls[endpoint] = (calls[endpoint] ?? 0) + 1;
    if (!request.headers.get('authorization'))
      return json({error: "Couldn't authenticate you"}, 401);

    const fault = pickFault(endpoint);
    if (fault) faulted[fault]++;
    if (fault === 'rate_limit')
      // Not recorded: Zendesk's 429 may come as plain text; only the header is promised.
      return new HttpResponse('Too Many Requests', {
        status: 429,
        headers: rateHeaders({
          'content-type': 'text/plain; charset=utf-8',
          'retry-after': String(faults?.retryAfterSeconds ?? 1),
          'x-rate-limit-remaining': '0',
        }),
      });
    if (fault === 'server_error') return json(serverErrorBody, 500);

    let match: RegExpExecArray | null;
    if (method === 'GET' && path === '/api/v2/ticket_fields.json')
      return json({
        ticket_fields: ticketFields,
        next_page: null,
        previous_page: null,
        count: ticketFields.length,
      });
    if (method === 'GET' && path === '/api/v2/user_fields.json')
      return json({
        user_fields: userFields,
        next_page: null,
        previous_page: null,
        count: userFields.length,
      });
    if (method === 'GET' && path === '/api/v2/users/show_many.json') {
      const ids = (url.searchParams.get('ids') ?? '').split(',').filter(Boolean);
      if (ids.length === 0)
        return json({error: 'ParameterMissing', description: 'Parameter ids is required'}, 400);
      // Not recorded: the limit is documented (100 ids); the body follows the recorded 400s.
      if (ids.length > 100)
        return json({error: 'InvalidValue', description: 'Too many ids (max 100)'}, 400);
      const found = users.filter((u) => ids.includes(String(u.id)));
      return json({users: found, next_page: null, previous_page: null, count: found.length});
    }
    if (method === 'GET' && path === '/api/v2/users/search.json') {
      const query = url.searchParams.get('query') ?? '';
      const email = /^email:(.+)$/.exec(query)?.[1]?.replace(/^"|"$/g, '').toLowerCase();
      const found = email ? users.filter((u) => u.email?.toLowerCase() === email) : [];
      return json({users: found, next_page: null, previous_page: null, count: found.length});
    }
    if (method === 'GET' && (match = /^\/api\/v2\/users\/(\d+)\.json$/.exec(path))) {
      const user = users.find((u) => u.id === Number(match![1]));
      return user ? json({user}) : json(recordNotFound, 404);
    }
    if (
      method === 'GET' &&
      (match = /^\/api\/v2\/users\/(\d+)\/tickets\/requested\.json$/.exec(path))
    ) {
      const id = Number(match[1]);
      if (!users.some((u) => u.id === id)) return json(recordNotFound, 404);
      return cursorPage(
        tickets.filter((t) => t.requester_id === id),
        url,
        'tickets',
      );
    }
    if (method === 'GET' && (match = /^\/api\/v2\/tickets\/(\d+)\/audits\.json$/.exec(path))) {
      const id = Number(match[1]);
      if (!tickets.some((t) => t.id === id)) return json(recordNotFound, 404);
      return cursorPage((audits.get(id) ?? []) as {id: number}[], url, 'audits');
    }
    if ((match = /^\/api\/v2\/tickets\/(\d+)\.json$/.exec(path))) {
      const ticket = tickets.find((t) => t.id === Number(match![1]));
      if (!ticket) return json(recordNotFound, 404);
      if (method === 'GET') return json({ticket});
      if (method === 'PUT') {
        let body: Record<string, unknown>;
        try {
          body = JSON.parse(await request.text()) as Record<string, unknown>;
        } catch {
          return json({error: 'InvalidJSON', description: 'The request body is not JSON'}, 400);
        }
        const updated = updateTicket(ticket, body);
        if (updated instanceof Response) return updated;
        // The dangerous kind: the comment is stored, the caller hears it failed.
        if (fault === 'server_error_after_write') return json(serverErrorBody, 500);
        return json({ticket, audit: updated.audit});
      }
    }
    if (method === 'GET' && path === '/api/v2/tickets.json') {
      // Cursor pagination when page[size] is given (every ticket of the account), offset otherwise.
      if (url.searchParams.has('page[size]')) return cursorPage(tickets, url, 'tickets');
      const externalId = url.searchParams.get('external_id');
      const found =
        externalId === null ? tickets : tickets.filter((t) => t.external_id === externalId);
      return json({tickets: found, next_page: null, previous_page: null, count: found.length});
    }
    if (method === 'POST' && path === '/api/v2/tickets.json') {
      const text = await request.text();
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(text) as Record<string, unknown>;
      } catch {
        return json({error: 'InvalidJSON', description: 'The request body is not JSON'}, 400);
      }
      const key = request.headers.get('idempotency-key');
      if (key !== null) {
        const seen = idempotency.get(key);
        if (seen && now() - seen.at < windowMs) {
          // Not recorded: the reference documents an error for a key reused with another body.
          if (seen.body !== text)
            return json(
              {
                error: 'IdempotentRequestError',
                description: 'The idempotency key was used with another request',
              },
              400,
            );
          return created(seen.ticket, 'hit');
        }
      }
      const ticket = createTicket(body);
      if (ticket instanceof Response) return ticket;
      if (key !== null) idempotency.set(key, {body: text, ticket, at: now()});
      // The dangerous kind: the ticket exists, the caller hears it failed.
      if (fault === 'server_error_after_write') return json(serverErrorBody, 500);
      return created(ticket, key === null ? null : 'miss');
    }
    return json(notFoundBody, 404);
  };

  return {
    handlers: [http.all(`${baseUrl}/api/v2/*`, ({request}) => route(request))],
    fetch: async (input, init) => {
      init?.signal?.throwIfAborted();
      return route(new Request(input, init));
    },
    baseUrl,
    calls,
    faulted,
    tickets,
    users,
    setFaults(next) {
      faults = next;
    },
    expireIdempotencyKeys() {
      idempotency.clear();
    },
    reset: seed,
    update(ticketId, change) {
      const ticket = tickets.find((t) => t.id === ticketId);
      if (!ticket) throw new Error(`fakeZendesk.update: no ticket ${ticketId}`);
      ticket.updated_at = seconds(stamp());
      const events: Record<string, unknown>[] = [];
      if (change.comment) {
        const author = change.comment.authorId ?? fakeAgentId;
        events.push({
          type: 'Comment',
          author_id: author,
          body: change.comment.body,
          plain_body: change.comment.body,
          public: change.comment.public !== false,
          attachments: [],
        });
      }
      if (change.status !== undefined && change.status !== ticket.status) {
        events.push({
          type: 'Change',
          field_name: 'status',
          value: change.status,
          previous_value: ticket.status,
        });
        ticket.status = change.status;
      }
      addAudit(ticket, change.comment?.authorId ?? fakeAgentId, events);
    },
    rate(ticketId, score, comment) {
      const ticket = tickets.find((t) => t.id === ticketId);
      if (!ticket) throw new Error(`fakeZendesk.rate: no ticket ${ticketId}`);
      ticket.updated_at = seconds(stamp());
      const id = nextEventId++;
      ticket.satisfaction_rating = {id, score, comment: comment ?? null};
      addAudit(ticket, ticket.requester_id, [
        {type: 'SatisfactionRating', score, body: comment ?? '', assignee_id: null},
      ]);
    },
  };
}
