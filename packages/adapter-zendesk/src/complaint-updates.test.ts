// Complaint updates on Zendesk: the public thread of a customer's tickets, read from their audits,
// and replies and actions written with PUT /api/v2/tickets/{id}.json. Nothing of this was recorded:
// the fake answers in the shapes of Zendesk's reference (Tickets → Update Ticket, Ticket Audits,
// https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#update-ticket and
// https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_audits/).
import assert from 'node:assert/strict';
import {after, before, beforeEach, describe, it} from 'node:test';
import {setupServer} from 'msw/node';
import {
  isRapportError,
  type RapportError,
  type ComplaintUpdate,
  type ComplaintUpdateInput,
  type CrmAdapter,
  type WriteOptions,
} from '@rapport/core';
import {zendeskAdapter} from '@rapport/adapter-zendesk';
import {
  fakeAgentId,
  fakeApiUserId,
  fakeZendesk,
  type FakeZendesk,
} from '@rapport/adapter-zendesk/fake';

const server = setupServer();
before(() => server.listen({onUnhandledRequest: 'error'}));
after(() => server.close());

let fake: FakeZendesk;
let adapter: CrmAdapter;
beforeEach(async () => {
  fake = fakeZendesk();
  server.resetHandlers(...fake.handlers);
  adapter = await zendeskAdapter({
    baseUrl: fake.baseUrl,
    credentials: {email: 'agent@example.com', apiToken: 'token'},
  });
});

let keys = 0;
const key = () => `key-${++keys}`;
const updates = () => adapter.resources.complaintUpdates!;
const reply = (input: ComplaintUpdateInput, options: Partial<WriteOptions> = {}) =>
  updates().create(input, {idempotencyKey: key(), ...options});
const agent = {kind: 'staff', role: 'agent', id: 'agent-7'} as const;
const supervisor = {kind: 'staff', role: 'supervisor', id: 'sup-1'} as const;
const puts = () => fake.calls['PUT /api/v2/tickets/{id}.json'] ?? 0;

/** A new ticket of `customerId`, through the adapter; its id. */
async function complaintOf(customerId = '1001', subject = 'Parcel late'): Promise<string> {
  const complaint = await adapter.resources.complaints!.create(
    {
      customerId,
      channel: 'web',
      category: 'delivery',
      severity: 'medium',
      subject,
      description: 'Ordered two weeks ago.',
    },
    {idempotencyKey: key()},
  );
  return complaint.id;
}
const ticketOf = (ticketId: string) => {
  const ticket = fake.tickets.find((t) => String(t.id) === ticketId)!;
  return ticket;
};

async function rejects(promise: Promise<unknown>, code: string): Promise<RapportError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(isRapportError(error), `a RapportError, got ${String(error)}`);
  assert.equal(error.code, code, error.message);
  return error;
}

