// The checks of the resources through which widgets act: redeeming rewards against the points
// ledger, the thread of a complaint with its transitions, and survey answers once per complaint.
// Their inputs are built from what the backend holds (a reward the customer can afford, one of the
// customer's complaints), unless the options give them.
import assert from 'node:assert/strict';
import {
  handlerOf,
  isRapportError,
  randomId,
  refusalOf,
  servedOperations,
  type BatchResult,
  type Catalogue,
  type ComplaintInput,
  type CrmAdapter,
  type ErrorCode,
  type Page,
} from '@rapport/core';
import {
  CheckSkipped,
  createOf,
  inputOf,
  listOf,
  passUnsupported,
  serves,
  show,
  type ConformanceContext,
  type Item,
  type PlannedCheck,
} from './kit.js';

/** The rules of redemptions, on top of the create rules. */
export const redemptionRules = ['spends-once', 'refusals', 'parallel'] as const;
/** The rules of complaint updates, on top of the create rules. */
export const complaintUpdateRules = ['thread', 'transitions', 'foreign-complaint'] as const;
/** The rules of survey answers, on top of the create rules. */
export const surveyRules = ['once-per-complaint'] as const;

/** Most presses the parallel redemption check sends at once. */
const maxPresses = 8;
/** Complaint statuses a reply or an action can still be added to. */
const openStatuses = ['new', 'acknowledged', 'in_progress', 'resolved'];

/** What the input builders may call: a fresh adapter and its catalogue. */
interface Backend {
  readonly adapter: CrmAdapter<Catalogue>;
  readonly catalogue: Catalogue;
  /** A valid complaint for the first known customer, to file one when a customer has none. */
  readonly complaint: ComplaintInput;
}

const servesOn = (backend: Backend, resource: string, operation: 'read' | 'list' | 'create') =>
  servedOperations(backend.adapter, backend.catalogue)[resource]?.includes(operation) ?? false;

async function firstPage(
  backend: Backend,
  resource: string,
  customerId: string,
): Promise<readonly Item[]> {
  const list = handlerOf(backend.adapter, resource, 'list');
  return ((await list(customerId, {limit: 100})) as Page<Item>).items;
}

/** The customer's rewards as `rewards.list` offers them. */
const rewardsOf = (backend: Backend, customerId: string) =>
  firstPage(backend, 'rewards', customerId);

/**
 * Rewards the customer can redeem now, those that can be redeemed again and again first (no limit per
 * customer, no stock running out), then the cheapest: the kit redeems a few in a row.
 */
async function affordable(backend: Backend, customerId: string): Promise<readonly Item[]> {
  const repeatable = (reward: Item) =>
    (typeof reward.limitPerCustomer !== 'number' ||
      reward.limitPerCustomer - Number(reward.redeemedCount ?? 0) >= 3) &&
    (typeof reward.stock !== 'number' || reward.stock >= 3);
  return (await rewardsOf(backend, customerId))
    .filter((reward) => reward.refusal === null)
    .sort(
      (a, b) => Number(repeatable(b)) - Number(repeatable(a)) || Number(a.cost) - Number(b.cost),
    );
}

/**
 * One of the customer's complaints, the first `prefer` accepts if any (else any the kit may add to),
 * filing one when the customer has none and the adapter takes complaints.
 */
async function complaintOf(
  backend: Backend,
  customerId: string,
  prefer: (complaint: Item) => boolean = () => true,
): Promise<Item | undefined> {
  const own = servesOn(backend, 'complaints', 'list')
    ? await firstPage(backend, 'complaints', customerId)
    : [];
  const found =
    own.find(prefer) ?? own.find((complaint) => openStatuses.includes(String(complaint.status)));
  if (found) return found;
  if (!servesOn(backend, 'complaints', 'create')) return undefined;
  const create = handlerOf(backend.adapter, 'complaints', 'create');
  return (await create(
    {...backend.complaint, customerId, subject: `${backend.complaint.subject} (for updates)`},
    {idempotencyKey: randomId()},
  )) as Item;
}

/**
 * The inputs the kit builds itself for the resources of acting widgets, for an adapter: which
 * resources it can build them for, and the builder. An input for `n` differs from the one for `n + 1`
 * where the backend's data allows.
 */
