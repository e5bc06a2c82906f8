import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
  complaintRate,
  csat,
  customerLifetimeValues,
  defaultSlaPolicy,
  isRapportError,
  lifetimeValue,
  netPromoterScore,
  repeatPurchaseRate,
  retentionRate,
  scoreRfm,
  segmentDistribution,
  slaBreachRate,
  slaDueDates,
  transitionComplaint,
  type Complaint,
  type Purchase,
} from '@rapport/core';

const p = (customerId: string, at: string, amount = 10): Purchase => ({
  customerId,
  at,
  amount,
  currency: 'EUR',
});
const purchases = [
  p('a', '2025-03-01'),
  p('a', '2026-02-01'),
  p('a', '2026-05-01'),
  p('b', '2025-06-01'),
  p('c', '2025-07-01'),
  p('c', '2026-08-01', -10),
  p('d', '2026-09-01'),
];
const year2025 = {from: '2025-01-01', to: '2026-01-01'};
const year2026 = {from: '2026-01-01', to: '2027-01-01'};

describe('customer metrics', () => {
  it('computes lifetime value from annual margin, retention and discount rate', () => {
    // 500 a year of margin, kept 80% a year, discounted 10%: 500 × 1.1 / 0.3.
    const clv = lifetimeValue(1000, {grossMargin: 0.5, retentionRate: 0.8, discountRate: 0.1});
    assert.ok(Math.abs(clv - 1833.33) < 0.01, `got ${clv}`);
    assert.equal(lifetimeValue(1000, {grossMargin: 0.5, retentionRate: 0, discountRate: 0}), 500);
    assert.throws(
      () => lifetimeValue(1, {grossMargin: 0.5, retentionRate: 1, discountRate: 0}),
      (e) => isRapportError(e, 'invalid_input') && 'retentionRate' in e.fields,
    );
  });

  it('values each customer from their recent purchases, highest first', () => {
    const values = customerLifetimeValues(
      [
        p('a', '2026-06-01', 100),
        p('a', '2026-07-01', 300),
        p('b', '2026-07-01', 50),
        p('b', '2026-07-02', -20),
        p('c', '2024-01-01', 999),
      ],
      {asOf: '2026-11-01', grossMargin: 1, retentionRate: 0, discountRate: 0},
    );
    assert.deepEqual(
      values.map((v) => [v.customerId, v.orders, v.revenue, v.averageOrderValue]),
      [
        ['a', 2, 400, 200],
        ['b', 1, 30, 30],
      ],
    );
    assert.equal(values[0]!.lifetimeValue, 400);
  });

  it('adds revenue up exactly, in minor units of the currency', () => {
    const values = customerLifetimeValues(
      [
        p('a', '2026-06-01', 0.1),
        p('a', '2026-06-02', 0.2),
        p('b', '2026-06-01', 0.3),
        p('c', '2026-06-01', 0.7),
        p('c', '2026-06-02', 0.1),
        p('c', '2026-06-03', 0.2),
      ],
      {asOf: '2026-11-01', grossMargin: 1, retentionRate: 0, discountRate: 0},
    );
    assert.deepEqual(
      values.map((v) => [v.customerId, v.revenue]),
      [
        ['c', 1],
        ['a', 0.3],
        ['b', 0.3],
      ],
    );
    assert.equal(values[1]!.lifetimeValue, values[2]!.lifetimeValue, 'equal spend, equal value');
  });

  it('refuses purchases in several currencies, and amounts finer than the currency', () => {
    const options = {asOf: '2026-11-01', grossMargin: 1, retentionRate: 0, discountRate: 0};
    assert.throws(
      () =>
        customerLifetimeValues(
          [p('a', '2026-06-01'), {...p('b', '2026-06-01'), currency: 'CNY'}],
          options,
        ),
      (e) => isRapportError(e, 'invalid_input') && 'purchases[1].currency' in e.fields,
    );
    assert.throws(
      () => customerLifetimeValues([p('a', '2026-06-01', 10.005)], options),
      (e) => isRapportError(e, 'invalid_input') && 'purchases[0].amount' in e.fields,
    );
  });

  it("measures retention as the share of last period's buyers who bought again", () => {
    assert.deepEqual(retentionRate(purchases, {previous: year2025, current: year2026}), {
      numerator: 1,
      denominator: 3,
      rate: 1 / 3,
    });
  });

  it('measures repeat purchases within a period and gives no rate for an empty one', () => {
    assert.deepEqual(repeatPurchaseRate(purchases, year2026), {
      numerator: 1,
      denominator: 2,
      rate: 0.5,
    });
    assert.equal(repeatPurchaseRate(purchases, {from: '2020-01-01', to: '2020-02-01'}).rate, null);
    assert.throws(
      () => repeatPurchaseRate(purchases, {from: '2026-01-01', to: '2025-01-01'}),
      (e) => isRapportError(e, 'invalid_input'),
    );
  });

  it('spreads scored customers over every segment and counts the unscored', () => {
    const results = scoreRfm(purchases, {asOf: '2026-11-01', customerIds: ['z']});
    const distribution = segmentDistribution(results);
    assert.equal(distribution.segments.length, 11);
    assert.equal(distribution.unscored, 1);
    assert.equal(
      distribution.segments.reduce((n, s) => n + s.count, 0),
      results.length - 1,
    );
    const shares = distribution.segments.reduce((n, s) => n + (s.share ?? 0), 0);
    assert.ok(Math.abs(shares - 1) < 1e-9);
  });
});

