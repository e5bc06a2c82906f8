import assert from 'node:assert/strict';
import {after, before, beforeEach, describe, it} from 'node:test';
import {http} from 'msw';
import {setupServer} from 'msw/node';
import {runPingConformance} from '@rapport/adapter-testkit';
import {
  computeReport,
  isRapportError,
  servedReports,
  type Complaint,
  type CrmAdapter,
  type Page,
} from '@rapport/core';
import {zendeskAdapter, type ZendeskAdapterOptions} from '@rapport/adapter-zendesk';
import {
  fakeAgentId,
  fakeOrderNumberFieldId,
  fakeZendesk,
  type FakeZendesk,
} from '@rapport/adapter-zendesk/fake';

const server = setupServer();
before(() => server.listen({onUnhandledRequest: 'error'}));
after(() => server.close());

/** The recorded account's "Topic" drop-down (issue, inquiry, other). */
const topicFieldId = 26363685850259;
const credentials = {email: 'agent@example.com', apiToken: 'token'};
let fake: FakeZendesk;
beforeEach(() => {
  fake = fakeZendesk();
  server.resetHandlers(...fake.handlers);
});
const start = (options: Partial<ZendeskAdapterOptions> = {}): Promise<CrmAdapter> =>
  zendeskAdapter({baseUrl: fake.baseUrl, credentials, ...options});
const complaint = {
  customerId: '1001',
  channel: 'email',
  category: 'delivery',
  severity: 'critical',
  subject: 'Parcel late',
  description: '  Ordered two weeks ago.  ',
} as const;

/** Asserts the call rejects with invalid_input naming `option`. */
async function refuses(run: () => Promise<unknown>, option: string, message: RegExp) {
  let error: unknown;
  try {
    await run();
  } catch (e) {
    error = e;
  }
  assert.ok(isRapportError(error, 'invalid_input'), `invalid_input, got ${String(error)}`);
  assert.equal(error.details.option, option);
  assert.match(error.message, message);
}

