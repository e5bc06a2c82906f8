// The checks of acting widgets' resources, against a small loyalty club written with core's rules
// (redeemReward, applyComplaintUpdate): the honest club passes, and each way of breaking the
// contract a widget relies on (two coupons for one press, a race that spends points twice, a reply
// on a stranger's complaint, a second survey answer) is caught by the check that names it.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {adapterCheckIds, checkAdapter, type CheckResult} from '@rapport/adapter-testkit';
import {
  applyComplaintUpdate,
  catalogue as rapport,
  invalidInput,
  memoryIdempotencyStore,
  offerRewards,
  RapportError,
  redeemReward,
  validateCustomerId,
  validateEntity,
  validateKeys,
  validatePage,
  withIdempotency,
  type Complaint,
  type ComplaintUpdate,
  type CrmAdapter,
  type PageRequest,
  type PointsTransaction,
  type Redemption,
  type RewardDefinition,
  type SurveyAnswer,
} from '@rapport/core';

// Complaints are listed only here: the kit's complaint checks are not what this file is about.
const club = {
  customers: rapport.customers,
  loyaltyAccounts: rapport.loyaltyAccounts,
  complaints: {...rapport.complaints, operations: ['list']},
  pointsTransactions: rapport.pointsTransactions,
  rewards: rapport.rewards,
  redemptions: rapport.redemptions,
  complaintUpdates: rapport.complaintUpdates,
  surveyAnswers: rapport.surveyAnswers,
} as const;
type Club = typeof club;

const program = {
  tiers: [
    {id: 'silver', name: {en: 'Silver'}, threshold: 0},
    {id: 'gold', name: {en: 'Gold'}, threshold: 1000},
  ],
};
const rewardDefinitions: RewardDefinition[] = [
  {id: 'coffee', name: {en: 'Coffee'}, cost: 100, kind: 'coupon'},
  {id: 'cake', name: {en: 'Cake'}, cost: 150, kind: 'item', limitPerCustomer: 5},
  {id: 'hamper', name: {en: 'Hamper'}, cost: 300, kind: 'coupon'},
  {id: 'lounge', name: {en: 'Lounge'}, cost: 300, kind: 'item', minimumTierId: 'gold'},
  {id: 'weekend', name: {en: 'Weekend away'}, cost: 5000, kind: 'coupon'},
  {id: 'mug', name: {en: 'Mug'}, cost: 50, kind: 'item', stock: 0},
];

interface Breakage {
  /** No idempotency: every retry redeems again. */
  readonly forgetful?: boolean;
  /** Checks the balance, waits, then writes: two presses at once both pass the check. */
  readonly racy?: boolean;
  /** Takes an update on any complaint, whoever's. */
  readonly anyComplaint?: boolean;
  /** Takes any number of answers about one complaint. */
  readonly repeatSurveys?: boolean;
  /** Leaves the ledger out of a redemption. */
  readonly noLedgerLine?: boolean;
}

