// Complaint updates on HubSpot: replies as notes on the ticket, actions as its pipeline stage, and each
// update's author, role, action and idempotency key in the ticket's thread property. Nothing of this
// was recorded: the fake answers the ticket PATCH and the note create in the shapes of HubSpot's
// tickets and notes guides (https://developers.hubspot.com/docs/api-reference/latest/crm/objects/tickets/guide,
// https://developers.hubspot.com/docs/api-reference/crm-notes-v3/guide).
import assert from 'node:assert/strict';
import {beforeEach, describe, it} from 'node:test';
import {
  isRapportError,
  type ComplaintUpdateInput,
  type RapportError,
  type WriteOptions,
} from '@rapport/core';
import {hubspotAdapter, type HubSpotAdapterOptions} from '@rapport/adapter-hubspot';
import {fakeHubSpot, type FakeHubSpot} from '@rapport/adapter-hubspot/fake';

const mei = '101';
const agent = {kind: 'staff', role: 'agent', id: 'agent-7'} as const;
const supervisor = {kind: 'staff', role: 'supervisor', id: 'sup-1'} as const;

let fake: FakeHubSpot;
beforeEach(() => {
  fake = fakeHubSpot();
});
const start = (options: Partial<HubSpotAdapterOptions> = {}) =>
  hubspotAdapter({accessToken: 'pat-test', fetch: fake.fetch, ...options});
type Adapter = Awaited<ReturnType<typeof start>>;

let keys = 0;
const key = () => `key-${++keys}`;
const update = (
  adapter: Adapter,
  input: ComplaintUpdateInput,
  options: Partial<WriteOptions> = {},
) => adapter.resources.complaintUpdates!.create(input, {idempotencyKey: key(), ...options});
const list = (adapter: Adapter, customerId = mei, limit = 100) =>
  adapter.resources.complaintUpdates!.list(customerId, {limit});
const writes = () =>
  (fake.calls['PATCH /crm/v3/objects/tickets/:id'] ?? 0) +
  (fake.calls['POST /crm/v3/objects/notes'] ?? 0);
const notesOf = (ticketId: string) =>
  fake.associated('tickets', ticketId, 'notes').map((id) => fake.notes.get(id)!);

/** A new ticket of `customerId`, through the adapter; its id. */
async function ticketOf(adapter: Adapter, customerId = mei, subject = 'Teapot lid missing') {
  const complaint = await adapter.resources.complaints!.create(
    {
      customerId,
      channel: 'web',
      category: 'other',
      severity: 'medium',
      subject,
      description: 'The lid was not in the box.',
    },
    {idempotencyKey: key()},
  );
  return complaint.id;
}

async function rejects(promise: Promise<unknown>, code: string): Promise<RapportError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(isRapportError(error), `a RapportError, got ${String(error)}`);
  assert.equal(error.code, code, error.message);
  return error;
}

