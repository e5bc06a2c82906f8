// Complaint updates on Salesforce: replies as CaseComments, actions as the Case's Status, and each
// update's author, role, action and idempotency key in the Case's thread field. Nothing of this
// was recorded: the fake answers PATCH and the CaseComment create in the shapes of Salesforce's
// REST API Developer Guide ("Update a Record", "Conditional Requests") and Object Reference
// (CaseComment), https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/ and
// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_casecomment.htm
import assert from 'node:assert/strict';
import {beforeEach, describe, it} from 'node:test';
import {
  isRapportError,
  type ComplaintUpdate,
  type ComplaintUpdateInput,
  type RapportError,
  type WriteOptions,
} from '@rapport/core';
import {salesforceAdapter, type SalesforceAdapterOptions} from '@rapport/adapter-salesforce';
import {
  fakeAgentUserId,
  fakeApiUserId,
  fakeSalesforce,
  type FakeSalesforce,
} from '@rapport/adapter-salesforce/fake';

const mei = '003FK0000000001YAA';
const tunde = '003FK0000000002YAA';
const agent = {kind: 'staff', role: 'agent', id: 'agent-7'} as const;
const supervisor = {kind: 'staff', role: 'supervisor', id: 'sup-1'} as const;

let fake: FakeSalesforce;
beforeEach(() => {
  fake = fakeSalesforce();
});
const start = (options: Partial<SalesforceAdapterOptions> = {}) =>
  salesforceAdapter({
    instanceUrl: fake.baseUrl,
    accessToken: 'session-test',
    fetch: fake.fetch,
    limitWaits: {concurrentMs: 1},
    ...options,
  });
type Adapter = Awaited<ReturnType<typeof start>>;

let keys = 0;
const key = () => `key-${++keys}`;
const reply = (
  adapter: Adapter,
  input: ComplaintUpdateInput,
  options: Partial<WriteOptions> = {},
) => adapter.resources.complaintUpdates!.create(input, {idempotencyKey: key(), ...options});
const list = (adapter: Adapter, customerId = mei, limit = 100) =>
  adapter.resources.complaintUpdates!.list(customerId, {limit});
const writes = () =>
  (fake.calls['PATCH /sobjects/Case/:id'] ?? 0) + (fake.calls['POST /sobjects/CaseComment'] ?? 0);