export function builtInputs(backend: Backend): {
  readonly resources: readonly string[];
  build(resource: string, customerId: string, n: number): Promise<unknown>;
} {
  const complaints = new Map<string, Promise<Item | undefined>>();
  const builders: Record<string, (customerId: string, n: number) => Promise<unknown>> = {};
  if (servesOn(backend, 'rewards', 'list'))
    builders.redemptions = async (customerId, n) => {
      const rewards = await affordable(backend, customerId);
      if (rewards.length === 0)
        throw new Error(
          `redemptions: rewards.list("${customerId}") offers no reward that customer can redeem now (every one has a refusal), so the kit cannot build a redemption; name a first known customer with points, or give inputs.redemptions in the options`,
        );
      return {customerId, rewardId: rewards[(n - 1) % rewards.length]!.id};
    };
  if (servesOn(backend, 'complaints', 'list') || servesOn(backend, 'complaints', 'create'))
    builders.complaintUpdates = async (customerId, n) => {
      if (!complaints.has(customerId)) complaints.set(customerId, complaintOf(backend, customerId));
      const complaint = await complaints.get(customerId);
      if (!complaint)
        throw new Error(
          `complaintUpdates: customer "${customerId}" has no complaint the kit can reply to, and the adapter takes no complaints; give inputs.complaintUpdates in the options`,
        );
      return {
        complaintId: complaint.id,
        customerId,
        body: `Conformance reply #${n}, written by @rapport/adapter-testkit.`,
      };
    };
  // A standalone NPS answer: one per complaint is the rule, standalone ones may repeat.
  builders.surveyAnswers = async (customerId, n) => ({
    customerId,
    kind: 'nps',
    score: n % 11,
    comment: `Conformance answer #${n}, written by @rapport/adapter-testkit.`,
  });
  return {
    resources: Object.keys(builders),
    build: (resource, customerId, n) =>
      Object.hasOwn(builders, resource)
        ? builders[resource]!(customerId, n)
        : Promise.resolve(undefined),
  };
}

/** The customer's balance, when the adapter reads loyalty accounts. */
async function balanceOf(c: ConformanceContext, customerId: string): Promise<number | undefined> {
  return (await pointsOf(c, customerId))?.balance;
}

/**
 * The customer's usable and pending points, when the adapter reads loyalty accounts. Between two
 * reads points may expire and pending ones become usable, so a balance can only be bounded: it drops
 * by at least what was spent, less what was pending before.
 */
async function pointsOf(
  c: ConformanceContext,
  customerId: string,
): Promise<{balance: number; pending: number} | undefined> {
  if (!serves(c, 'loyaltyAccounts', 'read')) return undefined;
  const read = handlerOf(c.adapter, 'loyaltyAccounts', 'read');
  const [entry] = (await read([customerId])) as BatchResult<Item>;
  const balance = entry?.record?.balance;
  const pending = entry?.record?.pending ?? 0;
  const what = `loyaltyAccounts.read("${customerId}")`;
  assert.ok(
    typeof balance === 'number' && Number.isFinite(balance),
    `${what}: record.balance must be a number, got ${show(balance)}`,
  );
  assert.ok(balance >= 0, `${what}: balance ${balance} is negative`);
  assert.ok(
    typeof pending === 'number' && pending >= 0,
    `${what}: record.pending must be a number of at least 0, got ${show(pending)}`,
  );
  return {balance, pending};
}

/** Asserts that the balance went down by at least `spent`, less the points pending before. */
function spentAtLeast(
  before: {balance: number; pending: number},
  after: number,
  spent: number,
  what: string,
): void {
  assert.ok(
    after <= before.balance - spent + before.pending,
    `${what}: the balance must drop by the ${spent} points spent (from ${before.balance}${before.pending > 0 ? `, with ${before.pending} pending` : ''}), but it is ${after}`,
  );
}

/** The ids of the customer's ledger lines, when the adapter lists them. */
async function ledgerOf(
  c: ConformanceContext,
  customerId: string,
): Promise<readonly Item[] | undefined> {
  if (!serves(c, 'pointsTransactions', 'list')) return undefined;
  return (await listOf(c, 'pointsTransactions')(customerId, {limit: 100})).items;
}

const newLines = (before: readonly Item[], after: readonly Item[]) =>
  after.filter((line) => !before.some((old) => old.id === line.id));