function clubAdapter(breakage: Breakage = {}): CrmAdapter<Club> {
  let clock = Date.parse('2026-11-01T09:00:00Z');
  const tick = () => new Date((clock += 60_000)).toISOString();
  const customers = ['u-1', 'u-2'];
  const ledger: PointsTransaction[] = [];
  const earn = (customerId: string, points: number) =>
    ledger.push({id: `t-${ledger.length + 1}`, customerId, type: 'earn', points, at: tick()});
  for (const points of [200, 150, 100]) earn('u-1', points);
  for (const points of [60, 40, 20]) earn('u-2', points);
  const complaints: Complaint[] = [];
  const complain = (customerId: string, status: Complaint['status']) => {
    const at = tick();
    complaints.push({
      id: `k-${complaints.length + 1}`,
      reference: `K-${complaints.length + 1}`,
      customerId,
      channel: 'web',
      category: 'delivery',
      severity: 'medium',
      subject: 'Parcel late',
      description: 'It has not come.',
      status,
      createdAt: at,
      updatedAt: at,
      ...(status === 'resolved' && {resolvedAt: at, resolution: 'Sent again.'}),
      responseDueAt: at,
      resolutionDueAt: at,
      customFields: {},
      history: [],
    });
  };
  for (const customerId of customers)
    for (const status of ['new', 'resolved', 'in_progress'] as const) complain(customerId, status);
  const redemptions: Redemption[] = [];
  const updates: ComplaintUpdate[] = [];
  const answers: SurveyAnswer[] = [];
  const stock = new Map(rewardDefinitions.map((r) => [r.id, r.stock]));

  const balanceOf = (customerId: string) =>
    ledger
      .filter((t) => t.customerId === customerId)
      .reduce((sum, t) => sum + (t.type === 'earn' ? t.points : -t.points), 0);
  const standing = (customerId: string) => ({
    account: {customerId, balance: balanceOf(customerId), tierId: 'silver'},
    redeemed: Object.fromEntries(
      rewardDefinitions.map((r) => [
        r.id,
        redemptions.filter((d) => d.customerId === customerId && d.rewardId === r.id).length,
      ]),
    ),
    at: clock,
  });
  const definitionsNow = () =>
    rewardDefinitions.map((r) => {
      const left = stock.get(r.id);
      return left === undefined ? r : {...r, stock: left};
    });
  /** A customer's items, newest first, a page at a time. */
  const pageOf = <T>(
    customerId: string,
    items: readonly T[],
    page: PageRequest | undefined,
    signal: AbortSignal | undefined,
  ) => {
    signal?.throwIfAborted();
    const id = validateCustomerId(customerId);
    const {cursor, limit} = validatePage(page);
    if (!customers.includes(id)) throw new RapportError('not_found', `No customer ${id}`);
    const start = Number(cursor ?? 0);
    return {
      items: items.slice(start, start + limit),
      nextCursor: start + limit < items.length ? String(start + limit) : null,
    };
  };
  const own = <T extends {customerId: string | null}>(items: readonly T[], id: string) =>
    items.filter((item) => item.customerId === id).reverse();
  const known = (customerId: string) => {
    if (!customers.includes(customerId)) throw invalidInput('customerId', 'is not a customer');
  };

  const adapter: CrmAdapter<Club> = {
    name: 'club',
    capabilities: {maxBatchSize: 10, entities: [], customFieldsWritable: false},
    resources: {
      customers: {
        async read(keys, o) {
          o?.signal?.throwIfAborted();
          return validateKeys(keys, 10).map((id) => ({
            id,
            record: customers.includes(id)
              ? ({id, kind: 'person', displayName: id} as never)
              : null,
          }));
        },
      },
      loyaltyAccounts: {
        async read(keys, o) {
          o?.signal?.throwIfAborted();
          return validateKeys(keys, 10).map((id) => ({
            id,
            record: customers.includes(id)
              ? ({customerId: id, programId: 'club', balance: balanceOf(id)} as never)
              : null,
          }));
        },
      },
      complaints: {
        list: async (id: string, page?: PageRequest, o?: {signal?: AbortSignal}) =>
          pageOf(id, own(complaints, id), page, o?.signal),
      } as never,
      pointsTransactions: {
        list: async (id, page, o) => pageOf(id, own(ledger, id), page, o?.signal),
      },
      rewards: {
        list: async (id, page, o) =>
          pageOf(
            id,
            customers.includes(id) ? offerRewards(program, definitionsNow(), standing(id)) : [],
            page,
            o?.signal,
          ),
      },
      redemptions: {
        list: async (id, page, o) => pageOf(id, own(redemptions, id), page, o?.signal),
        async create(input, o) {
          o.signal?.throwIfAborted();
          known(input.customerId);
          const reward = definitionsNow().find((r) => r.id === input.rewardId);
          if (!reward) throw invalidInput('rewardId', 'is not a reward of the club');
          const id = `r-${redemptions.length + 1}-${Math.random().toString(36).slice(2, 6)}`;
          const result = redeemReward(program, reward, standing(input.customerId), {
            id,
            code: `CLUB-${id}`,
          });
          if (breakage.racy) await new Promise((resolve) => setTimeout(resolve, 5));
          tick();
          if (!breakage.noLedgerLine) ledger.push(result.transaction);
          redemptions.push(result.redemption);
          if (reward.stock !== undefined) stock.set(reward.id, reward.stock - 1);
          return result.redemption;
        },
      },
      complaintUpdates: {
        list: async (id, page, o) => pageOf(id, own(updates, id), page, o?.signal),
        async create(input, o) {
          o.signal?.throwIfAborted();
          known(input.customerId);
          const index = complaints.findIndex(
            (k) =>
              k.id === input.complaintId &&
              (breakage.anyComplaint || k.customerId === input.customerId),
          );
          if (index < 0)
            throw new RapportError(
              'not_found',
              `Customer ${input.customerId} has no complaint ${input.complaintId}`,
            );
          const {complaint, update} = applyComplaintUpdate(complaints[index]!, input, {
            id: `u-${updates.length + 1}`,
            at: Date.parse(tick()),
          });
          complaints[index] = complaint;
          updates.push(update);
          return update;
        },
      },
      surveyAnswers: {
        list: async (id, page, o) => pageOf(id, own(answers, id), page, o?.signal),
        async create(input, o) {
          o.signal?.throwIfAborted();
          known(input.customerId);
          if (
            !breakage.repeatSurveys &&
            input.complaintId !== undefined &&
            answers.some(
              (a) => a.customerId === input.customerId && a.complaintId === input.complaintId,
            )
          )
            throw new RapportError('conflict', `Complaint ${input.complaintId} has an answer`);
          const answer: SurveyAnswer = {
            id: `s-${answers.length + 1}`,
            complaintId: null,
            ...input,
            createdAt: tick(),
          };
          answers.push(answer);
          return answer;
        },
      },
    },
    async describeFields(entity, o) {
      o?.signal?.throwIfAborted();
      validateEntity(entity, []);
      throw new Error('unreachable: no entity is offered');
    },
  };
  return breakage.forgetful ? adapter : withIdempotency<Club>(adapter, memoryIdempotencyStore());
}