describe('zendeskAdapter: configuration', () => {
  it('rejects missing credentials, never throwing synchronously, before any call', async () => {
    const calls = () => Object.values(fake.calls).reduce((a, b) => a + b, 0);
    const bad = [
      [
        {subdomain: 'acme'},
        /^zendeskAdapter: option credentials: is required: \{email, apiToken\} \(Admin Center → Apps and integrations → APIs → API tokens\) or \{oauthToken\}/,
      ],
      [
        {subdomain: 'acme', credentials: {email: 'a@b.c', apiToken: ''}},
        /^zendeskAdapter: option credentials\.apiToken: is required/,
      ],
      [
        {subdomain: 'acme', credentials: {email: 'nobody', apiToken: 't'}},
        /^zendeskAdapter: option credentials\.email: is required with an API token/,
      ],
      [{credentials}, /^zendeskAdapter: option subdomain: is required/],
      [undefined, /^zendeskAdapter: option options: must be an object/],
    ] as const;
    for (const [options, message] of bad) {
      let promise: Promise<CrmAdapter> | undefined;
      assert.doesNotThrow(() => {
        promise = zendeskAdapter(options as unknown as ZendeskAdapterOptions);
      }, 'no synchronous throw');
      assert.ok(promise instanceof Promise);
      // `.catch()` sees it as well as `await`.
      const caught = await promise.catch((error: unknown) => error);
      assert.ok(isRapportError(caught, 'invalid_input'), `invalid_input, got ${String(caught)}`);
      assert.match(caught.message, message);
      await assert.rejects(
        zendeskAdapter(options as unknown as ZendeskAdapterOptions),
        (e: unknown) => isRapportError(e, 'invalid_input') && message.test(e.message),
      );
    }
    assert.equal(calls(), 0);
  });

  it('names the option of each setting that is wrong on its face', async () => {
    await refuses(
      () => zendeskAdapter({credentials}),
      'subdomain',
      /^zendeskAdapter: option subdomain: is required/,
    );
    await refuses(
      () => zendeskAdapter({subdomain: 'acme.zendesk.com', credentials}),
      'subdomain',
      /is not a subdomain: give only "acme"/,
    );
    await refuses(
      () => zendeskAdapter({baseUrl: 'http://acme.example', credentials}),
      'baseUrl',
      /must be an https:\/\/ URL/,
    );
    await refuses(
      () => start({severities: {medium: 'high'}}),
      'severities.medium',
      /gives priority "high", which severities\.high already has|already has/,
    );
    await refuses(
      () => start({severities: {low: 'lowest' as never}}),
      'severities.low',
      /must be a Zendesk priority \(low, normal, high, urgent\)/,
    );
    await refuses(
      () => start({statuses: {open: 'working' as never}}),
      'statuses.open',
      /must be a Rapport complaint status/,
    );
    await refuses(
      () => start({customFields: {'order number': 1}}),
      'customFields.order number',
      /is not a custom field key/,
    );
    await refuses(() => start({interactionTickets: 0}), 'interactionTickets', /1 to 100/);
    await refuses(() => start({now: 12 as never}), 'now', /must be a function/);
  });

  it('checks mapped ticket fields against the account at start-up', async () => {
    await refuses(
      () => start({customFields: {orderNumber: 123}}),
      'customFields.orderNumber',
      /names ticket field 123, which is not a ticket field in https:\/\/rapport-test\.zendesk\.com; use the id of an active custom field/,
    );
    await refuses(
      () => start({customFields: {subject: 26363596559123}}),
      'customFields.subject',
      /names the system field "Subject"/,
    );
    await refuses(() => start({categoryField: 999}), 'categoryField', /is not a ticket field/);
    await refuses(
      () => start({categoryField: 26363596563731}),
      'categoryField',
      /of type status; a category needs a drop-down \(tagger\) or text field/,
    );
  });

  it('says the credentials were refused, and which option, on a 401 at start-up', async () => {
    server.use(
      http.get(`${fake.baseUrl}/api/v2/ticket_fields.json`, () =>
        Response.json({error: "Couldn't authenticate you"}, {status: 401}),
      ),
    );
    await assert.rejects(start(), (error: unknown) => {
      assert.ok(isRapportError(error, 'unauthorized'));
      assert.equal(error.details.option, 'credentials');
      assert.match(error.message, /refused option credentials/);
      return true;
    });
  });

  it('sends Basic email/token:apitoken, or Bearer for OAuth, and refreshes an OAuth token once on 401', async () => {
    const seen: string[] = [];
    server.use(
      http.all(`${fake.baseUrl}/*`, ({request}) => {
        seen.push(request.headers.get('authorization')!);
        return undefined;
      }),
    );
    await start();
    assert.equal(seen[0], `Basic ${btoa('agent@example.com/token:token')}`);
    let refreshed = 0;
    let first = true;
    server.use(
      http.get(`${fake.baseUrl}/api/v2/ticket_fields.json`, ({request}) => {
        if (first && request.headers.get('authorization') === 'Bearer old') {
          first = false;
          return Response.json({error: "Couldn't authenticate you"}, {status: 401});
        }
        return undefined;
      }),
    );
    await start({
      credentials: {oauthToken: ({refresh}) => (refresh ? (refreshed++, 'new') : 'old')},
    });
    assert.equal(refreshed, 1);
    assert.ok(seen.includes('Bearer new'));
  });
});

describe('zendeskAdapter: ping', () => {
  runPingConformance({name: 'zendesk', start: ({fetch, now}) => start({fetch, now})});
});

describe('zendeskAdapter: customers', () => {
  it('reads users with show_many, user fields as custom fields, unknown ids as null', async () => {
    const adapter = await start();
    const entries = await adapter.resources.customers!.read(['1001', '999', 'not-a-number']);
    assert.deepEqual(
      entries.map((e) => [e.id, e.record?.displayName ?? null]),
      [
        ['1001', 'Mei Chen'],
        ['999', null],
        ['not-a-number', null],
      ],
    );
    const mei = entries[0]!.record!;
    assert.deepEqual(
      [mei.email, mei.phone, mei.locale, mei.tags, mei.customFields],
      [
        'mei.chen@example.com',
        '+8613800138000',
        'zh-cn',
        ['vip'],
        {membership: 'gold', member_since: '2021-03-04'},
      ],
    );
    assert.equal(fake.calls['GET /api/v2/users/show_many.json'], 1, 'one call for the batch');
  });

  it('never sends more than 100 ids, and sends none for a batch without user ids', async () => {
    const adapter = await start();
    const ids = Array.from({length: 100}, (_, i) => String(2000 + i));
    assert.equal((await adapter.resources.customers!.read(ids)).length, 100);
    await assert.rejects(adapter.resources.customers!.read([...ids, '1']), /at most 100/);
    await adapter.resources.customers!.read(['x', 'y']);
    assert.equal(fake.calls['GET /api/v2/users/show_many.json'], 1);
  });
});

