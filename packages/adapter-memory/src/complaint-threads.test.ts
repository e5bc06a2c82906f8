import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
  memoryAdapter,
  type MemoryAdapter,
  type MemoryAdapterOptions,
} from '@rapport/adapter-memory';
import {
  complaintTransitions,
  defaultComplaintPolicy,
  isRapportError,
  type Complaint,
  type ComplaintUpdateInput,
  type ErrorCode,
  type SurveyAnswerInput,
} from '@rapport/core';

const asOf = new Date('2026-11-01T00:00:00Z');
const DAY = 86_400_000;

/** A small backend with a clock the test moves: it starts at `asOf` and ticks a second a call. */
function backend(options: MemoryAdapterOptions = {}): {
  adapter: MemoryAdapter;
  skip(ms: number): void;
} {
  let t = asOf.getTime();
  const adapter = memoryAdapter({asOf, size: 30, now: () => (t += 1000), ...options});
  return {adapter, skip: (ms) => (t += ms)};
}

let keys = 0;
const update = (adapter: MemoryAdapter, input: ComplaintUpdateInput, key = `u${++keys}`) =>
  adapter.resources.complaintUpdates!.create(input, {idempotencyKey: key});
const answer = (adapter: MemoryAdapter, input: SurveyAnswerInput, key = `s${++keys}`) =>
  adapter.resources.surveyAnswers!.create(input, {idempotencyKey: key});
const complaint = async (adapter: MemoryAdapter, customerId: string, id: string) =>
  (await adapter.resources.complaints!.list(customerId, {limit: 100})).items.find(
    (c) => c.id === id,
  )!;
const agent = {kind: 'staff', role: 'agent', id: 'agent-sam'} as const;
const supervisor = {kind: 'staff', role: 'supervisor', id: 'agent-ana'} as const;

async function refused(
  promise: Promise<unknown>,
  code: ErrorCode,
  message: RegExp,
  details: Record<string, unknown> = {},
): Promise<void> {
  await assert.rejects(promise, (e) => {
    assert.ok(isRapportError(e, code), `expected ${code}, got ${String(e)}`);
    assert.match(e.message, message);
    for (const [k, v] of Object.entries(details)) assert.deepEqual(e.details[k], v, `details.${k}`);
    return true;
  });
}