/** The error a promise rejects with; fails when it succeeds. */
async function rejection(promise: Promise<unknown>, what: string): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    passUnsupported(error);
    return error;
  }
  assert.fail(`${what}: must be refused, but the call succeeded`);
}

/** The code a refused redemption carries for its reason, as core's `refusedRedemption` gives it. */
const codeOfRefusal = (reason: unknown): ErrorCode =>
  reason === 'insufficient_points' ? 'insufficient_points' : 'conflict';

export function redemptionChecks(): PlannedCheck[] {
  const group = 'redemptions.create';
  const id = (rule: (typeof redemptionRules)[number]) => `redemptions.create.${rule}`;
  const needRewards = (c: ConformanceContext) => {
    if (!serves(c, 'rewards', 'list'))
      throw new CheckSkipped(
        'the adapter serves no rewards.list, so the kit cannot tell which rewards a customer may redeem',
      );
  };
  return [
    {
      id: id('spends-once'),
      group,
      title:
        'takes the points once per idempotency key: one ledger line, one coupon, the balance down by the cost and never negative',
      async run(c) {
        const customerId = c.knownCustomerIds[0]!;
        const input = (await inputOf(c, 'redemptions', customerId, 1)) as Item;
        const reward = serves(c, 'rewards', 'list')
          ? (await listOf(c, 'rewards')(customerId, {limit: 100})).items.find(
              (r) => r.id === input.rewardId,
            )
          : undefined;
        const points = await pointsOf(c, customerId);
        const ledger = await ledgerOf(c, customerId);
        const create = createOf(c, 'redemptions');
        const idempotencyKey = randomId();
        const first = await create(input, {idempotencyKey});
        const once = await balanceOf(c, customerId);
        const again = await create(structuredClone(input), {idempotencyKey});
        assert.deepEqual(
          [again.id, again.code, again.transactionId],
          [first.id, first.code, first.transactionId],
          `${group}: a retry with the same idempotencyKey must answer the first redemption (id, code, transactionId), not a second one`,
        );
        assert.equal(first.customerId, customerId, `${group}: redemption.customerId`);
        assert.equal(first.rewardId, input.rewardId, `${group}: redemption.rewardId`);
        assert.ok(
          Number.isInteger(first.points) && Number(first.points) > 0,
          `${group}: redemption.points must be a positive whole number, got ${show(first.points)}`,
        );
        if (reward)
          assert.equal(first.points, reward.cost, `${group}: redemption.points must be the cost`);
        if (first.kind === 'item')
          assert.equal(first.code, null, `${group}: an item's redemption.code must be null`);
        else
          assert.ok(
            typeof first.code === 'string' && first.code !== '',
            `${group}: redemption.code must be a coupon code for a ${show(first.kind)} reward, got ${show(first.code)}`,
          );
        if (points) {
          const what = `loyaltyAccounts.read("${customerId}")`;
          spentAtLeast(points, once!, Number(first.points), `${what} after one redemption`);
          assert.equal(
            await balanceOf(c, customerId),
            once,
            `${what}: a retry of a redemption must take no more points`,
          );
        }
        if (ledger) {
          const lines = newLines(ledger, (await ledgerOf(c, customerId))!);
          assert.equal(
            lines.length,
            1,
            `pointsTransactions.list("${customerId}"): one redemption retried must add exactly one ledger line, got ${lines.length}`,
          );
          assert.equal(
            lines[0]!.id,
            first.transactionId,
            'the new ledger line must be the redemption.transactionId',
          );
          assert.deepEqual(
            [lines[0]!.type, lines[0]!.points],
            ['redeem', first.points],
            'the new ledger line must be a redeem of the redemption.points',
          );
        }
        const listed = (await listOf(c, 'redemptions')(customerId, {limit: 100})).items;
        assert.equal(
          listed.filter((r) => r.id === first.id).length,
          1,
          `redemptions.list("${customerId}") must hold the redemption once`,
        );
      },
    },
    {
      id: id('refusals'),
      group,
      title:
        'refuses a reward the customer may not redeem with its reason in details.reason, and takes nothing',
      async run(c) {
        needRewards(c);
        let tried = 0;
        for (const customerId of c.knownCustomerIds.slice(0, 2)) {
          const rewards = (await listOf(c, 'rewards')(customerId, {limit: 100})).items;
          const byReason = new Map<unknown, Item>();
          for (const reward of rewards)
            if (reward.refusal !== null && !byReason.has(reward.refusal))
              byReason.set(reward.refusal, reward);
          for (const [reason, reward] of byReason) {
            tried++;
            const what = `${group} of ${show(reward.id)} for "${customerId}" (rewards.list says ${show(reason)})`;
            const balance = await balanceOf(c, customerId);
            const ledger = await ledgerOf(c, customerId);
            const error = await rejection(
              createOf(c, 'redemptions')(
                {customerId, rewardId: reward.id},
                {idempotencyKey: randomId()},
              ),
              what,
            );
            assert.ok(
              isRapportError(error),
              `${what}: must reject with a RapportError, got ${String(error)}`,
            );
            assert.deepEqual(
              [error.code, refusalOf(error)],
              [codeOfRefusal(reason), reason],
              `${what}: error.code and error.details.reason (${error.message})`,
            );
            assert.equal(await balanceOf(c, customerId), balance, `${what}: the balance changed`);
            if (ledger)
              assert.deepEqual(
                newLines(ledger, (await ledgerOf(c, customerId))!),
                [],
                `${what}: a refused redemption must write no ledger line`,
              );
          }
        }
        if (tried === 0)
          throw new CheckSkipped(
            `rewards.list offers the known customers (${c.knownCustomerIds.slice(0, 2).join(', ')}) no reward they cannot redeem, so there is no refusal to check`,
          );
      },
    },
    {
      id: id('parallel'),
      group,
      title:
        'presses at once with different keys, one more than the points pay for: exactly that many redeemed, the rest insufficient_points, never a negative balance',
      async run(c) {
        needRewards(c);
        if (!serves(c, 'loyaltyAccounts', 'read'))
          throw new CheckSkipped(
            'the adapter serves no loyaltyAccounts.read, so the kit cannot know how many redemptions the points pay for',
          );
        for (const customerId of c.knownCustomerIds.slice(0, 2)) {
          const points = (await pointsOf(c, customerId))!;
          const balance = points.balance;
          // A reward whose limit is the points alone: the limit per customer and the stock allow
          // more redemptions than the balance pays for.
          const candidates = (await listOf(c, 'rewards')(customerId, {limit: 100})).items
            .filter((reward) => reward.refusal === null && Number(reward.cost) > 0)
            .map((reward) => {
              const paid = Math.floor(balance / Number(reward.cost));
              const limit =
                typeof reward.limitPerCustomer === 'number'
                  ? reward.limitPerCustomer - Number(reward.redeemedCount ?? 0)
                  : Infinity;
              const stock = typeof reward.stock === 'number' ? reward.stock : Infinity;
              return {reward, paid, others: Math.min(limit, stock)};
            })
            .filter(({paid, others}) => paid >= 1 && paid < others && paid + 1 <= maxPresses)
            .sort((a, b) => a.paid - b.paid);
          const chosen = candidates[0];
          if (!chosen) continue;
          const {reward, paid} = chosen;
          const ledger = await ledgerOf(c, customerId);
          const create = createOf(c, 'redemptions');
          const outcomes = await Promise.allSettled(
            Array.from({length: paid + 1}, () =>
              create({customerId, rewardId: reward.id}, {idempotencyKey: randomId()}),
            ),
          );
          const what = `${paid + 1} presses at once on ${show(reward.id)} (cost ${show(reward.cost)}) for "${customerId}", whose balance ${balance} pays for ${paid}`;
          const redeemed = outcomes.filter((o) => o.status === 'fulfilled');
          // Exactly `paid` with a still clock; fewer only where points expired in between.
          assert.ok(
            redeemed.length >= 1 && redeemed.length <= paid,
            `${what}: ${redeemed.length} were redeemed`,
          );
          for (const outcome of outcomes)
            if (outcome.status === 'rejected')
              assert.ok(
                isRapportError(outcome.reason, 'insufficient_points') &&
                  refusalOf(outcome.reason) === 'insufficient_points',
                `${what}: a press the points do not pay for must be refused with insufficient_points, got ${outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason)}`,
              );
          const codes = redeemed
            .map((o) => (o as PromiseFulfilledResult<Item>).value.code)
            .filter((code) => code !== null);
          assert.equal(
            new Set(codes).size,
            codes.length,
            `${what}: each redemption must have its own code`,
          );
          spentAtLeast(
            points,
            (await balanceOf(c, customerId))!,
            redeemed.length * Number(reward.cost),
            what,
          );
          if (ledger)
            assert.equal(
              newLines(ledger, (await ledgerOf(c, customerId))!).length,
              redeemed.length,
              `${what}: one ledger line per redemption made`,
            );
          return;
        }
        throw new CheckSkipped(
          `no known customer (${c.knownCustomerIds.slice(0, 2).join(', ')}) has a reward whose cost leaves the balance short after at most ${maxPresses - 1} redemptions, with no per-customer limit or stock stopping it first`,
        );
      },
    },
  ];
}