describe('zendeskAdapter: complaints', () => {
  it('creates a ticket with requester, first comment, priority, type, tags and custom fields', async () => {
    const adapter = await start({
      categoryField: topicFieldId,
      customFields: {orderNumber: fakeOrderNumberFieldId},
    });
    const created = await adapter.resources.complaints!.create(
      {...complaint, category: 'issue', customFields: {orderNumber: 'SO-1'}},
      {idempotencyKey: 'k-1'},
    );
    const ticket = fake.tickets[0]!;
    assert.deepEqual(
      [ticket.requester_id, ticket.description, ticket.priority, ticket.type, ticket.external_id],
      [1001, 'Ordered two weeks ago.', 'urgent', 'problem', 'rapport:k-1'],
    );
    assert.ok(ticket.tags.includes('rapport_channel_email'));
    const values = ticket.custom_fields as {id: number; value: unknown}[];
    assert.equal(values.find((f) => f.id === fakeOrderNumberFieldId)?.value, 'SO-1');
    assert.equal(values.find((f) => f.id === topicFieldId)?.value, 'issue');
    assert.deepEqual(
      [created.id, created.reference, created.status, created.severity, created.channel],
      [String(ticket.id), `ZD-${ticket.id}`, 'new', 'critical', 'email'],
    );
    assert.deepEqual([created.category, created.customFields], ['issue', {orderNumber: 'SO-1'}]);
    assert.equal(
      Date.parse(created.responseDueAt) - Date.parse(created.createdAt),
      3_600_000,
      'critical: a first response within the hour (core defaultSlaPolicy)',
    );
  });

  it("refuses a category the category field does not offer, naming the field's options", async () => {
    const adapter = await start({categoryField: topicFieldId});
    await assert.rejects(
      adapter.resources.complaints!.create(complaint, {idempotencyKey: 'k'}),
      (error: unknown) =>
        isRapportError(error, 'invalid_input') &&
        error.fields.category === 'must be one of issue, inquiry, other',
    );
    assert.equal(fake.tickets.length, 0);
  });

  it('sends Idempotency-Key, and a retry after its window finds the first ticket by external_id', async () => {
    const adapter = await start();
    const keys: (string | null)[] = [];
    server.use(
      http.post(`${fake.baseUrl}/api/v2/tickets.json`, ({request}) => {
        keys.push(request.headers.get('idempotency-key'));
        return undefined;
      }),
    );
    const first = await adapter.resources.complaints!.create(complaint, {idempotencyKey: 'k-9'});
    fake.expireIdempotencyKeys();
    const again = await adapter.resources.complaints!.create(complaint, {idempotencyKey: 'k-9'});
    assert.equal(again.id, first.id);
    assert.deepEqual(keys, ['k-9'], 'the retry found the ticket without posting');
    assert.equal(fake.tickets.length, 1);
    await assert.rejects(
      adapter.resources.complaints!.create(
        {...complaint, subject: 'Another'},
        {idempotencyKey: 'k-9'},
      ),
      (error: unknown) =>
        isRapportError(error, 'conflict') && /was used for another complaint/.test(error.message),
    );
  });

  it('two attempts racing with one key make one ticket: Zendesk answers the second from its Idempotency-Key', async () => {
    const adapter = await start();
    const lookups: string[] = [];
    // Both look-ups are answered only once both have arrived, so neither sees the other's ticket.
    let arrived = 0;
    let release!: () => void;
    const bothArrived = new Promise<void>((resolve) => (release = resolve));
    server.use(
      http.get(`${fake.baseUrl}/api/v2/tickets.json`, async () => {
        if (++arrived === 2) release();
        await bothArrived;
        return undefined;
      }),
      http.post(`${fake.baseUrl}/api/v2/tickets.json`, () => {
        lookups.push('post');
        return undefined;
      }),
    );
    const [a, b] = await Promise.all([
      adapter.resources.complaints!.create(complaint, {idempotencyKey: 'race'}),
      adapter.resources.complaints!.create(complaint, {idempotencyKey: 'race'}),
    ]);
    assert.deepEqual(lookups, ['post', 'post'], 'both found nothing and posted');
    assert.equal(a.id, b.id);
    assert.equal(fake.tickets.length, 1);
  });

  it('two submissions racing with one key and different input: one ticket, the other a conflict', async () => {
    const adapter = await start();
    let arrived = 0;
    let release!: () => void;
    const bothArrived = new Promise<void>((resolve) => (release = resolve));
    let posts = 0;
    server.use(
      http.get(`${fake.baseUrl}/api/v2/tickets.json`, async () => {
        if (++arrived === 2) release();
        await bothArrived;
        return undefined;
      }),
      http.post(`${fake.baseUrl}/api/v2/tickets.json`, () => {
        posts++;
        return undefined;
      }),
    );
    const results = await Promise.allSettled([
      adapter.resources.complaints!.create(complaint, {idempotencyKey: 'race-2'}),
      adapter.resources.complaints!.create(
        {...complaint, subject: 'Another parcel'},
        {idempotencyKey: 'race-2'},
      ),
    ]);
    assert.equal(posts, 2, 'both found nothing and posted');
    assert.equal(fake.tickets.length, 1);
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r) => r.status === 'rejected');
    assert.equal(fulfilled.length, 1);
    assert.equal(fulfilled[0]!.value.id, String(fake.tickets[0]!.id));
    assert.equal(rejected.length, 1);
    const error: unknown = rejected[0]!.reason;
    assert.ok(isRapportError(error, 'conflict'), `conflict, got ${String(error)}`);
    assert.match(error.message, /idempotency key was used for another complaint/);
    assert.ok(!error.retryable, 'a conflict is not retried');
  });

  it('remembers a requester for five minutes of the `now` clock between creates', async () => {
    let clock = Date.parse('2026-06-01T10:00:00Z');
    const adapter = await start({now: () => clock});
    const lookups = () => fake.calls['GET /api/v2/users/{id}.json'] ?? 0;
    await adapter.resources.complaints!.create(complaint, {idempotencyKey: 'c-1'});
    assert.equal(lookups(), 1);
    clock += 4 * 60 * 1000;
    await adapter.resources.complaints!.create(complaint, {idempotencyKey: 'c-2'});
    assert.equal(lookups(), 1, 'four minutes on: still remembered');
    clock += 2 * 60 * 1000;
    await adapter.resources.complaints!.create(complaint, {idempotencyKey: 'c-3'});
    assert.equal(lookups(), 2, 'six minutes on: looked up again');
  });

  it('keeps an e-mail customer id out of error messages and details', async () => {
    const adapter = await start({lookUpBy: 'email'});
    const email = 'nobody.here@example.com';
    for (const run of [
      () => adapter.resources.complaints!.list(email),
      () => adapter.resources.interactions!.list(email),
    ]) {
      await assert.rejects(run(), (error: unknown) => {
        assert.ok(isRapportError(error, 'not_found'), `not_found, got ${String(error)}`);
        assert.ok(!error.message.includes(email), `no e-mail in ${error.message}`);
        assert.ok(!JSON.stringify(error.details).includes(email), 'no e-mail in details');
        assert.ok(!JSON.stringify(error.fields).includes(email), 'no e-mail in fields');
        return true;
      });
    }
  });

  it('a 500 after the ticket was stored is retried into the same ticket', async () => {
    const adapter = await start();
    fake.setFaults({
      rate: 1,
      kinds: ['server_error_after_write'],
      endpoints: ['POST /api/v2/tickets.json'],
    });
    await assert.rejects(
      adapter.resources.complaints!.create(complaint, {idempotencyKey: 'k-500'}),
      (error: unknown) => isRapportError(error, 'unavailable'),
    );
    fake.setFaults(null);
    const retried = await adapter.resources.complaints!.create(complaint, {
      idempotencyKey: 'k-500',
    });
    assert.equal(fake.tickets.length, 1);
    assert.equal(retried.id, String(fake.tickets[0]!.id));
  });

  it('scans every ticket oldest first for reports, with its customer by id or e-mail, none for an anonymous one', async () => {
    const adapter = await start();
    const made: string[] = [];
    for (const [n, customerId] of [
      [1, '1001'],
      [2, '1002'],
      [3, '1001'],
    ] as const) {
      const created = await adapter.resources.complaints!.create(
        {...complaint, customerId, subject: `Parcel ${n}`},
        {idempotencyKey: `k-${n}`},
      );
      made.push(created.id);
    }
    const {customerId: _, ...anonymous} = complaint;
    const visitor = await adapter.resources.complaints!.create(
      {...anonymous, contact: {name: 'A Visitor', email: 'visitor@example.com'}},
      {idempotencyKey: 'k-visitor'},
    );
    fake.update(Number(made[1]), {status: 'solved'});
    const scanAll = async (scanned: CrmAdapter) => {
      const items: Complaint[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<Complaint> = await scanned.resources.complaints!.scan!({
          limit: 2,
          ...(cursor !== null && {cursor}),
        });
        assert.ok(page.items.length <= 2);
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor !== null);
      return items;
    };
    assert.deepEqual(
      (await scanAll(adapter)).map((c) => [c.id, c.customerId, c.status]),
      [
        [made[0], '1001', 'new'],
        [made[1], '1002', 'resolved'],
        [made[2], '1001', 'new'],
        [visitor.id, null, 'new'],
      ],
    );
    const byEmail = await start({lookUpBy: 'email'});
    assert.deepEqual(
      (await scanAll(byEmail)).map((c) => c.customerId),
      ['mei.chen@example.com', 'ada.lovelace@example.com', 'mei.chen@example.com', null],
    );
    // The gateway computes the complaints reports from this scan.
    const day = 86_400_000;
    const report = await computeReport(
      adapter,
      'complaintsByStatus',
      {from: Math.floor(Date.now() / day) * day, to: (Math.floor(Date.now() / day) + 1) * day},
      {minimumGroupSize: 1},
    );
    const counts = report.series.find((series) => series.id === 'complaints')!;
    const count = (status: string) => counts.values[report.categories.indexOf(status)];
    assert.deepEqual([count('new'), count('resolved')], [3, 1]);
    assert.ok(servedReports(adapter).includes('complaintSla'));
  });

  it('maps ticket statuses to complaint statuses', async () => {
    const adapter = await start({statuses: {hold: 'acknowledged'}});
    const {id} = await adapter.resources.complaints!.create(complaint, {idempotencyKey: 'k'});
    const statusOf = async () => {
      const {status, resolvedAt} = (await adapter.resources.complaints!.list('1001')).items[0]!;
      return resolvedAt === undefined ? status : `${status} (resolvedAt)`;
    };
    const seen: string[] = [await statusOf()];
    for (const status of ['open', 'pending', 'hold', 'solved', 'closed']) {
      fake.update(Number(id), {status});
      seen.push(await statusOf());
    }
    assert.deepEqual(seen, [
      'new',
      'acknowledged',
      'in_progress',
      'acknowledged',
      'resolved (resolvedAt)',
      'closed (resolvedAt)',
    ]);
  });
});

