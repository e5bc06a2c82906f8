// Complaints as tickets, and interactions from engagements, on the fake HubSpot.
import assert from 'node:assert/strict';
import {after, afterEach, before, describe, it} from 'node:test';
import {http} from 'msw';
import {setupServer} from 'msw/node';
import {isRapportError, type Complaint, type ComplaintInput} from '@rapport/core';
import {hubspotAdapter} from '@rapport/adapter-hubspot';
import {fakeHubSpot} from '@rapport/adapter-hubspot/fake';

const fake = fakeHubSpot();
const server = setupServer(...fake.handlers);
before(() => server.listen({onUnhandledRequest: 'error'}));
afterEach(() => {
  server.resetHandlers();
  fake.reset();
});
after(() => server.close());

const input: ComplaintInput = {
  customerId: '101',
  channel: 'email',
  category: 'billing',
  severity: 'critical',
  subject: 'Charged twice',
  description: 'My card was charged twice for order 4411.',
  customFields: {order_number: 'SO-4411'},
};

describe('complaints as tickets', () => {
  it('creates a ticket in the pipeline, associated with the contact, with the mapped values', async () => {
    const bodies: unknown[] = [];
    server.events.on('request:start', async ({request}) => {
      if (request.method === 'POST' && request.url.endsWith('/crm/v3/objects/tickets'))
        bodies.push(await request.clone().json());
    });
    const hubspot = await hubspotAdapter({accessToken: 'pat-test'});
    const complaint = await hubspot.resources.complaints!.create(input, {idempotencyKey: 'k-1'});
    server.events.removeAllListeners();
    const body = bodies[0] as {properties: Record<string, string>; associations: unknown};
    assert.deepEqual(
      {...body.properties, rapport_submission: undefined},
      {
        subject: 'Charged twice',
        content: 'My card was charged twice for order 4411.',
        hs_pipeline: '0',
        hs_pipeline_stage: '1',
        hs_ticket_priority: 'URGENT',
        hs_ticket_category: 'BILLING_ISSUE',
        rapport_idempotency_key: 'k-1',
        rapport_submission: undefined,
        order_number: 'SO-4411',
      },
    );
    assert.deepEqual(body.associations, [
      {
        to: {id: '101'},
        types: [{associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 16}],
      },
    ]);
    assert.deepEqual(
      [
        complaint.reference,
        complaint.status,
        complaint.severity,
        complaint.category,
        complaint.channel,
      ],
      [`HS-${complaint.id}`, 'new', 'critical', 'billing', 'email'],
    );
    assert.equal(
      Date.parse(complaint.responseDueAt) - Date.parse(complaint.createdAt),
      3_600_000,
      "a critical complaint's first response is due in an hour",
    );
    assert.equal(complaint.customFields.order_number, 'SO-4411');
  });

  it('two concurrent attempts with one key make one ticket: the 409 is read back', async () => {
    const hubspot = await hubspotAdapter({accessToken: 'pat-test'});
    // Both look-ups miss, as when the two attempts race: each then creates.
    let misses = 2;
    server.use(
      http.get('https://api.hubapi.com/crm/v3/objects/tickets/:key', () =>
        misses-- > 0
          ? Response.json(
              {status: 'error', message: 'Object not found.', category: 'OBJECT_NOT_FOUND'},
              {status: 404},
            )
          : undefined,
      ),
    );
    const [a, b] = await Promise.all([
      hubspot.resources.complaints!.create(input, {idempotencyKey: 'same'}),
      hubspot.resources.complaints!.create(structuredClone(input), {idempotencyKey: 'same'}),
    ]);
    assert.equal(a.id, b.id);
    assert.equal(fake.tickets.size, 1);
    assert.equal(fake.calls['POST /crm/v3/objects/tickets'], 2, 'the second create met a 409');
  });

  it('reads the ticket back after any 4xx, not only a 409: a 400 for the taken key', async () => {
    const strict = fakeHubSpot({duplicateUniqueValue: 'validation_error'});
    // Both look-ups before the create miss, as when the two attempts race: each then creates.
    let misses = 2;
    const racing: typeof fetch = async (request, init) => {
      const url = new URL(request instanceof Request ? request.url : String(request));
      if (
        (init?.method ?? 'GET') === 'GET' &&
        url.pathname.startsWith('/crm/v3/objects/tickets/') &&
        misses-- > 0
      )
        return Response.json(
          {status: 'error', message: 'Object not found.', category: 'OBJECT_NOT_FOUND'},
          {status: 404},
        );
      return strict.fetch(request, init);
    };
    const hubspot = await hubspotAdapter({accessToken: 'pat-test', fetch: racing});
    const [a, b] = await Promise.all([
      hubspot.resources.complaints!.create(input, {idempotencyKey: 'same'}),
      hubspot.resources.complaints!.create(structuredClone(input), {idempotencyKey: 'same'}),
    ]);
    assert.equal(a.id, b.id);
    assert.equal(strict.tickets.size, 1);
    assert.equal(strict.calls['POST /crm/v3/objects/tickets'], 2, 'the second create met a 400');
  });

  it('a 4xx on create with no ticket under the key is the answer', async () => {
    const hubspot = await hubspotAdapter({accessToken: 'pat-test'});
    let lookups = 0;
    server.events.on('request:start', ({request}) => {
      if (request.method === 'GET' && request.url.includes('/crm/v3/objects/tickets/')) lookups++;
    });
    server.use(
      http.post('https://api.hubapi.com/crm/v3/objects/tickets', () =>
        Response.json(
          {status: 'error', message: 'Ticket is not valid', category: 'VALIDATION_ERROR'},
          {status: 400},
        ),
      ),
    );
    const error = await hubspot.resources
      .complaints!.create(input, {idempotencyKey: 'refused'})
      .catch((e: unknown) => e);
    server.events.removeAllListeners();
    assert.ok(isRapportError(error, 'invalid_input'), String(error));
    assert.match(error.message, /Ticket is not valid/);
    assert.equal(lookups, 2, 'looked for the key before the create and after its refusal');
    assert.equal(fake.tickets.size, 0);
  });

  it('a 4xx on create whose read-back fails is that failure, retryable, not the 4xx', async () => {
    const hubspot = await hubspotAdapter({accessToken: 'pat-test'});
    let lookups = 0;
    server.use(
      http.get('https://api.hubapi.com/crm/v3/objects/tickets/:key', () =>
        ++lookups === 1
          ? undefined
          : Response.json({status: 'error', message: 'internal error'}, {status: 500}),
      ),
      http.post('https://api.hubapi.com/crm/v3/objects/tickets', () =>
        Response.json(
          {status: 'error', message: 'Ticket is not valid', category: 'VALIDATION_ERROR'},
          {status: 400},
        ),
      ),
    );
    const error = await hubspot.resources
      .complaints!.create(input, {idempotencyKey: 'unknown-outcome'})
      .catch((e: unknown) => e);
    assert.ok(isRapportError(error, 'unavailable'), String(error));
    assert.equal(lookups, 2);
  });

  it('a 4xx on create whose key holds another submission is a conflict', async () => {
    const strict = fakeHubSpot({duplicateUniqueValue: 'validation_error'});
    let misses = 1;
    const racing: typeof fetch = async (request, init) => {
      const url = new URL(request instanceof Request ? request.url : String(request));
      if (
        (init?.method ?? 'GET') === 'GET' &&
        url.pathname.startsWith('/crm/v3/objects/tickets/') &&
        url.pathname.endsWith('/taken') &&
        misses-- > 0
      )
        return Response.json({status: 'error', category: 'OBJECT_NOT_FOUND'}, {status: 404});
      return strict.fetch(request, init);
    };
    const hubspot = await hubspotAdapter({accessToken: 'pat-test', fetch: strict.fetch});
    await hubspot.resources.complaints!.create(input, {idempotencyKey: 'taken'});
    const racer = await hubspotAdapter({accessToken: 'pat-test', fetch: racing});
    await assert.rejects(
      racer.resources.complaints!.create({...input, subject: 'Other'}, {idempotencyKey: 'taken'}),
      (e) => isRapportError(e, 'conflict'),
    );
    assert.equal(strict.tickets.size, 1);
  });

  it('a create whose answer was lost is found by its key, not stored again', async () => {
    const hubspot = await hubspotAdapter({accessToken: 'pat-test'});
    let lost = true;
    server.use(
      http.post('https://api.hubapi.com/crm/v3/objects/tickets', async (info) => {
        if (!lost) return undefined;
        lost = false;
        const handler = fake.handlers.find((h) =>
          h.info.header.includes('/crm/v3/objects/tickets'),
        )!;
        await handler.run({request: info.request, requestId: info.requestId});
        return new Response('{"status":"error","message":"internal error"}', {status: 500});
      }),
    );
    const failed = await hubspot.resources
      .complaints!.create(input, {idempotencyKey: 'lost'})
      .catch((e: unknown) => e);
    assert.ok(isRapportError(failed, 'unavailable'));
    const again = await hubspot.resources.complaints!.create(input, {idempotencyKey: 'lost'});
    assert.equal(fake.tickets.size, 1);
    assert.equal(again.subject, 'Charged twice');
  });

  it('refuses a key reused with another input as a conflict', async () => {
    const hubspot = await hubspotAdapter({accessToken: 'pat-test'});
    await hubspot.resources.complaints!.create(input, {idempotencyKey: 'k-2'});
    await assert.rejects(
      hubspot.resources.complaints!.create(
        {...input, subject: 'Something else'},
        {idempotencyKey: 'k-2'},
      ),
      (e) => isRapportError(e, 'conflict'),
    );
  });

  it('refuses a custom field that is not a ticket property', async () => {
    const hubspot = await hubspotAdapter({accessToken: 'pat-test'});
    await assert.rejects(
      hubspot.resources.complaints!.create(
        {...input, customFields: {colour: 'red'}},
        {idempotencyKey: 'k-3'},
      ),
      (e) => isRapportError(e, 'invalid_input') && 'customFields.colour' in e.fields,
    );
    assert.equal(fake.tickets.size, 0);
  });

  it('lists the contact tickets newest first, with the stage as status', async () => {
    const hubspot = await hubspotAdapter({accessToken: 'pat-test'});
    const first = await hubspot.resources.complaints!.create(input, {idempotencyKey: 'a'});
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await hubspot.resources.complaints!.create(
      {...input, subject: 'Still charged twice'},
      {idempotencyKey: 'b'},
    );
    fake.tickets.get(first.id)!.properties.hs_pipeline_stage = '3';
    const page = await hubspot.resources.complaints!.list('101', {limit: 1});
    assert.deepEqual([page.items.map((c) => c.id), page.total], [[second.id], 2]);
    assert.equal(typeof page.nextCursor, 'string');
    const next = await hubspot.resources.complaints!.list('101', {
      limit: 1,
      cursor: page.nextCursor!,
    });
    assert.deepEqual(
      next.items.map((c) => [c.id, c.status]),
      [[first.id, 'acknowledged']],
      '"Waiting on us" is acknowledged',
    );
    assert.equal(next.nextCursor, null);
  });

  it('a ticket created between two pages neither repeats an item nor skips one', async () => {
    const hubspot = await hubspotAdapter({accessToken: 'pat-test'});
    const created = [];
    for (const n of [1, 2, 3]) {
      created.push(
        await hubspot.resources.complaints!.create(
          {...input, subject: `Complaint ${n}`},
          {idempotencyKey: `page-${n}`},
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const [oldest, middle, newest] = created as [Complaint, Complaint, Complaint];
    const page1 = await hubspot.resources.complaints!.list('101', {limit: 2});
    assert.deepEqual(
      page1.items.map((c) => c.id),
      [newest.id, middle.id],
    );
    await hubspot.resources.complaints!.create(
      {...input, subject: 'Complaint 4'},
      {idempotencyKey: 'page-4'},
    );
    const page2 = await hubspot.resources.complaints!.list('101', {
      limit: 2,
      cursor: page1.nextCursor!,
    });
    assert.deepEqual(
      page2.items.map((c) => c.id),
      [oldest.id],
      'page 2 is only the oldest: the new ticket does not push the middle one onto it',
    );
    assert.equal(page2.nextCursor, null);
  });

  it('refuses a cursor it did not give out', async () => {
    const hubspot = await hubspotAdapter({accessToken: 'pat-test'});
    for (const cursor of ['1', 'not-a-cursor', Buffer.from('[1,2]').toString('base64url')])
      await assert.rejects(
        hubspot.resources.complaints!.list('101', {cursor}),
        (e) => isRapportError(e, 'invalid_input') && 'cursor' in e.fields,
      );
  });
});

describe('interactions from engagements', () => {
  it("lists the contact's notes, e-mails and calls newest first, as text", async () => {
    const hubspot = await hubspotAdapter({accessToken: 'pat-test'});
    const page = await hubspot.resources.interactions!.list('101');
    assert.deepEqual(
      page.items.map((i) => [i.type, i.channel, i.at, i.summary]),
      [
        ['note', 'web', '2026-10-29T09:00:00.000Z', 'Asked about delivery times to Pudong'],
        ['email', 'email', '2026-10-20T14:30:00.000Z', 'Your gold membership'],
        ['call', 'phone', new Date(1760000000000).toISOString(), 'Order follow-up'],
      ],
    );
    assert.equal(page.items[0]!.agentId, '7001');
  });

  it('pages through the interactions with its cursor, each once', async () => {
    const hubspot = await hubspotAdapter({accessToken: 'pat-test'});
    await hubspot.resources.complaints!.create(input, {idempotencyKey: 'timeline'});
    const all = await hubspot.resources.interactions!.list('101');
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await hubspot.resources.interactions!.list('101', {
        limit: 1,
        ...(cursor && {cursor}),
      });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    assert.equal(all.items.length, 4);
    assert.deepEqual(
      seen,
      all.items.map((i) => i.id),
    );
  });
});