describe('hubspotAdapter: complaint updates', () => {
  it("writes a customer's reply as a note on the ticket, as text, its author in the thread property", async () => {
    const adapter = await start();
    const id = await ticketOf(adapter);
    const written = await update(adapter, {
      complaintId: id,
      customerId: mei,
      body: 'Still no lid <b>at all</b> & no answer.\nPlease call.',
    });
    const [note] = notesOf(id);
    assert.equal(notesOf(id).length, 1);
    assert.equal(
      note!.properties.hs_note_body,
      '<p>Still no lid &lt;b&gt;at all&lt;/b&gt; &amp; no answer.</p><p>Please call.</p>',
    );
    assert.equal(note!.properties.hs_timestamp, written.at);
    assert.deepEqual(written, {
      id: `note-${note!.id}`,
      complaintId: id,
      customerId: mei,
      author: {kind: 'customer', role: 'customer', id: mei},
      body: 'Still no lid <b>at all</b> & no answer.\nPlease call.',
      action: null,
      status: 'new',
      at: written.at,
    });
    const thread = JSON.parse(fake.tickets.get(id)!.properties.rapport_thread!) as {
      w: string;
      r: string;
      n: string;
    }[];
    assert.deepEqual(
      thread.map((e) => [e.w, e.r, e.n]),
      [['customer', 'customer', note!.id]],
    );
    assert.deepEqual((await list(adapter)).items, [written]);
  });

  it('moves the ticket through the stages option, to the nearest stage when none means the status', async () => {
    const adapter = await start();
    const id = await ticketOf(adapter);
    const acknowledged = await update(adapter, {
      complaintId: id,
      customerId: mei,
      action: 'acknowledge',
      author: agent,
    });
    assert.equal(fake.tickets.get(id)!.properties.hs_pipeline_stage, '3');
    assert.deepEqual(
      [acknowledged.status, acknowledged.body, acknowledged.author],
      ['acknowledged', null, agent],
    );
    // The default stages have no `resolved`: a resolution closes the ticket, and says so.
    const resolved = await update(adapter, {
      complaintId: id,
      customerId: mei,
      action: 'resolve',
      resolution: 'A new lid is on its way.',
      author: supervisor,
    });
    assert.equal(fake.tickets.get(id)!.properties.hs_pipeline_stage, '4');
    assert.equal(resolved.status, 'closed');
    assert.equal(resolved.body, 'A new lid is on its way.');
    assert.equal(notesOf(id).length, 1, 'the resolution is the note');
    const complaints = await adapter.resources.complaints!.list(mei, {limit: 100});
    assert.equal(complaints.items.find((c) => c.id === id)!.status, 'closed');
    // With a stage for `resolved`, the customer may reopen it.
    const staged = await start({
      stages: {'1': 'new', '2': 'in_progress', '3': 'resolved', '4': 'closed'},
    });
    const other = await ticketOf(staged);
    await update(staged, {
      complaintId: other,
      customerId: mei,
      action: 'resolve',
      resolution: 'Refunded.',
      author: agent,
    });
    assert.equal(fake.tickets.get(other)!.properties.hs_pipeline_stage, '3');
    const reopened = await update(staged, {complaintId: other, customerId: mei, action: 'reopen'});
    assert.equal(reopened.status, 'in_progress');
    assert.equal(fake.tickets.get(other)!.properties.hs_pipeline_stage, '2');
  });

  it('refuses an invalid transition, or an action the role may not take, before HubSpot sees it', async () => {
    const adapter = await start();
    const id = await ticketOf(adapter);
    const before = writes();
    const refused = await rejects(
      update(adapter, {complaintId: id, customerId: mei, action: 'close'}),
      'forbidden',
    );
    assert.match(refused.message, /customer/);
    await rejects(
      update(adapter, {complaintId: id, customerId: mei, action: 'reopen', author: agent}),
      'invalid_transition',
    );
    await rejects(update(adapter, {complaintId: id, customerId: mei}), 'invalid_input');
    assert.equal(writes(), before);
    // A policy of the adapter's own is the one it applies.
    const strict = await start({complaintPolicy: {actions: {agent: []}, reopenWithinDays: 0}});
    await rejects(
      update(strict, {complaintId: id, customerId: mei, action: 'acknowledge', author: agent}),
      'forbidden',
    );
    await assert.rejects(
      start({complaintPolicy: {actions: 'all'} as never}),
      /option complaintPolicy: must be/,
    );
  });

  it('answers not_found naming complaintId for an unknown ticket and for another customer’s', async () => {
    const adapter = await start();
    const theirs = await ticketOf(adapter, '102');
    for (const complaintId of [theirs, '999999', 'not-a-ticket']) {
      const error = await rejects(
        update(adapter, {complaintId, customerId: mei, body: 'Hello?'}),
        'not_found',
      );
      assert.deepEqual(Object.keys(error.fields ?? {}), ['complaintId']);
    }
    assert.equal(writes(), 0);
  });

  it('lists the thread of every ticket newest first in pages, never the notes written in HubSpot', async () => {
    let clock = Date.parse('2026-11-20T09:00:00Z');
    const adapter = await start({now: () => (clock += 60_000)});
    const first = await ticketOf(adapter, mei, 'First');
    const second = await ticketOf(adapter, mei, 'Second');
    const written = [];
    for (const [complaintId, body] of [
      [first, 'One'],
      [second, 'Two'],
      [first, 'Three'],
    ] as const)
      written.push(await update(adapter, {complaintId, customerId: mei, body}));
    written.push(
      await update(adapter, {complaintId: second, customerId: mei, action: 'start', author: agent}),
    );
    // An internal note an agent wrote on the ticket in HubSpot.
    const internal = await fake.fetch(`${fake.baseUrl}/crm/v3/objects/notes`, {
      method: 'POST',
      headers: {authorization: 'Bearer pat-test', 'content-type': 'application/json'},
      body: JSON.stringify({
        properties: {
          hs_timestamp: new Date(clock).toISOString(),
          hs_note_body: '<p>VIP, refund</p>',
        },
        associations: [{to: {id: first}, types: [{associationTypeId: 228}]}],
      }),
    });
    assert.equal(internal.status, 201);
    const all = await list(adapter);
    assert.deepEqual(all.items, [...written].reverse());
    assert.ok(all.items.every((u) => u.body !== 'VIP, refund'));
    const page = await list(adapter, mei, 3);
    assert.equal(page.items.length, 3);
    const rest = await adapter.resources.complaintUpdates!.list(mei, {
      limit: 3,
      cursor: page.nextCursor!,
    });
    assert.deepEqual([...page.items, ...rest.items], all.items);
    assert.equal(rest.nextCursor, null);
    // An agent's edit of a reply in HubSpot is what the thread shows, as text.
    const note = notesOf(first)[0]!;
    note.properties.hs_note_body = '<p>One, <i>edited</i></p><p>by the team</p>';
    const edited = (await list(adapter)).items.find((u) => u.id === `note-${note.id}`);
    assert.equal(edited?.body, 'One, edited\nby the team');
    assert.deepEqual((await list(adapter, '102')).items, []);
    await rejects(
      adapter.resources.complaintUpdates!.list(mei, {cursor: 'nonsense'}),
      'invalid_input',
    );
  });

  it('writes a reply once when an answer is lost, and refuses the key with other input', async () => {
    const adapter = await start();
    const id = await ticketOf(adapter);
    const input = {complaintId: id, customerId: mei, body: 'Where is the lid?'};
    const options = {idempotencyKey: 'lost-answer'};
    for (const endpoint of ['PATCH /crm/v3/objects/tickets/:id', 'POST /crm/v3/objects/notes']) {
      fake.setFaults({rate: 1, kinds: ['server_error_after_write'], endpoints: [endpoint]});
      await rejects(adapter.resources.complaintUpdates!.create(input, options), 'unavailable');
    }
    fake.setFaults(null);
    const again = await adapter.resources.complaintUpdates!.create(input, options);
    assert.equal(notesOf(id).length, 1, 'one note');
    assert.deepEqual((await list(adapter)).items, [again]);
    const conflict = await rejects(
      adapter.resources.complaintUpdates!.create({...input, body: 'Other'}, options),
      'conflict',
    );
    assert.match(conflict.message, /lost-answer/);
  });

  it('shows a reply whose entry never learnt its note (the last write lost for good)', async () => {
    const adapter = await start();
    const id = await ticketOf(adapter);
    const written = await update(adapter, {complaintId: id, customerId: mei, body: 'Lost name'});
    const thread = JSON.parse(fake.tickets.get(id)!.properties.rapport_thread!) as {n?: string}[];
    // Forget the note's id, as when the adapter stopped before it could write it.
    fake.tickets.get(id)!.properties.rapport_thread = JSON.stringify(
      thread.map(({n: _n, ...entry}) => entry),
    );
    assert.deepEqual((await list(adapter)).items, [written]);
  });

  it('is exactly once under 30% injected faults, each update retried with its key until it succeeds', async () => {
    const adapter = await start();
    const id = await ticketOf(adapter);
    let state = 11;
    const random = () => (state = (state * 48271) % 2147483647) / 2147483647;
    fake.setFaults({rate: 0.3, random, rateLimitIntervalMs: 1});
    const total = 30;
    for (let n = 0; n < total; n++) {
      const options = {idempotencyKey: `reply-${n}`};
      for (let attempt = 0; ; attempt++) {
        try {
          await adapter.resources.complaintUpdates!.create(
            {complaintId: id, customerId: mei, body: `Reply ${n}`},
            options,
          );
          break;
        } catch (error) {
          assert.ok(isRapportError(error) && error.retryable, String(error));
          // An attempt makes up to nine requests, each failing 3 times in 10: a long run of failed
          // attempts is rare, not impossible. The bound only stops a stuck loop.
          assert.ok(attempt < 500, `gives up after 500 attempts: ${String(error)}`);
        }
      }
    }
    fake.setFaults(null);
    const notes = notesOf(id);
    assert.equal(notes.length, total, 'one note per reply');
    assert.equal(new Set(notes.map((n) => n.properties.hs_note_body)).size, total);
    const thread = (await list(adapter)).items.filter((u) => u.complaintId === id);
    assert.equal(thread.length, total);
    assert.ok(
      thread.every((u) => u.author.kind === 'customer'),
      'every reply kept its author',
    );
    assert.ok(fake.faulted.server_error_after_write > 0, JSON.stringify(fake.faulted));
  });

  it('updates of one ticket at once each land: none is lost from the thread', async () => {
    const adapter = await start();
    const id = await ticketOf(adapter);
    const written = await Promise.all(
      Array.from({length: 6}, (_, n) =>
        update(adapter, {complaintId: id, customerId: mei, body: `At once ${n}`}),
      ),
    );
    const listed = (await list(adapter)).items;
    assert.equal(listed.length, 6);
    assert.deepEqual(new Set(listed.map((u) => u.id)), new Set(written.map((u) => u.id)));
  });

  it('honours an aborted signal and writes nothing', async () => {
    const adapter = await start();
    const id = await ticketOf(adapter);
    await assert.rejects(
      update(adapter, {complaintId: id, customerId: mei, body: 'x'}, {signal: AbortSignal.abort()}),
      {name: 'AbortError'},
    );
    assert.equal(writes(), 0);
  });

  it('without the thread property, warns and serves no complaint updates (unsupported)', async () => {
    fake = fakeHubSpot({withoutTicketProperties: ['rapport_thread']});
    const warnings: string[] = [];
    const adapter = await start({onWarning: (message) => warnings.push(message)});
    assert.equal(adapter.resources.complaintUpdates, undefined);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /"rapport_thread".*complaint updates are not served/);
    await assert.rejects(
      start({threadProperty: 'missing_thread'}),
      /option threadProperty: HubSpot has no ticket property "missing_thread"/,
    );
    const off = await start({threadProperty: null, onWarning: () => assert.fail('no warning')});
    assert.equal(off.resources.complaintUpdates, undefined);
  });
});