describe('zendeskAdapter: interactions', () => {
  it("lists the audits of the customer's tickets newest first: the complaint, replies, notes, status changes", async () => {
    const adapter = await start();
    const {id} = await adapter.resources.complaints!.create(complaint, {idempotencyKey: 'k'});
    const ticket = Number(id);
    fake.update(ticket, {comment: {body: 'We are on it'}, status: 'open'});
    fake.update(ticket, {comment: {body: 'internal: courier called', public: false}});
    fake.update(ticket, {comment: {body: 'Thanks!', authorId: 1001}});
    fake.update(ticket, {status: 'solved'});
    const page = await adapter.resources.interactions!.list('1001');
    assert.deepEqual(
      page.items.map((i) => [i.type, i.agentId ?? null, i.summary]),
      [
        ['note', String(fakeAgentId), `ZD-${id}: Parcel late (status open → solved)`],
        ['message', null, `ZD-${id}: Parcel late`],
        ['note', String(fakeAgentId), `ZD-${id}: Parcel late`],
        ['email', String(fakeAgentId), `ZD-${id}: Parcel late`],
        ['complaint', null, `ZD-${id}: Parcel late`],
      ],
    );
    assert.ok(
      !page.items.some((i) => /on it|courier|Thanks/.test(i.summary)),
      'no comment text in summaries',
    );
    await assert.rejects(
      adapter.resources.interactions!.list('1001', {cursor: 'nonsense'}),
      (error: unknown) => isRapportError(error, 'invalid_input') && 'cursor' in error.fields,
    );
  });
});