describe('complaint threads', () => {
  it('seeds each complaint’s public thread to match its history and status', () => {
    const {adapter} = backend();
    const {complaints, complaintUpdates} = adapter.data;
    for (const c of complaints) {
      const thread = complaintUpdates
        .filter((u) => u.complaintId === c.id)
        .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
      const actions = thread.filter((u) => u.action !== null);
      assert.equal(actions.length, c.history.length, `${c.id}: one update per step`);
      actions.forEach((u, i) => {
        const step = c.history[i]!;
        assert.equal(complaintTransitions[step.from][u.action!], step.to, `${c.id} step ${i}`);
        assert.equal(u.status, step.to);
        assert.equal(u.at, step.at);
        assert.ok(
          defaultComplaintPolicy.actions[u.author.role]!.includes(u.action!),
          `${c.id}: the ${u.author.role} role may ${u.action}`,
        );
      });
      assert.equal(
        thread.at(-1)?.status ?? 'new',
        c.status,
        `${c.id}: the thread ends at its status`,
      );
      assert.ok(thread.every((u) => Date.parse(u.at) <= Date.parse(c.updatedAt)));
    }
    const resolved = complaints.find((c) => c.status === 'resolved')!;
    const thread = complaintUpdates.filter((u) => u.complaintId === resolved.id);
    assert.ok(thread.some((u) => u.action === 'resolve' && u.body));
    assert.ok(complaintUpdates.some((u) => u.author.kind === 'customer' && u.action === null));
  });

  it('lists a customer’s thread newest first, across their complaints', async () => {
    const {adapter} = backend();
    const page = await adapter.resources.complaintUpdates!.list('c-005', {limit: 100});
    assert.ok(page.items.length >= 3);
    assert.ok(new Set(page.items.map((u) => u.complaintId)).size > 1);
    for (let i = 1; i < page.items.length; i++)
      assert.ok(Date.parse(page.items[i - 1]!.at) >= Date.parse(page.items[i]!.at));
    assert.ok(page.items.every((u) => u.customerId === 'c-005'));
  });

  it('adds a customer’s reply at the top of the thread and keeps the status', async () => {
    const {adapter} = backend();
    const reply = await update(adapter, {
      complaintId: 'k-0010',
      customerId: 'c-007',
      body: '  Any news?  ',
    });
    assert.deepEqual(
      {body: reply.body, action: reply.action, status: reply.status, author: reply.author},
      {
        body: 'Any news?',
        action: null,
        status: 'in_progress',
        author: {kind: 'customer', role: 'customer', id: 'c-007'},
      },
    );
    assert.deepEqual((await adapter.resources.complaintUpdates!.list('c-007', {limit: 1})).items, [
      reply,
    ]);
    assert.equal((await complaint(adapter, 'c-007', 'k-0010')).updatedAt, reply.at);
  });

  it('lets an agent move a complaint along, the customer reopen it, and a supervisor close it', async () => {
    const {adapter} = backend();
    const first = await update(adapter, {
      complaintId: 'k-0014',
      customerId: 'c-008',
      body: 'We are on it.',
      author: agent,
    });
    assert.equal(first.status, 'new');
    assert.equal(
      (await complaint(adapter, 'c-008', 'k-0014')).firstResponseAt,
      first.at,
      'a first public reply is the first response',
    );
    await update(adapter, {
      complaintId: 'k-0014',
      customerId: 'c-008',
      action: 'start',
      author: agent,
    });
    const resolved = await update(adapter, {
      complaintId: 'k-0014',
      customerId: 'c-008',
      action: 'resolve',
      resolution: 'Replaced the tin.',
      author: agent,
    });
    assert.equal(resolved.status, 'resolved');
    const now = await complaint(adapter, 'c-008', 'k-0014');
    assert.equal(now.resolution, 'Replaced the tin.');
    assert.equal(adapter.data.complaints.find((c) => c.id === 'k-0014')!.status, 'resolved');
    const reopened = await update(adapter, {
      complaintId: 'k-0014',
      customerId: 'c-008',
      action: 'reopen',
      body: 'It is dented too.',
    });
    assert.equal(reopened.status, 'in_progress');
    await update(adapter, {
      complaintId: 'k-0014',
      customerId: 'c-008',
      action: 'resolve',
      body: 'Refunded.',
      author: agent,
    });
    const closed = await update(adapter, {
      complaintId: 'k-0014',
      customerId: 'c-008',
      action: 'close',
      author: supervisor,
    });
    assert.equal(closed.status, 'closed');
    assert.deepEqual(
      (await complaint(adapter, 'c-008', 'k-0014')).history.map((h) => h.to),
      ['in_progress', 'resolved', 'in_progress', 'resolved', 'closed'],
    );
  });

  it('refuses what the role may not do, a reopen past the window, a wrong transition and a stranger’s complaint', async () => {
    const {adapter, skip} = backend();
    const input = {complaintId: 'k-0014', customerId: 'c-008'} as const;
    await refused(
      update(adapter, {...input, action: 'resolve', body: 'Sorted myself.'}),
      'forbidden',
      /^The customer role may not resolve a complaint \(it may: reopen\)$/,
      {reason: 'action_not_allowed', role: 'customer', action: 'resolve'},
    );
    await refused(
      update(adapter, {...input, action: 'close', author: agent}),
      'forbidden',
      /^The agent role may not close a complaint/,
      {reason: 'action_not_allowed'},
    );
    await refused(
      update(adapter, {...input, action: 'start', author: {kind: 'staff', role: 'visitor'}}),
      'forbidden',
      /^The visitor role may not start a complaint \(it may only reply\)$/,
    );
    await refused(
      update(adapter, {...input, action: 'reopen', author: agent}),
      'invalid_transition',
      /is new: it cannot reopen \(allowed: acknowledge, start, resolve, reject\)$/,
    );
    await refused(
      update(adapter, {...input, action: 'resolve', author: agent}),
      'invalid_input',
      /resolution: is required to resolve a complaint/,
    );
    await refused(
      update(adapter, {complaintId: 'k-0001', customerId: 'c-008', body: 'Hello'}),
      'not_found',
      /^No complaint "k-0001" of customer "c-008" \(complaintId\)$/,
      {complaintId: 'k-0001'},
    );
    await refused(
      update(adapter, {complaintId: 'k-0014', customerId: 'c-008'} as never),
      'invalid_input',
      /body is required/,
    );

    // k-0013 was resolved in May: long past the 14 days in which its customer may reopen it.
    await refused(
      update(adapter, {complaintId: 'k-0013', customerId: 'c-008', action: 'reopen'}),
      'forbidden',
      /was resolved more than 14 days ago: it can no longer be reopened by the customer$/,
      {reason: 'reopen_window_passed'},
    );
    await update(adapter, {...input, action: 'resolve', body: 'Done.', author: agent});
    skip(15 * DAY);
    await refused(
      update(adapter, {...input, action: 'reopen'}),
      'forbidden',
      /no longer be reopened/,
    );
    assert.equal((await complaint(adapter, 'c-008', 'k-0014')).status, 'resolved');
  });

  it('takes a complaint policy of the business’s own', async () => {
    const {adapter} = backend({
      complaintPolicy: {actions: {customer: ['reopen', 'close']}, reopenWithinDays: 1},
    });
    const closed = await update(adapter, {
      complaintId: 'k-0013',
      customerId: 'c-008',
      action: 'close',
    });
    assert.equal(closed.status, 'closed');
    await refused(
      update(adapter, {complaintId: 'k-0014', customerId: 'c-008', action: 'start', author: agent}),
      'forbidden',
      /The agent role may not start a complaint \(it may only reply\)/,
    );
  });
});

