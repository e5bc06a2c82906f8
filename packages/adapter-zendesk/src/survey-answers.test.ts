// Survey answers on Zendesk: an answer given through Rapport is an internal note on the complaint's
// ticket with the answer in the audit's custom metadata; a satisfaction rating the requester gave in
// Zendesk reads as CSAT 5 (good) or 1 (bad). Nothing of this was recorded: the fake answers in the
// shapes of Zendesk's reference (Tickets → Update Ticket, Ticket Audits, Satisfaction Ratings,
// https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#update-ticket and
// https://developer.zendesk.com/api-reference/ticketing/ticket-management/satisfaction_ratings/).
import assert from 'node:assert/strict';
import {after, before, beforeEach, describe, it} from 'node:test';
import {setupServer} from 'msw/node';
import {
  csat,
  isRapportError,
  type CrmAdapter,
  type RapportError,
  type SurveyAnswerInput,
  type WriteOptions,
} from '@rapport/core';
import {zendeskAdapter} from '@rapport/adapter-zendesk';
import {fakeZendesk, type FakeZendesk} from '@rapport/adapter-zendesk/fake';

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
const answers = () => adapter.resources.surveyAnswers!;
const answer = (input: SurveyAnswerInput, options: Partial<WriteOptions> = {}) =>
  answers().create(input, {idempotencyKey: key(), ...options});
const puts = () => fake.calls['PUT /api/v2/tickets/{id}.json'] ?? 0;

/** A ticket of `customerId`, through the adapter, then solved by an agent; its id. */
async function solvedComplaint(customerId = '1001', status = 'solved'): Promise<string> {
  const complaint = await adapter.resources.complaints!.create(
    {
      customerId,
      channel: 'web',
      category: 'delivery',
      severity: 'medium',
      subject: 'Parcel late',
      description: 'Ordered two weeks ago.',
    },
    {idempotencyKey: key()},
  );
  fake.update(Number(complaint.id), {status});
  return complaint.id;
}
const auditsOf = (ticketId: string) =>
  fake.fetch(`${fake.baseUrl}/api/v2/tickets/${ticketId}/audits.json`, {
    headers: {authorization: 'Basic x'},
  });

async function rejects(promise: Promise<unknown>, code: string): Promise<RapportError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(isRapportError(error), `a RapportError, got ${String(error)}`);
  assert.equal(error.code, code, error.message);
  return error;
}

