import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {isRapportError, rfmSegment, rfmSegments, scoreRfm, type Purchase} from '@rapport/core';

const asOf = '2026-11-01T00:00:00Z';
const day = (n: number): string => new Date(Date.parse(asOf) - n * 86_400_000).toISOString();
const buy = (customerId: string, daysAgo: number, amount: number): Purchase => ({
  customerId,
  at: day(daysAgo),
  amount,
  currency: 'EUR',
});

describe('scoreRfm', () => {
  it('measures recency in whole days, frequency in purchases and monetary as the net amount', () => {
    const [result] = scoreRfm([buy('a', 10, 50), buy('a', 3.5, 20), buy('a', 1, -5)], {asOf});
    assert.equal(result!.recencyDays, 3);
    assert.equal(result!.frequency, 2, 'a refund is not a purchase occasion');
    assert.equal(result!.monetary, 65);
  });

  it('ranks five customers with distinct values into scores 1 to 5', () => {
    const purchases = ['a', 'b', 'c', 'd', 'e'].flatMap((id, i) =>
      Array.from({length: i + 1}, () => buy(id, 50 - i * 10, (i + 1) * 100)),
    );
    const scores = scoreRfm(purchases, {asOf}).map((r) => r.score);
    assert.deepEqual(
      scores.map((s) => [s!.r, s!.f, s!.m]),
      [
        [1, 1, 1],
        [2, 2, 2],
        [3, 3, 3],
        [4, 4, 4],
        [5, 5, 5],
      ],
    );
  });

  it('names the classic segments of clear-cut customers', () => {
    const purchases = [
      ...Array.from({length: 9}, (_, i) => buy('champion', 1 + i, 500)),
      ...Array.from({length: 9}, (_, i) => buy('slipping-big-spender', 300 + i, 500)),
      buy('lost', 700, 5),
      buy('newcomer', 0, 5),
      ...['p', 'q', 'r', 's', 't', 'u'].flatMap((id, i) => [
        buy(id, 100 + i * 20, 50),
        buy(id, 150 + i * 20, 50),
      ]),
    ];
    const segments = Object.fromEntries(
      scoreRfm(purchases, {asOf}).map((r) => [r.customerId, r.segment]),
    );
    assert.equal(segments.champion, 'champions');
    assert.equal(segments['slipping-big-spender'], 'cannot_lose');
    assert.equal(segments.lost, 'lost');
    assert.equal(segments.newcomer, 'new');
  });

  it('scores a single customer, and customers who all share values, in the middle (3)', () => {
    assert.deepEqual(scoreRfm([buy('only', 5, 10)], {asOf})[0]!.score, {r: 3, f: 3, m: 3});
    const same = scoreRfm(
      ['a', 'b', 'c', 'd'].map((id) => buy(id, 7, 20)),
      {asOf},
    );
    assert.ok(same.every((r) => r.score!.r === 3 && r.score!.f === 3 && r.score!.m === 3));
    assert.equal(same[0]!.segment, 'need_attention');
  });

  it('reports customers without purchases unscored, including those who only got refunds', () => {
    const results = scoreRfm([buy('a', 5, 10), buy('refunded', 4, -10)], {
      asOf,
      customerIds: ['never'],
    });
    const byId = Object.fromEntries(results.map((r) => [r.customerId, r]));
    assert.deepEqual(byId.never, {
      customerId: 'never',
      recencyDays: null,
      frequency: 0,
      monetary: 0,
      score: null,
      segment: null,
    });
    assert.equal(byId.refunded!.score, null);
    assert.equal(byId.refunded!.monetary, -10);
    assert.notEqual(byId.a!.score, null);
  });

  it('returns nothing for no purchases and no customers', () => {
    assert.deepEqual(scoreRfm([], {asOf}), []);
  });

  it('ignores purchases after the as-of date and outside the window', () => {
    const results = scoreRfm([buy('a', -3, 100), buy('a', 400, 100), buy('a', 10, 1)], {
      asOf,
      windowDays: 365,
    });
    assert.equal(results[0]!.frequency, 1);
    assert.equal(results[0]!.monetary, 1);
  });

  it('rejects mixed currencies and invalid dates with the offending index', () => {
    assert.throws(
      () => scoreRfm([buy('a', 1, 1), {...buy('b', 1, 1), currency: 'CNY'}], {asOf}),
      (e) => isRapportError(e, 'invalid_input') && 'purchases[1].currency' in e.fields,
    );
    assert.throws(
      () => scoreRfm([{...buy('a', 1, 1), at: 'yesterday'}], {asOf}),
      (e) => isRapportError(e, 'invalid_input') && /purchases\[0\]\.at/.test(e.message),
    );
  });

  it('adds money up exactly: 0.1 + 0.2 is the same monetary value as 0.3', () => {
    const results = scoreRfm([buy('a', 5, 0.1), buy('a', 5, 0.2), buy('b', 5, 0.3)], {asOf});
    const [a, b] = results;
    assert.equal(a!.monetary, 0.3);
    assert.equal(b!.monetary, 0.3);
    assert.equal(a!.score!.m, b!.score!.m, 'equal spend scores alike');
    assert.equal(a!.score!.m, 3);
  });

  it('counts in the minor unit of each currency, ISO 4217, and refuses finer amounts', () => {
    const inCurrency = (currency: string, ...amounts: number[]): Purchase[] =>
      amounts.map((amount, i) => ({...buy(`c${i}`, 1, amount), currency}));
    const monetary = (purchases: Purchase[]): number[] =>
      scoreRfm(purchases, {asOf}).map((r) => r.monetary);
    assert.deepEqual(monetary(inCurrency('JPY', 1200, 0)), [1200, 0]);
    assert.deepEqual(monetary(inCurrency('BHD', 1.234)), [1.234]);
    // Intl shows forints without decimals, but ISO 4217 gives the forint two.
    assert.deepEqual(monetary(inCurrency('HUF', 1234.56)), [1234.56]);
    const refused = (purchases: Purchase[]): boolean => {
      try {
        scoreRfm(purchases, {asOf});
        return false;
      } catch (e) {
        return isRapportError(e, 'invalid_input') && 'purchases[1].amount' in e.fields;
      }
    };
    assert.ok(refused(inCurrency('JPY', 1, 1.5)), 'yen have no decimals');
    assert.ok(refused(inCurrency('EUR', 1, 10.005)), 'euros have two');
    assert.ok(refused(inCurrency('KWD', 1, 1.0005)), 'dinars have three');
    assert.ok(refused(inCurrency('EUR', 1, 2 ** 53)), 'too large to add up exactly');
    // The bound: 10^14 cents is a trillion euros; beyond it a stray decimal could no longer show.
    assert.deepEqual(monetary(inCurrency('EUR', 1e12)), [1e12]);
    assert.ok(refused(inCurrency('EUR', 1, 1e12 + 0.01)), 'one cent over the bound');
    const hoard = Array.from({length: 91}, () => ({...buy('c0', 1, 1e12), currency: 'EUR'}));
    assert.throws(
      () => scoreRfm(hoard, {asOf}),
      (e: unknown) => isRapportError(e, 'invalid_input') && 'purchases' in e.fields,
      'a sum past 2^53 cents is refused, not rounded',
    );
    // Computed amounts carry binary noise, not fractions of a cent: they count as the cents they are.
    assert.deepEqual(monetary(inCurrency('EUR', 19.99 * 3)), [59.97]);
  });

  it('gives the exact decimal sum of the amounts as the monetary value (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({min: -100_000, max: 1_000_000}), {minLength: 1, maxLength: 30}),
        (cents) => {
          const [result] = scoreRfm(
            cents.map((c) => buy('a', 1, c / 100)),
            {asOf},
          );
          assert.equal(result!.monetary, cents.reduce((sum, c) => sum + c, 0) / 100);
        },
      ),
    );
  });

  const purchaseArb = fc.record({
    customerId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'),
    daysAgo: fc.integer({min: 0, max: 800}),
    amount: fc.integer({min: -50, max: 500}),
  });

  it('keeps every score within 1..5 and every scored customer in a segment (property)', () => {
    fc.assert(
      fc.property(fc.array(purchaseArb, {maxLength: 60}), (rows) => {
        for (const r of scoreRfm(
          rows.map((p) => buy(p.customerId, p.daysAgo, p.amount)),
          {asOf},
        )) {
          if (r.score === null) continue;
          for (const s of [r.score.r, r.score.f, r.score.m])
            assert.ok(s >= 1 && s <= 5 && Number.isInteger(s));
          assert.ok(rfmSegments.includes(r.segment!));
        }
      }),
    );
  });

  it('does not depend on the order of the purchases (property)', () => {
    fc.assert(
      fc.property(
        fc
          .array(purchaseArb, {maxLength: 60})
          .chain((rows) =>
            fc.tuple(
              fc.constant(rows),
              fc.shuffledSubarray(rows, {minLength: rows.length, maxLength: rows.length}),
            ),
          ),
        ([rows, shuffled]) => {
          const toPurchases = (list: typeof rows): Purchase[] =>
            list.map((p) => buy(p.customerId, p.daysAgo, p.amount));
          assert.deepEqual(
            scoreRfm(toPurchases(shuffled), {asOf}),
            scoreRfm(toPurchases(rows), {asOf}),
          );
        },
      ),
    );
  });

  it('gives a customer with more of a measure at least the same score (property)', () => {
    fc.assert(
      fc.property(fc.array(purchaseArb, {minLength: 2, maxLength: 60}), (rows) => {
        const results = scoreRfm(
          rows.map((p) => buy(p.customerId, p.daysAgo, p.amount)),
          {asOf},
        ).filter((r) => r.score);
        for (const x of results)
          for (const y of results) {
            if (x.monetary > y.monetary) assert.ok(x.score!.m >= y.score!.m);
            if (x.frequency > y.frequency) assert.ok(x.score!.f >= y.score!.f);
            if (x.recencyDays! < y.recencyDays!) assert.ok(x.score!.r >= y.score!.r);
          }
      }),
    );
  });
});

describe('rfmSegment', () => {
  it('covers every score combination with one of the eleven segments', () => {
    const seen = new Set<string>();
    for (const r of [1, 2, 3, 4, 5] as const)
      for (const f of [1, 2, 3, 4, 5] as const)
        for (const m of [1, 2, 3, 4, 5] as const) seen.add(rfmSegment({r, f, m}));
    assert.deepEqual([...seen].sort(), [...rfmSegments].sort());
  });

  it('uses the rounded mean of frequency and monetary', () => {
    assert.equal(rfmSegment({r: 5, f: 5, m: 4}), 'champions');
    assert.equal(rfmSegment({r: 5, f: 1, m: 1}), 'new');
    assert.equal(rfmSegment({r: 1, f: 5, m: 5}), 'cannot_lose');
    assert.equal(rfmSegment({r: 2, f: 3, m: 4}), 'at_risk');
    assert.equal(rfmSegment({r: 1, f: 1, m: 1}), 'lost');
  });
});
