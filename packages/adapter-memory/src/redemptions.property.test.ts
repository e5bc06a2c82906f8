// Property tests of redemptions against the ledger: random presses, repeated keys, parallel batches
// and 30% injected faults, then the invariants a points programme cannot break.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {demoProgram, demoRewards, memoryAdapter, type MemoryAdapter} from '@rapport/adapter-memory';
import {isRapportError, refusalOf, replayLedger, type PointsTransaction} from '@rapport/core';

const asOf = new Date('2026-11-01T00:00:00Z');
// Gold with 7,637 points, Member with 214, Silver with 4,197 (in the data set of 30 customers).
const customers = ['c-018', 'c-001', 'c-008'];
const rewards = demoRewards(asOf.getTime());
/** Each key stands for one press: one member, one reward, always the same. */
const inputOf = (key: number) => ({
  customerId: customers[key % customers.length]!,
  rewardId: rewards[Math.floor(key / customers.length) % rewards.length]!.id,
});
const keyCount = customers.length * rewards.length;

type Outcome = {readonly id: string} | {readonly code: string; readonly reason: string | null};

/** Presses until the backend gives an answer that is not transient, as a client's retries would. */
async function settle(adapter: MemoryAdapter, key: number): Promise<Outcome> {
  for (let attempt = 0; attempt < 200; attempt++) {
    try {
      const redemption = await adapter.resources.redemptions!.create(inputOf(key), {
        idempotencyKey: `press-${key}`,
      });
      return {id: redemption.id};
    } catch (error) {
      if (!isRapportError(error)) throw error;
      if (!error.retryable) return {code: error.code, reason: refusalOf(error)};
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  throw new Error(`press-${key} never got an answer`);
}

/** Earned minus spent, line by line, as the ledger states it. */
function lineTotal(lines: readonly PointsTransaction[], asOfMs: number): number {
  return lines
    .filter((t) => Date.parse(t.at) <= asOfMs)
    .reduce(
      (sum, t) => sum + (t.type === 'earn' || t.type === 'adjust' ? t.points : -Math.abs(t.points)),
      0,
    );
}

function checkInvariants(adapter: MemoryAdapter, outcomes: Map<number, Outcome[]>): void {
  const {redemptions, transactions, accounts} = adapter.data;
  // One answer per key, however often it was pressed, in parallel or after a lost answer.
  for (const [key, seen] of outcomes)
    for (const outcome of seen) assert.deepEqual(outcome, seen[0], `press-${key} answers alike`);
  const succeeded = [...outcomes].filter(([, seen]) => 'id' in seen[0]!);
  assert.equal(redemptions.length, succeeded.length, 'one redemption per key that succeeded');
  assert.equal(new Set(redemptions.map((r) => r.id)).size, redemptions.length);
  for (const [key, seen] of succeeded) {
    const redemption = redemptions.find((r) => r.id === (seen[0] as {id: string}).id)!;
    assert.deepEqual(
      {customerId: redemption.customerId, rewardId: redemption.rewardId},
      inputOf(key),
    );
    const lines = transactions.filter((t) => t.id === redemption.transactionId);
    assert.equal(lines.length, 1, `one ledger line for press-${key}`);
    assert.equal(lines[0]!.points, redemption.points);
    const coupons = accounts
      .flatMap((a) => a.coupons)
      .filter((c) => c.id === `${redemption.id}-coupon`);
    assert.equal(coupons.length, redemption.kind === 'item' ? 0 : 1, `coupons of press-${key}`);
  }
  assert.equal(
    transactions.filter((t) => t.reason?.startsWith('reward:')).length,
    redemptions.length,
    'no ledger line without a redemption',
  );

  for (const customerId of customers) {
    const account = accounts.find((a) => a.customerId === customerId)!;
    const own = transactions.filter((t) => t.customerId === customerId);
    const at = Date.parse(account.asOf);
    // replayLedger throws if any line ever took more than was usable at its time.
    const ledger = replayLedger(own, demoProgram, {asOf: at});
    assert.ok(account.balance >= 0, `${customerId}: balance ${account.balance}`);
    assert.equal(
      account.balance,
      ledger.balance,
      `${customerId}: the account agrees with its ledger`,
    );
    assert.equal(ledger.earned, ledger.balance + ledger.redeemed + ledger.expired, 'conserved');
    assert.equal(
      lineTotal(own, at),
      ledger.balance + ledger.pending + ledger.expired,
      `${customerId}: earned minus spent is the balance, the pending and the expired points`,
    );
  }
  for (const reward of rewards) {
    const count = redemptions.filter((r) => r.rewardId === reward.id).length;
    const left = adapter.data.rewards.find((r) => r.id === reward.id)!.stock;
    if (reward.stock !== undefined) assert.equal(left, reward.stock - count, `${reward.id} stock`);
    if (reward.stock !== undefined) assert.ok(left! >= 0);
    for (const customerId of customers) {
      const own = redemptions.filter(
        (r) => r.rewardId === reward.id && r.customerId === customerId,
      );
      if (reward.limitPerCustomer !== undefined) assert.ok(own.length <= reward.limitPerCustomer);
    }
  }
}

describe('redemptions against the ledger (property)', () => {
  it('never go negative, conserve points and happen once per key, under parallel presses and 30% faults', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.nat({max: keyCount - 1}), {minLength: 1, maxLength: 5}), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.integer({min: 1, max: 2 ** 31 - 1}),
        async (batches, seed) => {
          let t = asOf.getTime();
          const adapter = memoryAdapter({asOf, size: 30, now: () => (t += 1000)});
          adapter.setFaults({rate: 0.3, seed});
          const outcomes = new Map<number, Outcome[]>();
          const note = (key: number, outcome: Outcome) =>
            outcomes.set(key, [...(outcomes.get(key) ?? []), outcome]);
          for (const batch of batches) {
            const answers = await Promise.all(batch.map((key) => settle(adapter, key)));
            batch.forEach((key, i) => note(key, answers[i]!));
          }
          // Every key again, without faults: the retry after a lost answer hears the first outcome.
          adapter.setFaults(null);
          for (const key of outcomes.keys()) note(key, await settle(adapter, key));
          checkInvariants(adapter, outcomes);
        },
      ),
      {numRuns: 60},
    );
  });

  it('spend a balance that covers one press on exactly one of many parallel presses', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({min: 2, max: 8}),
        fc.integer({min: 1, max: 10_000}),
        async (n, seed) => {
          let t = asOf.getTime();
          const adapter = memoryAdapter({asOf, size: 30, now: () => (t += 1000)});
          adapter.setFaults({rate: 0.3, seed});
          // c-001 has 214 points: one 200-point coupon and no more.
          const answers = await Promise.all(
            Array.from({length: n}, async (_, i) => {
              for (;;) {
                try {
                  return (
                    await adapter.resources.redemptions!.create(
                      {customerId: 'c-001', rewardId: 'tea-sampler'},
                      {idempotencyKey: `parallel-${i}`},
                    )
                  ).id;
                } catch (error) {
                  if (isRapportError(error) && error.retryable) {
                    await new Promise((resolve) => setImmediate(resolve));
                    continue;
                  }
                  return isRapportError(error) ? error.code : String(error);
                }
              }
            }),
          );
          assert.equal(answers.filter((a) => a.startsWith('rd-')).length, 1, answers.join());
          assert.equal(answers.filter((a) => a === 'insufficient_points').length, n - 1);
          assert.equal(adapter.data.accounts.find((a) => a.customerId === 'c-001')!.balance, 14);
        },
      ),
      {numRuns: 20},
    );
  });
});