describe('zendeskAdapter: survey answers', () => {
  it('keeps an answer as an internal note on the ticket, with the answer in the audit metadata', async () => {
    const id = await solvedComplaint();
    const given = await answer({
      customerId: '1001',
      complaintId: id,
      kind: 'csat',
      score: 4,
      comment: 'Quick <b>refund</b>',
    });
    assert.deepEqual(
      {...given, id: undefined, createdAt: undefined},
      {
        id: undefined,
        customerId: '1001',
        complaintId: id,
        kind: 'csat',
        score: 4,
        comment: 'Quick <b>refund</b>',
        createdAt: undefined,
      },
    );
    const {audits} = (await (await auditsOf(id)).json()) as {
      audits: {
        id: number;
        metadata: {custom: Record<string, unknown>};
        events: {type: string; public?: boolean; body?: string}[];
      }[];
    };
    const written = audits.at(-1)!;
    assert.equal(given.id, `zd-${id}-${written.id}`);
    assert.deepEqual(
      written.events.map((e) => [e.type, e.public]),
      [['Comment', false]],
    );
    assert.match(written.events[0]!.body!, /CSAT.*4 on a scale of 1 to 5/);
    assert.deepEqual(
      {...written.metadata.custom, rapport_key: undefined, rapport_fp: undefined},
      {
        rapport_key: undefined,
        rapport_fp: undefined,
        rapport_survey: 'csat',
        rapport_score: 4,
        rapport_comment: 'Quick <b>refund</b>',
      },
    );
    assert.deepEqual((await answers().list('1001', {limit: 100})).items, [given]);
    // The note is internal: it is no line of the complaint's public thread.
    const thread = await adapter.resources.complaintUpdates!.list('1001', {limit: 100});
    assert.ok(thread.items.every((u) => !String(u.body).includes('Survey answer')));
  });

  it('reads a satisfaction rating given in Zendesk as CSAT 5 or 1, so the CSAT share is Zendesk’s', async () => {
    const good = await solvedComplaint();
    const bad = await solvedComplaint();
    const offered = await solvedComplaint();
    fake.rate(Number(good), 'good', ' Thanks! ');
    fake.rate(Number(bad), 'bad');
    const listed = (await answers().list('1001', {limit: 100})).items;
    assert.deepEqual(
      listed.map((a) => [a.complaintId, a.kind, a.score, a.comment]),
      [
        [bad, 'csat', 1, undefined],
        [good, 'csat', 5, 'Thanks!'],
      ],
    );
    assert.deepEqual(csat(listed.map((a) => a.score)), {numerator: 1, denominator: 2, rate: 0.5});
    // A rated ticket is answered: the survey does not ask again.
    const error = await rejects(
      answer({customerId: '1001', complaintId: good, kind: 'csat', score: 2}),
      'conflict',
    );
    assert.equal(error.details.reason, 'already_answered');
    await answer({customerId: '1001', complaintId: offered, kind: 'csat', score: 3});
  });

  it('takes one answer per ticket: a retry answers the same, a second answer is conflict', async () => {
    const id = await solvedComplaint();
    const input: SurveyAnswerInput = {customerId: '1001', complaintId: id, kind: 'nps', score: 9};
    const options = {idempotencyKey: 'once'};
    const first = await answers().create(input, options);
    assert.deepEqual(await answers().create({...input}, options), first);
    const reused = await rejects(answers().create({...input, score: 3}, options), 'conflict');
    assert.match(reused.message, /"once"/);
    const second = await rejects(answer({...input, score: 10}), 'conflict');
    assert.equal(second.details.reason, 'already_answered');
    assert.equal((await answers().list('1001', {limit: 100})).items.length, 1);
  });

  it('writes an answer once when the answer to the write is lost', async () => {
    const id = await solvedComplaint();
    fake.setFaults({
      rate: 1,
      kinds: ['server_error_after_write'],
      endpoints: ['PUT /api/v2/tickets/{id}.json'],
    });
    const input: SurveyAnswerInput = {customerId: '1001', complaintId: id, kind: 'csat', score: 5};
    await rejects(answers().create(input, {idempotencyKey: 'lost'}), 'unavailable');
    fake.setFaults(null);
    const again = await answers().create(input, {idempotencyKey: 'lost'});
    assert.deepEqual((await answers().list('1001', {limit: 100})).items, [again]);
  });

  it('refuses a standalone answer, another customer’s ticket and a closed one, writing nothing', async () => {
    const theirs = await solvedComplaint('1002');
    const closed = await solvedComplaint('1001', 'closed');
    const before = puts();
    const standalone = await rejects(
      answer({customerId: '1001', kind: 'nps', score: 8}),
      'invalid_input',
    );
    assert.deepEqual(Object.keys(standalone.fields ?? {}), ['complaintId']);
    for (const complaintId of [theirs, '999999', 'not-a-ticket']) {
      const error = await rejects(
        answer({customerId: '1001', complaintId, kind: 'csat', score: 4}),
        'not_found',
      );
      assert.deepEqual(Object.keys(error.fields ?? {}), ['complaintId']);
    }
    const refused = await rejects(
      answer({customerId: '1001', complaintId: closed, kind: 'csat', score: 4}),
      'conflict',
    );
    assert.equal(refused.details.reason, 'ticket_closed');
    await rejects(
      answer({customerId: '1001', complaintId: closed, kind: 'csat', score: 9}),
      'invalid_input',
    );
    assert.equal(puts(), before);
  });

  it('lists answers newest first across tickets, in pages', async () => {
    const ids = [await solvedComplaint(), await solvedComplaint(), await solvedComplaint()];
    const given = [];
    for (const [n, complaintId] of ids.entries())
      given.push(await answer({customerId: '1001', complaintId, kind: 'csat', score: n + 3}));
    const page = await answers().list('1001', {limit: 2});
    assert.deepEqual(page.items, [given[2], given[1]]);
    const rest = await answers().list('1001', {limit: 2, cursor: page.nextCursor!});
    assert.deepEqual(rest.items, [given[0]]);
    assert.equal(rest.nextCursor, null);
    assert.deepEqual((await answers().list('1002', {limit: 100})).items, []);
  });
});