const run = (breakage?: Breakage): Promise<CheckResult[]> =>
  checkAdapter({
    name: 'club',
    catalogue: club,
    knownCustomerIds: ['u-1', 'u-2'],
    create: () => clubAdapter(breakage),
  });
const outcome = (results: readonly CheckResult[], id: string) =>
  results.find((r) => r.id === id) ?? assert.fail(`no check ${id}`);

describe('the kit on rewards, redemptions, complaint updates and survey answers', () => {
  it('plans the checks of each, and none for complaints.create the club does not serve', () => {
    const ids = adapterCheckIds(club);
    for (const id of [
      'redemptions.create.spends-once',
      'redemptions.create.refusals',
      'redemptions.create.parallel',
      'complaintUpdates.create.thread',
      'complaintUpdates.create.transitions',
      'complaintUpdates.create.foreign-complaint',
      'surveyAnswers.create.once-per-complaint',
      'rewards.list.newest-first',
    ])
      assert.ok(ids.includes(id as never), id);
    assert.ok(!ids.some((id) => id.startsWith('complaints.create')), ids.join());
  });

  it('passes the honest club, building every input from what the club holds', async () => {
    const results = await run();
    assert.deepEqual(
      results.filter((r) => r.outcome !== 'passed').map((r) => `${r.id}: ${r.message}`),
      [],
    );
    assert.match(
      outcome(results, 'rewards.list.newest-first').title,
      /keeps the list's own order \(the catalogue names no orderedBy\)/,
    );
  });

  it('fails a club that redeems again on a retry', async () => {
    const results = await run({forgetful: true});
    const failed = outcome(results, 'redemptions.create.spends-once');
    assert.equal(failed.outcome, 'failed');
    assert.match(failed.message!, /a retry with the same idempotencyKey must answer the first/);
    assert.equal(outcome(results, 'redemptions.create.idempotent').outcome, 'failed');
  });

  it('fails a club whose parallel presses spend points the balance does not have', async () => {
    const results = await run({racy: true});
    const failed = outcome(results, 'redemptions.create.parallel');
    assert.equal(failed.outcome, 'failed');
    assert.match(
      failed.message!,
      /2 presses at once on "hamper" \(cost 300\) for "u-1", whose balance 450 pays for 1: 2 were redeemed/,
    );
  });

  it('fails a club that writes no ledger line for a redemption', async () => {
    const results = await run({noLedgerLine: true});
    const failed = outcome(results, 'redemptions.create.spends-once');
    assert.equal(failed.outcome, 'failed');
    assert.match(
      failed.message!,
      /after one redemption: the balance must drop by the 100 points spent \(from 450\), but it is 450/,
    );
  });

  it("fails a club that takes an update on another customer's complaint", async () => {
    const results = await run({anyComplaint: true});
    const failed = outcome(results, 'complaintUpdates.create.foreign-complaint');
    assert.equal(failed.outcome, 'failed');
    assert.match(
      failed.message!,
      /by "u-1" on complaint "k-6" of "u-2": must be refused, but the call succeeded/,
    );
  });

  it('fails a club that takes two survey answers about one complaint', async () => {
    const results = await run({repeatSurveys: true});
    const failed = outcome(results, 'surveyAnswers.create.once-per-complaint');
    assert.equal(failed.outcome, 'failed');
    assert.match(
      failed.message!,
      /a second answer about complaint "k-2": must be refused, but the call succeeded/,
    );
  });

  it('skips, with its reason, a check the data cannot arrange', async () => {
    const results = await checkAdapter({
      name: 'club without points',
      catalogue: club,
      knownCustomerIds: ['u-1', 'u-2'],
      create: () => {
        const adapter = clubAdapter();
        const {loyaltyAccounts: _none, ...resources} = adapter.resources;
        return {...adapter, resources};
      },
    });
    const skipped = outcome(results, 'redemptions.create.parallel');
    assert.equal(skipped.outcome, 'skipped');
    assert.match(skipped.message!, /serves no loyaltyAccounts\.read/);
  });
});