describe('zendeskAdapter: field catalogs', () => {
  it('describes ticket and user fields with Rapport types and options', async () => {
    const adapter = await start({
      categoryField: topicFieldId,
      customFields: {orderNumber: fakeOrderNumberFieldId, customerType: 26363655924371},
    });
    const complaintFields = await adapter.describeFields('complaint');
    const byPath = new Map(complaintFields.fields.map((f) => [f.path, f]));
    assert.deepEqual(byPath.get('customFields.orderNumber'), {
      path: 'customFields.orderNumber',
      label: 'Order number',
      type: 'text',
      custom: true,
    });
    assert.deepEqual(byPath.get('customFields.customerType')?.options, [
      {value: 'vip_customer', label: 'VIP Customer'},
      {value: 'standard_customer', label: 'Standard Customer'},
    ]);
    assert.deepEqual(
      byPath.get('category')?.options?.map((o) => o.value),
      ['issue', 'inquiry', 'other'],
    );
    assert.deepEqual(byPath.get('severity')?.options, [
      {value: 'low', label: 'Low'},
      {value: 'medium', label: 'Normal'},
      {value: 'high', label: 'High'},
      {value: 'critical', label: 'Urgent'},
    ]);
    const customer = await adapter.describeFields('customer');
    const membership = customer.fields.find((f) => f.path === 'customFields.membership');
    assert.equal(membership?.type, 'select');
    assert.equal(customer.fields.find((f) => f.path === 'customFields.member_since')?.type, 'date');
    await assert.rejects(
      adapter.describeFields('loyalty'),
      /entity: must be one of customer, complaint/,
    );
  });
});