/** A new complaint of the customer's (status `new`), or an existing one still `new`. */
async function newComplaint(c: ConformanceContext, customerId: string): Promise<Item> {
  if (serves(c, 'complaints', 'create'))
    return createOf(c, 'complaints')(
      {...c.complaint, customerId, subject: `${c.complaint.subject} (transitions)`},
      {idempotencyKey: randomId()},
    );
  const found = serves(c, 'complaints', 'list')
    ? (await listOf(c, 'complaints')(customerId, {limit: 100})).items.find(
        (complaint) => complaint.status === 'new',
      )
    : undefined;
  if (!found)
    throw new CheckSkipped(
      `customer "${customerId}" has no complaint with status "new" and the adapter takes no complaints, so no transition can be tried`,
    );
  return found;
}

export function complaintUpdateChecks(): PlannedCheck[] {
  const group = 'complaintUpdates.create';
  const id = (rule: (typeof complaintUpdateRules)[number]) => `complaintUpdates.create.${rule}`;
  const thread = (c: ConformanceContext, customerId: string) =>
    listOf(c, 'complaintUpdates')(customerId, {limit: 100});
  return [
    {
      id: id('thread'),
      group,
      title:
        "adds a reply to the complaint's thread, first in the customer's list, with its author and the complaint's status",
      async run(c) {
        const customerId = c.knownCustomerIds[0]!;
        const input = (await inputOf(c, 'complaintUpdates', customerId, 1)) as Item;
        const update = await createOf(c, 'complaintUpdates')(input, {idempotencyKey: randomId()});
        const field = (name: string) => `${group}: update.${name}`;
        assert.equal(update.complaintId, input.complaintId, `${field('complaintId')}`);
        assert.equal(update.customerId, customerId, `${field('customerId')}`);
        if (typeof input.body === 'string')
          assert.equal(update.body, input.body.trim(), `${field('body')} must be the reply`);
        const author = update.author as Item | undefined;
        assert.ok(
          (author?.kind === 'customer' || author?.kind === 'staff') &&
            typeof author.role === 'string',
          `${field('author')} must be {kind: "customer" | "staff", role}, got ${show(author)}`,
        );
        assert.ok(
          typeof update.status === 'string' && update.status !== '',
          `${field('status')} must be the complaint's status`,
        );
        assert.ok(!Number.isNaN(Date.parse(String(update.at))), `${field('at')} must be a date`);
        const listed = await thread(c, customerId);
        assert.equal(
          listed.items[0]?.id,
          update.id,
          `complaintUpdates.list("${customerId}"): items[0].id must be the new update's`,
        );
      },
    },
    {
      id: id('transitions'),
      group,
      title:
        'moves a complaint through its life cycle (acknowledge a new one) and refuses a step its status does not allow with invalid_transition',
      async run(c) {
        const customerId = c.knownCustomerIds[0]!;
        const complaint = await newComplaint(c, customerId);
        const create = createOf(c, 'complaintUpdates');
        const base = {complaintId: complaint.id, customerId};
        await rejectsWithCode(
          create({...base, action: 'reopen'}, {idempotencyKey: randomId()}),
          ['invalid_transition'],
          `${group} reopening a complaint that is new`,
        );
        const update = await create(
          {...base, action: 'acknowledge', author: {kind: 'staff', role: 'agent', id: 'kit'}},
          {idempotencyKey: randomId()},
        );
        assert.deepEqual(
          [update.action, update.status],
          ['acknowledge', 'acknowledged'],
          `${group}: update.action and update.status after acknowledging a new complaint`,
        );
        if (serves(c, 'complaints', 'list')) {
          const listed = (await listOf(c, 'complaints')(customerId, {limit: 100})).items.find(
            (k) => k.id === complaint.id,
          );
          assert.equal(
            listed?.status,
            'acknowledged',
            `complaints.list("${customerId}"): the complaint's status must follow its update`,
          );
        }
      },
    },
    {
      id: id('foreign-complaint'),
      group,
      title:
        "refuses an update naming another customer's complaint (forbidden, not_found or invalid_input) and adds it to no thread",
      async run(c) {
        const [mine, theirs] = c.knownCustomerIds as [string, string];
        const backend = {adapter: c.adapter, catalogue: c.catalogue, complaint: c.complaint};
        const other = await complaintOf(backend, theirs);
        if (!other)
          throw new CheckSkipped(
            `customer "${theirs}" has no complaint and the adapter takes none, so there is no other customer's complaint to name`,
          );
        const before = [(await thread(c, mine)).items, (await thread(c, theirs)).items];
        await rejectsWithCode(
          createOf(c, 'complaintUpdates')(
            {complaintId: other.id, customerId: mine, body: 'Written on a complaint not mine.'},
            {idempotencyKey: randomId()},
          ),
          ['forbidden', 'not_found', 'invalid_input'],
          `${group} by "${mine}" on complaint ${show(other.id)} of "${theirs}"`,
        );
        const after = [(await thread(c, mine)).items, (await thread(c, theirs)).items];
        assert.deepEqual(
          after.map((items, i) => newLines(before[i]!, items).length),
          [0, 0],
          'a refused update must be added to neither thread',
        );
      },
    },
  ];
}

