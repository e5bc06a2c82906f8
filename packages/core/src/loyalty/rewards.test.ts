import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {
  isRapportError,
  offerRewards,
  redeemReward,
  redemptionRefusal,
  refusalOf,
  replayLedger,
  validateRedemptionInput,
  type MemberStanding,
  type PointsTransaction,
  type RewardDefinition,
} from '@rapport/core';

const program = {
  tiers: [
    {id: 'gold', name: {en: 'Gold', 'zh-CN': '金卡'}, threshold: 5000},
    {id: 'member', name: 'Member', threshold: 0},
    {id: 'silver', name: 'Silver', threshold: 1500},
  ],
  expiry: {kind: 'after-days', days: 365},
} as const;
const now = '2026-06-01T00:00:00.000Z';
const standing = (
  balance: number,
  tierId = 'member',
  redeemed: Record<string, number> = {},
): MemberStanding => ({account: {customerId: 'c1', balance, tierId}, redeemed, at: now});
const reward = (
  id: string,
  cost: number,
  extra: Partial<RewardDefinition> = {},
): RewardDefinition => ({
  id,
  name: id,
  cost,
  kind: 'coupon',
  discount: {kind: 'percent', value: 10},
  ...extra,
});

describe('redemptionRefusal', () => {
  it('says why a member cannot redeem, in the order a person can act on', () => {
    const cases: [RewardDefinition, MemberStanding, string | null][] = [
      [reward('a', 100), standing(100), null],
      [reward('a', 101), standing(100), 'insufficient_points'],
      [reward('a', 10, {minimumTierId: 'gold'}), standing(100, 'silver'), 'tier_too_low'],
      [reward('a', 10, {minimumTierId: 'silver'}), standing(100, 'gold'), null],
      [reward('a', 10, {stock: 0}), standing(100), 'out_of_stock'],
      [reward('a', 10, {limitPerCustomer: 1}), standing(100, 'member', {a: 1}), 'limit_reached'],
      [reward('a', 10, {availableUntil: '2026-05-31T23:59:59Z'}), standing(100), 'not_available'],
      [reward('a', 10, {availableFrom: '2026-06-02T00:00:00Z'}), standing(100), 'not_available'],
      // Out of stock is said before "too few points": earning more would not help.
      [reward('a', 1000, {stock: 0}), standing(0), 'out_of_stock'],
    ];
    for (const [r, s, expected] of cases)
      assert.equal(redemptionRefusal(program, r, s), expected, JSON.stringify(r));
  });
});

describe('offerRewards', () => {
  it('lists what the member can redeem first, then points away, then a tier away, then the rest', () => {
    const offers = offerRewards(
      program,
      [
        reward('gone', 10, {stock: 0}),
        reward('gold', 50, {minimumTierId: 'gold'}),
        reward('far', 900),
        reward('near', 220),
        reward('cheap', 80),
        reward('fits', 200),
      ],
      standing(200),
    );
    assert.deepEqual(
      offers.map((o) => o.id),
      ['cheap', 'fits', 'near', 'far', 'gold', 'gone'],
    );
    const near = offers.find((o) => o.id === 'near')!;
    assert.equal(near.refusal, 'insufficient_points');
    assert.equal(near.pointsShort, 20);
    assert.deepEqual(offers.find((o) => o.id === 'gold')!.minimumTierName, {
      en: 'Gold',
      'zh-CN': '金卡',
    });
    assert.ok(offers.every((o) => o.customerId === 'c1'));
  });
});

describe('redeemReward', () => {
  it('writes a redeem line and a coupon valid for the reward’s days', () => {
    const {transaction, coupon, redemption} = redeemReward(
      program,
      reward('ten', 150, {validDays: 30}),
      standing(200),
      {id: 'r1', code: 'LOTUS-1'},
    );
    assert.deepEqual(
      {type: transaction.type, points: transaction.points, at: transaction.at},
      {type: 'redeem', points: 150, at: now},
    );
    assert.equal(coupon!.code, 'LOTUS-1');
    assert.equal(coupon!.validUntil, '2026-07-01T00:00:00.000Z');
    assert.equal(redemption.code, 'LOTUS-1');
    assert.equal(redemption.transactionId, transaction.id);
  });

  it('gives an item without a code', () => {
    const result = redeemReward(program, reward('mug', 10, {kind: 'item'}), standing(20), {
      id: 'r2',
      code: 'unused',
    });
    assert.equal(result.coupon, null);
    assert.equal(result.redemption.code, null);
  });

  it('refuses with a typed reason: insufficient_points for points, conflict for the rest', () => {
    assert.throws(
      () => redeemReward(program, reward('big', 500), standing(120), {id: 'r', code: 'x'}),
      (error: unknown) =>
        isRapportError(error, 'insufficient_points') &&
        refusalOf(error) === 'insufficient_points' &&
        /costs 500, the balance is 120/.test(error.message),
    );
    assert.throws(
      () =>
        redeemReward(program, reward('g', 1, {minimumTierId: 'gold'}), standing(120), {
          id: 'r',
          code: 'x',
        }),
      (error: unknown) =>
        isRapportError(error, 'conflict') &&
        refusalOf(error) === 'tier_too_low' &&
        /higher tier/.test(error.message),
    );
    assert.equal(refusalOf(new Error('other')), null);
  });

  it('never lets the ledger go negative, and conserves points, whatever is pressed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({min: 1, max: 400}), {minLength: 1, maxLength: 6}),
        fc.array(fc.integer({min: 1, max: 300}), {minLength: 1, maxLength: 5}),
        fc.array(fc.nat({max: 4}), {maxLength: 30}),
        (earnings, costs, presses) => {
          const transactions: PointsTransaction[] = earnings.map((points, i) => ({
            id: `e${i}`,
            customerId: 'c1',
            type: 'earn',
            points,
            at: '2026-05-01T00:00:00.000Z',
          }));
          const rewards = costs.map((cost, i) => reward(`r${i}`, cost, {limitPerCustomer: 3}));
          const redeemed: Record<string, number> = {};
          let spent = 0;
          presses.forEach((press, n) => {
            const chosen = rewards[press % rewards.length]!;
            const balance = replayLedger(transactions, program, {asOf: now}).balance;
            try {
              const result = redeemReward(program, chosen, standing(balance, 'member', redeemed), {
                id: `p${n}`,
                code: `C${n}`,
              });
              transactions.push(result.transaction);
              redeemed[chosen.id] = (redeemed[chosen.id] ?? 0) + 1;
              spent += chosen.cost;
            } catch (error) {
              assert.ok(refusalOf(error) !== null, String(error));
            }
          });
          const ledger = replayLedger(transactions, program, {asOf: now});
          const earned = earnings.reduce((a, b) => a + b, 0);
          assert.ok(ledger.balance >= 0);
          assert.equal(ledger.redeemed, spent);
          assert.equal(ledger.balance + ledger.redeemed + ledger.expired, earned);
          for (const count of Object.values(redeemed)) assert.ok(count <= 3);
        },
      ),
    );
  });
});

describe('validateRedemptionInput', () => {
  it('names each missing id', () => {
    assert.deepEqual(validateRedemptionInput({customerId: 'c1', rewardId: 'r1', extra: 1}), {
      customerId: 'c1',
      rewardId: 'r1',
    });
    assert.throws(
      () => validateRedemptionInput({customerId: ''}),
      (error: unknown) =>
        isRapportError(error, 'invalid_input') &&
        Object.keys(error.fields).join() === 'customerId,rewardId',
    );
  });
});