describe('fakeZendesk', () => {
  it('reset() goes back to the seeded state, with no calls or faults counted', async () => {
    const adapter = await start();
    const {tickets, users, calls, faulted} = fake;
    await adapter.resources.complaints!.create(complaint, {idempotencyKey: 'r-1'});
    await adapter.resources.complaints!.create(
      {
        channel: complaint.channel,
        category: complaint.category,
        severity: complaint.severity,
        subject: complaint.subject,
        description: complaint.description,
        contact: {name: 'New Person', email: 'new.person@example.com'},
      },
      {idempotencyKey: 'r-2'},
    );
    fake.setFaults({
      rate: 1,
      kinds: ['server_error'],
      endpoints: ['GET /api/v2/users/show_many.json'],
    });
    await assert.rejects(adapter.resources.customers!.read(['1001']));
    fake.setFaults(null);
    fake.update(fake.tickets[0]!.id, {status: 'open'});
    assert.equal(fake.tickets.length, 2);
    assert.equal(fake.users.length, 4, 'the anonymous contact became a user');
    assert.equal(fake.faulted.server_error, 1);

    fake.reset();
    assert.equal(fake.tickets, tickets, 'the same objects, emptied');
    assert.equal(fake.users, users);
    assert.equal(fake.calls, calls);
    assert.equal(fake.faulted, faulted);
    assert.deepEqual(fake.tickets, []);
    assert.deepEqual(
      fake.users.map((u) => u.id),
      [1001, 1002, 1003],
    );
    assert.deepEqual(fake.calls, {});
    assert.deepEqual(fake.faulted, {rate_limit: 0, server_error: 0, server_error_after_write: 0});

    // The Idempotency-Keys are forgotten too: the same key with another body makes a new ticket 1.
    const again = await adapter.resources.complaints!.create(
      {...complaint, subject: 'After the reset'},
      {idempotencyKey: 'r-1'},
    );
    assert.equal(again.id, '1');
    assert.equal(fake.tickets.length, 1);
  });
});
