import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {
  evaluateTier,
  isRapportError,
  pointsForPurchase,
  qualifyingAmount,
  summarizeAccount,
  type LoyaltyProgram,
  type PointsTransaction,
  type Purchase,
} from '@rapport/core';

const program: LoyaltyProgram = {
  id: 'club',
  name: {en: 'Club', 'zh-CN': '会员俱乐部'},
  currency: 'EUR',
  tiers: [
    {id: 'gold', name: 'Gold', threshold: 5000},
    {id: 'member', name: 'Member', threshold: 0},
    {id: 'silver', name: 'Silver', threshold: 1000},
    {id: 'platinum', name: 'Platinum', threshold: 20000},
  ],
  qualification: {basis: 'points', windowDays: 365},
  earnRules: [
    {id: 'base', pointsPerUnit: 1},
    {id: 'gold-bonus', pointsPerUnit: 1.5, tierIds: ['gold', 'platinum']},
  ],
  expiry: {kind: 'after-days', days: 365},
};

const t0 = Date.parse('2026-01-01T00:00:00Z');
const at = (days: number): string => new Date(t0 + days * 86_400_000).toISOString();

describe('evaluateTier', () => {
  it('finds the highest tier reached and the way to the next', () => {
    const standing = evaluateTier(program, 3000);
    assert.equal(standing.tier.id, 'silver');
    assert.equal(standing.next?.id, 'gold');
    assert.equal(standing.toNext, 2000);
    assert.equal(standing.progress, 0.5);
  });

  it('holds a tier from exactly its threshold', () => {
    assert.equal(evaluateTier(program, 999).tier.id, 'member');
    assert.equal(evaluateTier(program, 1000).tier.id, 'silver');
  });

  it('reports the top tier with nothing left to reach', () => {
    assert.deepEqual(
      (({tier, next, toNext, progress}) => ({tier: tier.id, next, toNext, progress}))(
        evaluateTier(program, 25000),
      ),
      {tier: 'platinum', next: null, toNext: 0, progress: 1},
    );
  });

  it('rejects tier tables without a base tier or with duplicate thresholds', () => {
    assert.throws(
      () => evaluateTier({tiers: [{id: 'a', name: 'A', threshold: 10}]}, 5),
      (e) => isRapportError(e, 'invalid_input') && 'tiers' in e.fields,
    );
    assert.throws(
      () =>
        evaluateTier(
          {
            tiers: [
              {id: 'a', name: 'A', threshold: 0},
              {id: 'b', name: 'B', threshold: 0},
            ],
          },
          5,
        ),
      (e) => isRapportError(e, 'invalid_input') && 'tiers.b.threshold' in e.fields,
    );
  });

  it('never lowers the tier when the qualifying amount rises (property)', () => {
    const rank = (id: string): number => ['member', 'silver', 'gold', 'platinum'].indexOf(id);
    fc.assert(
      fc.property(fc.nat(50_000), fc.nat(50_000), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        assert.ok(
          rank(evaluateTier(program, low).tier.id) <= rank(evaluateTier(program, high).tier.id),
        );
        const p = evaluateTier(program, a).progress;
        assert.ok(p >= 0 && p <= 1);
      }),
    );
  });
});

describe('qualifyingAmount', () => {
  const earn = (
    points: number,
    day: number,
    extra: Partial<PointsTransaction> = {},
  ): PointsTransaction => ({
    id: `e${day}`,
    customerId: 'c1',
    type: 'earn',
    points,
    at: at(day),
    ...extra,
  });

  it('counts qualifying points earned in the rolling window, not redemptions', () => {
    const txs: PointsTransaction[] = [
      earn(500, 0),
      earn(700, 100),
      earn(300, 200, {qualifying: false}),
      earn(900, 390, {availableAt: at(420)}),
      {id: 'r', customerId: 'c1', type: 'redeem', points: 600, at: at(200)},
    ];
    assert.equal(qualifyingAmount(program, {asOf: at(400), transactions: txs}), 700);
  });

  it('counts net spend in the window for spend-based programmes', () => {
    const purchases: Purchase[] = [
      {customerId: 'c1', at: at(10), amount: 400, currency: 'EUR'},
      {customerId: 'c1', at: at(20), amount: -100, currency: 'EUR'},
      {customerId: 'c1', at: at(-400), amount: 9999, currency: 'EUR'},
    ];
    const spend = {...program, qualification: {basis: 'spend', windowDays: 365}} as const;
    assert.equal(qualifyingAmount(spend, {asOf: at(30), purchases}), 300);
    assert.throws(
      () =>
        qualifyingAmount(spend, {asOf: at(30), purchases: [{...purchases[0]!, currency: 'USD'}]}),
      (e) => isRapportError(e, 'invalid_input') && 'purchases[0].currency' in e.fields,
    );
  });

  it('adds spend up exactly, so spending the threshold reaches the tier', () => {
    // In floating point, 0.1 + 8.2 + 1.7 is 9.999999999999998.
    const purchases: Purchase[] = [0.1, 8.2, 1.7].map((amount, i) => ({
      customerId: 'c1',
      at: at(i + 1),
      amount,
      currency: 'EUR',
    }));
    const spend = {
      ...program,
      tiers: [
        {id: 'member', name: 'Member', threshold: 0},
        {id: 'silver', name: 'Silver', threshold: 10},
      ],
      qualification: {basis: 'spend', windowDays: 365},
    } as const;
    const amount = qualifyingAmount(spend, {asOf: at(30), purchases});
    assert.equal(amount, 10);
    assert.equal(evaluateTier(spend, amount).tier.id, 'silver');
  });
});

describe('pointsForPurchase', () => {
  it('earns per whole currency unit, with tier rules replacing the base rule', () => {
    assert.equal(pointsForPurchase(program, 99.99, 'member'), 99);
    assert.equal(pointsForPurchase(program, 100, 'gold'), 150);
    assert.equal(pointsForPurchase(program, -20, 'member'), 0);
  });
});

describe('summarizeAccount', () => {
  it('puts the ledger, the tier and what expires soon together', () => {
    const account = summarizeAccount(program, {
      customerId: 'c1',
      asOf: at(350),
      transactions: [
        {id: 'a', customerId: 'c1', type: 'earn', points: 1200, at: at(0)},
        {id: 'b', customerId: 'c1', type: 'earn', points: 300, at: at(300)},
        {id: 'c', customerId: 'c1', type: 'redeem', points: 200, at: at(301)},
        {id: 'd', customerId: 'c1', type: 'earn', points: 50, at: at(349), availableAt: at(379)},
      ],
      coupons: [
        {
          id: 'k',
          code: 'WELCOME',
          title: 'Welcome',
          discount: {kind: 'percent', value: 10},
          validFrom: at(0),
          validUntil: at(100),
          status: 'active',
        },
      ],
    });
    assert.equal(account.balance, 1300);
    assert.equal(account.pending, 50);
    assert.equal(account.tierId, 'silver');
    assert.equal(account.nextTierId, 'gold');
    assert.equal(account.toNextTier, 5000 - 1500);
    assert.deepEqual(
      [account.tierName, account.nextTierName, account.tierProgress],
      ['Silver', 'Gold', 0.125],
    );
    assert.deepEqual(account.expiringSoon, [{points: 1000, expiresAt: at(365)}]);
    assert.equal(account.coupons[0]!.status, 'expired');
  });
});