describe('complaint metrics', () => {
  const complaint = (id: string, createdAt: string, extra: Partial<Complaint> = {}): Complaint => ({
    id,
    reference: id,
    customerId: 'a',
    channel: 'email',
    category: 'delivery',
    severity: 'critical',
    subject: 's',
    description: 'd',
    status: 'new',
    createdAt,
    updatedAt: createdAt,
    ...slaDueDates(createdAt, 'critical', defaultSlaPolicy),
    customFields: {},
    history: [],
    ...extra,
  });
  const complaints = [
    complaint('k1', '2026-03-01T00:00:00Z', {
      firstResponseAt: '2026-03-01T00:30:00Z',
      resolvedAt: '2026-03-01T05:00:00Z',
      status: 'resolved',
    }),
    complaint('k2', '2026-04-01T00:00:00Z', {category: 'billing'}),
    complaint('k3', '2025-04-01T00:00:00Z'),
  ];

  it('relates complaints to buying customers in a period', () => {
    assert.deepEqual(complaintRate(complaints, purchases, year2026), {
      numerator: 2,
      denominator: 2,
      rate: 1,
    });
  });

  it('counts breaches among the complaints of a period', () => {
    assert.deepEqual(slaBreachRate(complaints, year2026, '2026-11-01'), {
      numerator: 1,
      denominator: 2,
      rate: 0.5,
    });
  });

  it('counts a reopened complaint that is past its resolution due time as breached', () => {
    // Critical: response due after 1 h, resolution after 24 h. Answered after 30 min, resolved after
    // 5 h, reopened after 30 h.
    const answered = transitionComplaint(complaint('k4', '2026-05-01T00:00:00Z'), 'acknowledge', {
      at: '2026-05-01T00:30:00Z',
    });
    const resolved = transitionComplaint(answered, 'resolve', {
      at: '2026-05-01T05:00:00Z',
      resolution: 'Refunded',
    });
    assert.equal(slaBreachRate([resolved], year2026, '2026-11-01').numerator, 0);
    const reopened = transitionComplaint(resolved, 'reopen', {at: '2026-05-02T06:00:00Z'});
    assert.deepEqual(slaBreachRate([reopened], year2026, '2026-11-01'), {
      numerator: 1,
      denominator: 1,
      rate: 1,
    });
  });
});

describe('surveys', () => {
  it('computes CSAT as the share of 4s and 5s', () => {
    assert.deepEqual(csat([5, 4, 3, 1]), {numerator: 2, denominator: 4, rate: 0.5});
    assert.equal(csat([]).rate, null);
    assert.throws(
      () => csat([5, 6]),
      (e) => isRapportError(e, 'invalid_input') && 'scores[1]' in e.fields,
    );
  });

  it('computes NPS from promoters and detractors', () => {
    assert.deepEqual(netPromoterScore([10, 9, 8, 7, 6, 0]), {
      promoters: 2,
      passives: 2,
      detractors: 2,
      score: 0,
    });
    assert.equal(netPromoterScore([10, 10, 3]).score, 100 / 3);
    assert.equal(netPromoterScore([]).score, null);
    assert.throws(
      () => netPromoterScore([11]),
      (e) => isRapportError(e, 'invalid_input'),
    );
  });
});