export function surveyChecks(): PlannedCheck[] {
  const group = 'surveyAnswers.create';
  const id = (rule: (typeof surveyRules)[number]) => `surveyAnswers.create.${rule}`;
  return [
    {
      id: id('once-per-complaint'),
      group,
      title:
        'takes one answer per customer per complaint: a retry answers the same, a second answer is conflict',
      async run(c) {
        const customerId = c.knownCustomerIds[0]!;
        const backend = {adapter: c.adapter, catalogue: c.catalogue, complaint: c.complaint};
        // A resolved complaint is the one a survey asks about; an adapter may refuse others.
        const complaint = await complaintOf(backend, customerId, (k) =>
          ['resolved', 'closed'].includes(String(k.status)),
        );
        if (!complaint)
          throw new CheckSkipped(
            `customer "${customerId}" has no complaint and the adapter takes none, so there is no complaint to answer a survey about`,
          );
        const create = createOf(c, 'surveyAnswers');
        const input = {customerId, complaintId: complaint.id, kind: 'csat', score: 4};
        const idempotencyKey = randomId();
        const first = await create(input, {idempotencyKey});
        const again = await create({...input}, {idempotencyKey});
        assert.equal(again.id, first.id, `${group}: a retry must answer the first answer`);
        assert.deepEqual(
          [first.customerId, first.complaintId, first.kind, first.score],
          [customerId, complaint.id, 'csat', 4],
          `${group}: answer.customerId, complaintId, kind and score must be the input's`,
        );
        await rejectsWithCode(
          create({...input, score: 5}, {idempotencyKey: randomId()}),
          ['conflict'],
          `${group}: a second answer about complaint ${show(complaint.id)}`,
        );
        const listed = (await listOf(c, 'surveyAnswers')(customerId, {limit: 100})).items;
        assert.equal(
          listed.filter((a) => a.complaintId === complaint.id).length,
          1,
          `surveyAnswers.list("${customerId}") must hold one answer about complaint ${show(complaint.id)}`,
        );
      },
    },
  ];
}

/** Asserts that `promise` rejects with a RapportError of one of `codes`. */
async function rejectsWithCode(
  promise: Promise<unknown>,
  codes: readonly ErrorCode[],
  what: string,
): Promise<void> {
  const error = await rejection(promise, what);
  assert.ok(
    isRapportError(error) && codes.includes(error.code),
    `${what}: must be refused with ${codes.map((code) => `"${code}"`).join(' or ')}, got ${isRapportError(error) ? `"${error.code}" (${error.message})` : String(error)}`,
  );
}
