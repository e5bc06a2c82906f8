import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {
  isRapportError,
  pointsExpiringWithin,
  replayLedger,
  type PointsTransaction,
} from '@rapport/core';

const t0 = Date.parse('2026-01-01T00:00:00Z');
const at = (days: number): string => new Date(t0 + days * 86_400_000).toISOString();
let next = 0;
const tx = (
  type: PointsTransaction['type'],
  points: number,
  days: number,
  extra: Partial<PointsTransaction> = {},
): PointsTransaction => ({
  id: `t${++next}`,
  customerId: 'c1',
  type,
  points,
  at: at(days),
  ...extra,
});
const yearly = {expiry: {kind: 'after-days', days: 365}} as const;
const never = {expiry: {kind: 'never'}} as const;

describe('replayLedger', () => {
  it('adds earnings and takes redemptions', () => {
    const ledger = replayLedger(
      [tx('earn', 100, 0), tx('earn', 50, 1), tx('redeem', 30, 2)],
      never,
      {asOf: at(3)},
    );
    assert.equal(ledger.balance, 120);
    assert.equal(ledger.earned, 150);
    assert.equal(ledger.redeemed, 30);
  });

  it("redeems from the oldest lot first, so the newer lot survives its older sibling's expiry", () => {
    const ledger = replayLedger(
      [tx('earn', 100, 0), tx('earn', 100, 100), tx('redeem', 120, 200)],
      yearly,
      {
        asOf: at(400),
      },
    );
    // Lot 1 (100) was used up by the redemption; 20 of lot 2 were used, 80 remain until day 465.
    assert.equal(ledger.expired, 0);
    assert.equal(ledger.balance, 80);
    assert.deepEqual(ledger.lots, [{points: 80, earnedAt: at(100), expiresAt: at(465)}]);
  });

  it('expires what is left of a lot when its time comes', () => {
    const ledger = replayLedger(
      [tx('earn', 100, 0), tx('redeem', 40, 10), tx('earn', 10, 300)],
      yearly,
      {asOf: at(366)},
    );
    assert.equal(ledger.expired, 60);
    assert.equal(ledger.balance, 10);
  });

  it('does not let expired points be redeemed', () => {
    assert.throws(
      () => replayLedger([tx('earn', 100, 0), tx('redeem', 50, 400)], yearly, {asOf: at(401)}),
      (e) =>
        isRapportError(e, 'insufficient_points') &&
        e.details.available === 0 &&
        e.details.requested === 50,
    );
  });

  it('refuses to redeem more than the balance, naming the transaction', () => {
    const redeem = tx('redeem', 101, 1);
    assert.throws(
      () => replayLedger([tx('earn', 100, 0), redeem], never, {asOf: at(2)}),
      (e) => isRapportError(e, 'insufficient_points') && e.message.includes(redeem.id),
    );
  });

  it('keeps points pending until they become available', () => {
    const txs = [tx('earn', 100, 0), tx('earn', 40, 5, {availableAt: at(35)})];
    assert.deepEqual(
      [
        replayLedger(txs, never, {asOf: at(10)}).balance,
        replayLedger(txs, never, {asOf: at(10)}).pending,
      ],
      [100, 40],
    );
    assert.equal(replayLedger(txs, never, {asOf: at(35)}).balance, 140);
    assert.throws(
      () => replayLedger([...txs, tx('redeem', 120, 20)], never, {asOf: at(21)}),
      (e) => isRapportError(e, 'insufficient_points'),
    );
  });

  it('treats signed adjustments as grants and deductions, and explicit expiry lines as expiry', () => {
    const ledger = replayLedger(
      [tx('earn', 100, 0), tx('adjust', 25, 1), tx('adjust', -5, 2), tx('expire', 20, 3)],
      never,
      {asOf: at(4)},
    );
    assert.deepEqual(
      [ledger.balance, ledger.earned, ledger.redeemed, ledger.expired],
      [100, 125, 5, 20],
    );
  });

  it('ignores transactions after the as-of date', () => {
    assert.equal(
      replayLedger([tx('earn', 10, 0), tx('earn', 10, 9)], never, {asOf: at(5)}).balance,
      10,
    );
  });

  it("rejects non-integer, zero and negative points with the line's index", () => {
    for (const bad of [tx('earn', 1.5, 0), tx('redeem', -3, 0), tx('adjust', 0, 0)]) {
      assert.throws(
        () => replayLedger([bad], never, {asOf: at(1)}),
        (e) => isRapportError(e, 'invalid_input') && 'transactions[0].points' in e.fields,
      );
    }
  });

  it('conserves points and never goes negative (property)', () => {
    const step = fc.record({
      type: fc.constantFrom('earn', 'earn', 'redeem', 'expire', 'adjust'),
      points: fc.integer({min: 1, max: 500}),
      sign: fc.boolean(),
      day: fc.integer({min: 0, max: 900}),
      pendingDays: fc.option(fc.integer({min: 0, max: 60}), {nil: undefined}),
    });
    fc.assert(
      fc.property(
        fc.array(step, {maxLength: 40}),
        fc.integer({min: 0, max: 1000}),
        fc.boolean(),
        (steps, asOfDay, expires) => {
          const program = expires ? yearly : never;
          // Build a valid ledger: a line that would overdraw is replaced by an earning.
          const accepted: PointsTransaction[] = [];
          for (const s of [...steps].sort((a, b) => a.day - b.day)) {
            const points = s.type === 'adjust' && s.sign ? -s.points : s.points;
            const candidate = tx(
              s.type as PointsTransaction['type'],
              points,
              s.day,
              s.type === 'earn' && s.pendingDays !== undefined
                ? {availableAt: at(s.day + s.pendingDays)}
                : {},
            );
            try {
              replayLedger([...accepted, candidate], program, {asOf: at(1000)});
              accepted.push(candidate);
            } catch (e) {
              if (!isRapportError(e, 'insufficient_points')) throw e;
            }
          }
          const ledger = replayLedger(accepted, program, {asOf: at(asOfDay)});
          assert.ok(ledger.balance >= 0);
          assert.equal(ledger.earned, ledger.balance + ledger.redeemed + ledger.expired);
          assert.equal(
            ledger.lots.reduce((sum, lot) => sum + lot.points, 0),
            ledger.balance,
          );
          const earnedInTotal = accepted
            .filter(
              (t) =>
                Date.parse(t.at) <= t0 + asOfDay * 86_400_000 &&
                (t.type === 'earn' || (t.type === 'adjust' && t.points > 0)),
            )
            .reduce((sum, t) => sum + t.points, 0);
          assert.equal(ledger.earned + ledger.pending, earnedInTotal);
        },
      ),
      {numRuns: 200},
    );
  });
});

describe('pointsExpiringWithin', () => {
  it('lists points expiring in the window by day, earliest first', () => {
    const ledger = replayLedger(
      [tx('earn', 10, 0), tx('earn', 20, 0.5), tx('earn', 30, 20), tx('earn', 5, 200)],
      yearly,
      {
        asOf: at(350),
      },
    );
    assert.deepEqual(pointsExpiringWithin(ledger, at(350), 40), [
      {points: 30, expiresAt: at(365)},
      {points: 30, expiresAt: at(385)},
    ]);
    assert.deepEqual(pointsExpiringWithin(ledger, at(350), 5), []);
  });

  it('lists nothing when points never expire', () => {
    const ledger = replayLedger([tx('earn', 10, 0)], never, {asOf: at(1)});
    assert.deepEqual(pointsExpiringWithin(ledger, at(1), 10_000), []);
  });
});