describe('survey answers', () => {
  const resolvedOf = (complaints: readonly Complaint[], answered: Set<string>) =>
    complaints.find((c) => c.resolvedAt !== undefined && !answered.has(c.id))!;

  it('records a satisfaction answer about a complaint and a standalone NPS answer, newest first', async () => {
    const {adapter} = backend();
    const nps = await answer(adapter, {customerId: 'c-008', kind: 'nps', score: 9});
    const csat = await answer(adapter, {
      customerId: 'c-008',
      complaintId: 'k-0013',
      kind: 'csat',
      score: 4,
      comment: '  Good in the end.  ',
    });
    assert.deepEqual(
      {complaintId: csat.complaintId, kind: csat.kind, score: csat.score, comment: csat.comment},
      {complaintId: 'k-0013', kind: 'csat', score: 4, comment: 'Good in the end.'},
    );
    assert.equal(nps.complaintId, null);
    assert.equal(nps.comment, undefined);
    assert.deepEqual((await adapter.resources.surveyAnswers!.list('c-008')).items, [csat, nps]);
  });

  it('takes one answer per customer per complaint: another key is refused, the same key replays', async () => {
    const {adapter} = backend();
    const answered = new Set(adapter.data.surveyAnswers.map((a) => a.complaintId ?? ''));
    const target = resolvedOf(adapter.data.complaints, answered);
    const input = {
      customerId: target.customerId!,
      complaintId: target.id,
      kind: 'csat',
      score: 5,
    } as const;
    const first = await answer(adapter, input, 'once');
    assert.deepEqual(await answer(adapter, input, 'once'), first);
    await refused(
      answer(adapter, {...input, score: 1}, 'twice'),
      'conflict',
      new RegExp(
        `^Customer ${target.customerId} has already answered the survey about complaint ${target.reference}: one answer per complaint$`,
      ),
      {reason: 'already_answered', complaintId: target.id, answerId: first.id},
    );
    const seeded = adapter.data.surveyAnswers.find((a) => a.complaintId !== null)!;
    await refused(
      answer(adapter, {
        customerId: seeded.customerId,
        complaintId: seeded.complaintId!,
        kind: 'csat',
        score: 3,
      }),
      'conflict',
      /already answered/,
      {reason: 'already_answered', answerId: seeded.id},
    );
    // Two presses with different keys at once: one answer.
    const other = backend().adapter;
    const both = await Promise.all(
      ['a', 'b'].map((key) =>
        answer(other, input, key).then(
          () => 'ok',
          (e) => e.details.reason,
        ),
      ),
    );
    assert.deepEqual(both.sort(), ['already_answered', 'ok']);
  });

  it('refuses a bad score, an unknown customer and a complaint that is not the customer’s', async () => {
    const {adapter} = backend();
    await refused(
      answer(adapter, {customerId: 'c-008', kind: 'csat', score: 6}),
      'invalid_input',
      /score must be a whole number from 1 to 5/,
    );
    await refused(
      answer(adapter, {customerId: 'c-999', kind: 'nps', score: 6}),
      'invalid_input',
      /customerId is not a customer of this backend/,
    );
    await refused(
      answer(adapter, {customerId: 'c-008', complaintId: 'k-0001', kind: 'csat', score: 3}),
      'not_found',
      /^No complaint "k-0001" of customer "c-008" \(complaintId\)$/,
    );
    assert.equal((await adapter.resources.surveyAnswers!.list('c-008')).items.length, 0);
  });
});