describe('zendeskAdapter: complaint updates', () => {
  it("writes a customer's reply as a public comment by the requester, and lists it first", async () => {
    const id = await complaintOf();
    const update = await reply({complaintId: id, customerId: '1001', body: '  Any news?  '});
    assert.equal(update.body, 'Any news?');
    assert.deepEqual(update.author, {kind: 'customer', role: 'customer', id: '1001'});
    assert.equal(update.action, null);
    assert.equal(update.status, 'new');
    assert.equal(update.complaintId, id);
    assert.equal(update.customerId, '1001');

    const page = await updates().list('1001');
    assert.deepEqual(
      page.items,
      [update],
      'the thread is the reply: the description is not listed',
    );
    const ticket = ticketOf(id);
    assert.equal(ticket.status, 'new', 'a reply alone leaves the status');
  });

  it('writes staff replies as the API user, keeps the role out of the comment, and lists them', async () => {
    const id = await complaintOf();
    const update = await reply({
      complaintId: id,
      customerId: '1001',
      body: 'On its way.',
      author: agent,
    });
    assert.deepEqual(update.author, agent, 'the author as the token named them');
    const [listed] = (await updates().list('1001')).items;
    assert.deepEqual(listed, update);
    // The role travels in the audit's custom metadata, which end users never see; the comment is text.
    const stored = await fetchAudits(id);
    const last = stored.at(-1)!;
    assert.equal(last.author_id, fakeApiUserId, 'written as the API user');
    const comment = last.events.find((e) => e.type === 'Comment')!;
    assert.equal(comment.body, 'On its way.');
    assert.equal(comment.public, true);
    assert.equal(JSON.stringify(comment).includes('agent-7'), false, 'no staff id in the comment');
  });

  it('maps each action to a ticket status that reads back as the status core moves to', async () => {
    const cases: [
      action: ComplaintUpdateInput['action'],
      author: ComplaintUpdateInput['author'],
      zendesk: string,
      rapport: string,
    ][] = [
      ['acknowledge', agent, 'open', 'acknowledged'],
      ['start', agent, 'pending', 'in_progress'],
      ['resolve', agent, 'solved', 'resolved'],
      ['reopen', undefined, 'pending', 'in_progress'],
      ['resolve', agent, 'solved', 'resolved'],
      ['close', supervisor, 'closed', 'closed'],
    ];
    const id = await complaintOf();
    for (const [action, author, zendesk, rapport] of cases) {
      const update = await reply({
        complaintId: id,
        customerId: '1001',
        action: action!,
        ...(action === 'resolve' && {resolution: 'Sent a new parcel.'}),
        ...(author && {author}),
      });
      assert.equal(ticketOf(id).status, zendesk, `${action} sets the ticket ${zendesk}`);
      assert.equal(update.status, rapport, `${action} makes the complaint ${rapport}`);
      assert.equal(update.action, action);
      const [complaint] = (await adapter.resources.complaints!.list('1001')).items;
      assert.equal(complaint!.status, rapport, `the complaint reads back ${rapport}`);
    }
    const before = puts();
    const final = await rejects(
      reply({complaintId: id, customerId: '1001', body: 'One more thing'}),
      'invalid_transition',
    );
    assert.match(final.message, /ZD-\d+ is closed in Zendesk/);
    assert.equal(puts(), before, 'a closed ticket is not written to');
    const thread = (await updates().list('1001', {limit: 100})).items;
    assert.deepEqual(
      thread.map((u) => `${u.action}:${u.status}`),
      cases.map(([action, , , rapport]) => `${action}:${rapport}`).reverse(),
      'the thread lists every action, newest first',
    );
    const reopened = thread.find((u) => u.action === 'reopen')!;
    assert.deepEqual(
      reopened.author,
      {kind: 'customer', role: 'customer', id: '1001'},
      'an action alone keeps its author',
    );
    const resolved = thread.find((u) => u.action === 'resolve')!;
    assert.equal(resolved.body, 'Sent a new parcel.', "a resolution is the customer's to read");
  });

  it('rejects as a closed ticket tagged rapport_rejected, which reads back as rejected', async () => {
    const id = await complaintOf();
    const update = await reply({
      complaintId: id,
      customerId: '1001',
      action: 'reject',
      resolution: 'Delivered as ordered.',
      author: agent,
    });
    assert.equal(update.status, 'rejected');
    assert.equal(ticketOf(id).status, 'closed');
    assert.ok(ticketOf(id).tags.includes('rapport_rejected'));
    const [complaint] = (await adapter.resources.complaints!.list('1001')).items;
    assert.equal(complaint!.status, 'rejected');
    assert.deepEqual((await updates().list('1001')).items[0], update);
  });

  it('refuses an invalid transition, or an action the role may not take, before Zendesk sees it', async () => {
    const id = await complaintOf();
    const before = puts();
    const closed = await rejects(
      reply({complaintId: id, customerId: '1001', action: 'close', author: supervisor}),
      'invalid_transition',
    );
    assert.match(closed.message, /is new: it cannot close/);
    const forbidden = await rejects(
      reply({complaintId: id, customerId: '1001', action: 'resolve', resolution: 'Done.'}),
      'forbidden',
    );
    assert.equal(forbidden.details.reason, 'action_not_allowed');
    assert.match(forbidden.message, /customer role may not resolve/);
    await rejects(
      reply({complaintId: id, customerId: '1001', action: 'resolve', author: agent}),
      'invalid_input',
    );
    assert.equal(puts(), before, 'no update reached Zendesk');
    assert.equal(ticketOf(id).status, 'new');
  });

  it('answers not_found naming complaintId for an unknown ticket and for another customer’s', async () => {
    const theirs = await complaintOf('1002');
    for (const complaintId of ['999999', 'not-a-ticket', theirs]) {
      const error = await rejects(
        reply({complaintId, customerId: '1001', body: 'Hello?'}),
        'not_found',
      );
      assert.equal(error.details.complaintId, complaintId);
      assert.ok(error.message.includes(JSON.stringify(complaintId)), error.message);
    }
    assert.equal(puts(), 0);
    await rejects(updates().list('424242'), 'not_found');
  });

  it('lists the public thread of every ticket newest first, without notes, in pages', async () => {
    const first = await complaintOf('1001', 'First');
    const second = await complaintOf('1001', 'Second');
    await complaintOf('1002', 'Not theirs');
    const written: ComplaintUpdate[] = [];
    written.push(await reply({complaintId: first, customerId: '1001', body: 'One'}));
    written.push(await reply({complaintId: second, customerId: '1001', body: 'Two'}));
    fake.update(Number(first), {comment: {body: 'Internal: call the courier', public: false}});
    written.push(
      await reply({complaintId: first, customerId: '1001', body: 'Three', author: agent}),
    );
    fake.update(Number(second), {comment: {body: 'Four', authorId: fakeAgentId}, status: 'open'});
    written.push(
      await reply({complaintId: second, customerId: '1001', action: 'start', author: agent}),
    );

    const all = (await updates().list('1001', {limit: 100})).items;
    assert.equal(all.length, 5, 'four Rapport updates and one agent comment made in Zendesk');
    assert.ok(!all.some((u) => u.body?.startsWith('Internal')), 'notes are never listed');
    const times = all.map((u) => Date.parse(u.at));
    assert.deepEqual(
      [...times].sort((a, b) => b - a),
      times,
      'newest first',
    );
    const inZendesk = all.find((u) => u.body === 'Four')!;
    assert.deepEqual(inZendesk.author, {kind: 'staff', role: 'agent', id: String(fakeAgentId)});
    assert.equal(inZendesk.action, 'acknowledge', 'new → open is read as acknowledge');
    assert.equal(inZendesk.status, 'acknowledged');
    for (const update of written)
      assert.deepEqual(
        all.find((u) => u.id === update.id),
        update,
        'what create answered is what the list says',
      );

    const walked: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await updates().list('1001', {limit: 2, ...(cursor && {cursor})});
      assert.ok(page.items.length <= 2);
      walked.push(...page.items.map((u) => u.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    assert.deepEqual(
      walked,
      all.map((u) => u.id),
      'pages of 2 are the page of 100',
    );
    assert.deepEqual((await updates().list('1002')).items, []);
    await rejects(updates().list('1001', {cursor: 'nonsense'}), 'invalid_input');
  });

  it('writes a reply once when the answer is lost, and refuses the key with other input', async () => {
    const id = await complaintOf();
    fake.setFaults({
      rate: 1,
      kinds: ['server_error_after_write'],
      endpoints: ['PUT /api/v2/tickets/{id}.json'],
    });
    const input = {complaintId: id, customerId: '1001', body: 'Where is it?'};
    const options = {idempotencyKey: 'lost-answer'};
    await rejects(updates().create(input, options), 'unavailable');
    fake.setFaults(null);
    const again = await updates().create(input, options);
    const thread = (await updates().list('1001')).items;
    assert.deepEqual(thread, [again], 'one comment for the key');
    const conflict = await rejects(
      updates().create({...input, body: 'Something else'}, options),
      'conflict',
    );
    assert.match(conflict.message, /lost-answer/);
    assert.equal((await updates().list('1001')).items.length, 1);
  });

  it('two attempts racing with one key write once (safe_update), and an action is not applied twice', async () => {
    const id = await complaintOf();
    const input = {
      complaintId: id,
      customerId: '1001',
      action: 'acknowledge',
      author: agent,
    } as const;
    const [a, b] = await Promise.all([
      updates().create(input, {idempotencyKey: 'race'}),
      updates().create(input, {idempotencyKey: 'race'}),
    ]);
    assert.deepEqual(a, b);
    assert.equal((await updates().list('1001')).items.length, 1);
    // A retry after the status moved on finds the first update instead of failing the transition.
    assert.deepEqual(await updates().create(input, {idempotencyKey: 'race'}), a);
  });

  it('is exactly once under 30% injected faults, each reply retried with its key until it succeeds', async () => {
    const id = await complaintOf();
    let state = 7;
    const random = () => (state = (state * 48271) % 2147483647) / 2147483647;
    fake.setFaults({rate: 0.3, retryAfterSeconds: 0.001, random});
    const total = 40;
    for (let n = 0; n < total; n++) {
      const options = {idempotencyKey: `reply-${n}`};
      for (let attempt = 0; ; attempt++) {
        try {
          await updates().create(
            {complaintId: id, customerId: '1001', body: `Reply ${n}`},
            options,
          );
          break;
        } catch (error) {
          assert.ok(isRapportError(error) && error.retryable, String(error));
          assert.ok(attempt < 500, `gives up after 500 attempts: ${String(error)}`);
        }
      }
    }
    fake.setFaults(null);
    const thread = (await updates().list('1001', {limit: 100})).items;
    assert.equal(thread.length, total, 'one comment per reply');
    assert.equal(new Set(thread.map((u) => u.body)).size, total);
    assert.ok(fake.faulted.server_error_after_write > 0, JSON.stringify(fake.faulted));
  });

  it('honours an aborted signal and writes nothing', async () => {
    const id = await complaintOf();
    await assert.rejects(
      reply({complaintId: id, customerId: '1001', body: 'x'}, {signal: AbortSignal.abort()}),
      {name: 'AbortError'},
    );
    assert.equal(puts(), 0);
  });
});

/** The audits of a ticket as Zendesk answers them. */
interface StoredAudit {
  readonly author_id: number;
  readonly events: readonly {
    readonly type: string;
    readonly body?: string;
    readonly public?: boolean;
  }[];
}
async function fetchAudits(ticketId: string): Promise<StoredAudit[]> {
  const response = await fetch(`${fake.baseUrl}/api/v2/tickets/${ticketId}/audits.json`, {
    headers: {authorization: 'Basic x'},
  });
  return ((await response.json()) as {audits: StoredAudit[]}).audits;
}