/** A new Case of `customerId`, through the adapter; its id. */
async function caseOf(adapter: Adapter, customerId = mei, subject = 'Teapot lid missing') {
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

describe('salesforceAdapter: complaint updates', () => {
  it("writes a customer's reply as a published CaseComment, its author in the thread field", async () => {
    const adapter = await start();
    const id = await caseOf(adapter);
    const update = await reply(adapter, {complaintId: id, customerId: mei, body: '  Any news?  '});
    assert.equal(update.body, 'Any news?');
    assert.deepEqual(update.author, {kind: 'customer', role: 'customer', id: mei});
    assert.equal(update.action, null);
    assert.equal(update.status, 'new');
    const [comment] = fake.comments().filter((c) => c.ParentId === id);
    assert.equal(comment!.CommentBody, 'Any news?', 'the reply is the text, nothing added');
    assert.equal(comment!.IsPublished, true);
    assert.equal(comment!.CreatedById, fakeApiUserId, 'written as the API user');
    assert.equal(update.id, `cc-${comment!.Id}`);
    assert.deepEqual((await list(adapter)).items[0], update, 'listed first, as create answered');
  });

  it('writes staff replies with their role and id, which the thread field keeps', async () => {
    const adapter = await start();
    const id = await caseOf(adapter);
    const update = await reply(adapter, {
      complaintId: id,
      customerId: mei,
      body: 'On it.',
      author: agent,
    });
    assert.deepEqual(update.author, agent);
    const [comment] = fake.comments().filter((c) => c.ParentId === id);
    assert.equal(String(comment!.CommentBody).includes('agent'), false, 'no role in the comment');
    const thread = JSON.parse(String(fake.cases.get(id)!.Rapport_Thread__c)) as {r: string}[];
    assert.equal(thread[0]!.r, 'agent');
    assert.deepEqual((await list(adapter)).items[0], update);
  });

  it('maps actions to Case Status through option statuses, and to the nearest Status without one', async () => {
    const adapter = await start();
    const id = await caseOf(adapter);
    const steps = [
      ['acknowledge', 'Working', 'in_progress'],
      ['resolve', 'Closed', 'closed'],
    ] as const;
    for (const [action, status, reads] of steps) {
      const update = await reply(adapter, {
        complaintId: id,
        customerId: mei,
        action,
        ...(action === 'resolve' && {resolution: 'A new lid is in the post.'}),
        author: agent,
      });
      assert.equal(fake.cases.get(id)!.Status, status, `${action} sets Status ${status}`);
      assert.equal(update.status, reads, 'the thread says what the Case reads as');
      const complaint = (await adapter.resources.complaints!.list(mei)).items.find(
        (c) => c.id === id,
      );
      assert.equal(complaint!.status, reads);
    }
    const thread = (await list(adapter)).items.filter((u) => u.complaintId === id);
    assert.deepEqual(
      thread.map((u) => [u.action, u.status, u.body]),
      [
        ['resolve', 'closed', 'A new lid is in the post.'],
        ['acknowledge', 'in_progress', null],
      ],
      'the resolution is a published comment; an action alone is a line of its own',
    );
  });

  it('with a Status for every complaint status, each action reads back as core moves it', async () => {
    const adapter = await start({
      statuses: {New: 'new', Escalated: 'acknowledged', Working: 'in_progress', Closed: 'resolved'},
    });
    const id = await caseOf(adapter);
    const steps: [
      ComplaintUpdateInput['action'],
      ComplaintUpdateInput['author'],
      string,
      string,
    ][] = [
      ['acknowledge', agent, 'Escalated', 'acknowledged'],
      ['start', agent, 'Working', 'in_progress'],
      ['resolve', agent, 'Closed', 'resolved'],
      ['reopen', undefined, 'Working', 'in_progress'],
    ];
    for (const [action, author, status, reads] of steps) {
      const update = await reply(adapter, {
        complaintId: id,
        customerId: mei,
        action: action!,
        ...(action === 'resolve' && {resolution: 'Replaced.'}),
        ...(author && {author}),
      });
      assert.equal(fake.cases.get(id)!.Status, status);
      assert.equal(update.status, reads);
    }
    const reopened = (await list(adapter)).items[0]!;
    assert.deepEqual(reopened.author, {kind: 'customer', role: 'customer', id: mei});
    // No Status means closed here: a close cannot be written, and nothing is sent.
    await reply(adapter, {
      complaintId: id,
      customerId: mei,
      action: 'resolve',
      resolution: 'Done.',
      author: agent,
    });
    const before = writes();
    const error = await rejects(
      reply(adapter, {complaintId: id, customerId: mei, action: 'close', author: supervisor}),
      'unsupported',
    );
    assert.equal(error.details.option, 'statuses');
    assert.equal(writes(), before);
  });

  it('refuses an invalid transition, or an action the role may not take, before Salesforce sees it', async () => {
    const adapter = await start();
    const id = await caseOf(adapter);
    const before = writes();
    const closed = await rejects(
      reply(adapter, {complaintId: id, customerId: mei, action: 'close', author: supervisor}),
      'invalid_transition',
    );
    assert.match(closed.message, /is new: it cannot close/);
    const forbidden = await rejects(
      reply(adapter, {complaintId: id, customerId: mei, action: 'resolve', resolution: 'Done.'}),
      'forbidden',
    );
    assert.equal(forbidden.details.reason, 'action_not_allowed');
    await rejects(
      reply(adapter, {complaintId: id, customerId: mei, action: 'resolve', author: agent}),
      'invalid_input',
    );
    assert.equal(writes(), before, 'nothing was written');
    assert.equal(fake.cases.get(id)!.Status, 'New');
  });

  it('answers not_found naming complaintId for an unknown Case and for another customer’s', async () => {
    const adapter = await start();
    const theirs = await caseOf(adapter, tunde);
    for (const complaintId of ['500FK0000009999AAA', 'nope', '003FK0000000001YAA', theirs]) {
      const error = await rejects(
        reply(adapter, {complaintId, customerId: mei, body: 'Hello?'}),
        'not_found',
      );
      assert.equal(error.details.complaintId, complaintId);
      assert.ok(error.message.includes(JSON.stringify(complaintId)), error.message);
    }
    assert.equal(writes(), 0);
    await rejects(adapter.resources.complaintUpdates!.list('003FK0000000099YAA'), 'not_found');
  });

  it('lists the public thread of every Case newest first, without internal comments, in pages', async () => {
    const adapter = await start();
    const first = await caseOf(adapter, mei, 'First');
    const second = await caseOf(adapter, mei, 'Second');
    await caseOf(adapter, tunde, 'Not theirs');
    const written: ComplaintUpdate[] = [];
    written.push(await reply(adapter, {complaintId: first, customerId: mei, body: 'One'}));
    written.push(await reply(adapter, {complaintId: second, customerId: mei, body: 'Two'}));
    written.push(
      await reply(adapter, {complaintId: second, customerId: mei, action: 'start', author: agent}),
    );
    fake.insert('CaseComment', {
      Id: '00aFK0000000500AAA',
      ParentId: first,
      CommentBody: 'Written in Salesforce',
      IsPublished: true,
      CreatedById: fakeAgentUserId,
      CreatedDate: new Date(Date.now() + 60_000).toISOString().replace(/\.\d{3}Z$/, '.000+0000'),
    });
    fake.insert('CaseComment', {
      Id: '00aFK0000000501AAA',
      ParentId: first,
      CommentBody: 'Internal: check the warehouse',
      IsPublished: false,
      CreatedById: fakeAgentUserId,
      CreatedDate: new Date().toISOString().replace(/\.\d{3}Z$/, '.000+0000'),
    });
    const all = (await list(adapter)).items;
    assert.ok(!all.some((u) => u.body?.startsWith('Internal')), 'internal comments are not listed');
    assert.ok(
      !all.some((u) => u.body === 'Customer called twice; escalate if late'),
      "the seeded internal comment is not listed either (it is Tunde's Case anyway)",
    );
    const agentLine = all[0]!;
    assert.equal(agentLine.body, 'Written in Salesforce');
    assert.deepEqual(agentLine.author, {kind: 'staff', role: 'agent', id: fakeAgentUserId});
    assert.equal(agentLine.action, null);
    const times = all.map((u) => Date.parse(u.at));
    assert.deepEqual(
      [...times].sort((a, b) => b - a),
      times,
      'newest first',
    );
    for (const update of written)
      assert.deepEqual(
        all.find((u) => u.id === update.id),
        update,
        'create answered what is listed',
      );
    assert.ok(all.every((u) => u.customerId === mei));

    const walked: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await adapter.resources.complaintUpdates!.list(mei, {
        limit: 2,
        ...(cursor && {cursor}),
      });
      assert.ok(page.items.length <= 2);
      walked.push(...page.items.map((u) => u.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    assert.deepEqual(
      walked,
      all.map((u) => u.id),
      'pages of 2 are the page of 100',
    );
    assert.ok((await list(adapter, tunde)).items.every((u) => u.customerId === tunde));
    await rejects(
      adapter.resources.complaintUpdates!.list(mei, {cursor: 'nonsense'}),
      'invalid_input',
    );
  });

  it('writes a reply once when the answer is lost, and refuses the key with other input', async () => {
    const adapter = await start();
    const id = await caseOf(adapter);
    const input = {complaintId: id, customerId: mei, body: 'Where is the lid?'};
    const options = {idempotencyKey: 'lost-answer'};
    for (const endpoint of ['POST /sobjects/CaseComment', 'PATCH /sobjects/Case/:id']) {
      fake.setFaults({rate: 1, kinds: ['server_error_after_write'], endpoints: [endpoint]});
      await rejects(adapter.resources.complaintUpdates!.create(input, options), 'unavailable');
    }
    fake.setFaults(null);
    const again = await adapter.resources.complaintUpdates!.create(input, options);
    assert.equal(fake.comments().filter((c) => c.ParentId === id).length, 1, 'one comment');
    assert.deepEqual(
      (await list(adapter)).items.filter((u) => u.complaintId === id),
      [again],
    );
    const conflict = await rejects(
      adapter.resources.complaintUpdates!.create({...input, body: 'Other'}, options),
      'conflict',
    );
    assert.match(conflict.message, /lost-answer/);
  });

  it('two adapters racing with one key write once: the conditional PATCH lets one claim it', async () => {
    const one = await start();
    const two = await start();
    const id = await caseOf(one);
    const input = {complaintId: id, customerId: mei, body: 'Racing'};
    const outcomes = await Promise.allSettled([
      one.resources.complaintUpdates!.create(input, {idempotencyKey: 'race'}),
      two.resources.complaintUpdates!.create(input, {idempotencyKey: 'race'}),
      one.resources.complaintUpdates!.create(input, {idempotencyKey: 'race'}),
    ]);
    const done = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
    assert.ok(done.length >= 1);
    for (const o of outcomes)
      if (o.status === 'rejected')
        assert.ok(isRapportError(o.reason) && o.reason.retryable, String(o.reason));
    // Once the first attempt is done, a retry from anywhere answers what it wrote.
    const retried = await two.resources.complaintUpdates!.create(input, {idempotencyKey: 'race'});
    for (const update of done) assert.deepEqual(update, retried);
    assert.equal(fake.comments().filter((c) => c.ParentId === id).length, 1, 'one comment');
  });

  it('is exactly once under 30% injected faults, each reply retried with its key until it succeeds', async () => {
    const adapter = await start();
    const id = await caseOf(adapter);
    let state = 11;
    const random = () => (state = (state * 48271) % 2147483647) / 2147483647;
    fake.setFaults({
      rate: 0.3,
      kinds: ['server_error', 'unavailable', 'concurrent_limit', 'server_error_after_write'],
      random,
    });
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
          // An attempt makes up to six requests, each failing 3 times in 10: a long run of failed
          // attempts is rare, not impossible. The bound only stops a stuck loop.
          assert.ok(attempt < 500, `gives up after 500 attempts: ${String(error)}`);
        }
      }
    }
    fake.setFaults(null);
    const comments = fake.comments().filter((c) => c.ParentId === id);
    assert.equal(comments.length, total, 'one comment per reply');
    assert.equal(new Set(comments.map((c) => c.CommentBody)).size, total);
    const thread = (await list(adapter)).items.filter((u) => u.complaintId === id);
    assert.equal(thread.length, total);
    assert.ok(
      thread.every((u) => u.author.kind === 'customer'),
      'every reply kept its author',
    );
    assert.ok(fake.faulted.server_error_after_write > 0, JSON.stringify(fake.faulted));
  });

  it('honours an aborted signal and writes nothing', async () => {
    const adapter = await start();
    const id = await caseOf(adapter);
    await assert.rejects(
      reply(adapter, {complaintId: id, customerId: mei, body: 'x'}, {signal: AbortSignal.abort()}),
      {name: 'AbortError'},
    );
    assert.equal(writes(), 0);
  });

  it('without the thread field, warns and serves no complaint updates (unsupported)', async () => {
    fake = fakeSalesforce({withoutCaseFields: ['Rapport_Thread__c']});
    const warnings: string[] = [];
    const adapter = await start({onWarning: (message) => warnings.push(message)});
    assert.equal(adapter.resources.complaintUpdates, undefined);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /Rapport_Thread__c.*complaint updates are not served/);
    await assert.rejects(
      start({caseThreadField: 'Missing__c'}),
      /option caseThreadField: Case has no field "Missing__c"/,
    );
    const off = await start({caseThreadField: null, onWarning: () => assert.fail('no warning')});
    assert.equal(off.resources.complaintUpdates, undefined);
  });
});
