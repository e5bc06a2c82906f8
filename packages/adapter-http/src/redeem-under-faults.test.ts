// Redeeming end to end, as <rapport-rewards> does it: a browser-side client (createClient over
// httpAdapter, with its retries) presses "redeem" 20 times, five at a time, against a real gateway on
// 127.0.0.1 over the memory backend, while 30% of the backend's calls fail (some after the work was
// done: the answer is lost, the points are spent). Every press is one idempotency key, kept across
// the client's retries. What the backend holds afterwards must be exactly one ledger line and one
// coupon per successful press, nothing for a refused one, and a balance that never went negative
// and is what the ledger replays to.
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {createDemoData, demoProgram, memoryAdapter} from '@rapport/adapter-memory';
import {httpAdapter} from '@rapport/adapter-http';
import {forgetfulStore} from '@rapport/adapter-testkit';
import {
  createClient,
  isRapportError,
  refusalOf,
  replayLedger,
  type IdempotencyStore,
  type LoyaltyAccount,
  type PointsTransaction,
  type Redemption,
  type Reward,
} from '@rapport/core';
import {createGateway, signCustomerToken} from '@rapport/gateway';
import {serveGateway, type RunningServer} from '@rapport/gateway/node';

const secret = 'redeem-under-faults-secret-long-enough-to-sign';
const audience = 'https://gateway.test';
const asOf = new Date('2026-11-01T00:00:00Z');
const presses = 20;
// The member with the most points: enough for several presses, not for all of them.
const member = [...createDemoData({asOf, size: 30}).accounts].sort(
  (a, b) => b.balance - a.balance,
)[0]!;

/** Every item of a backend list, page by page. */
async function all<T>(
  list: (cursor: string | undefined) => Promise<{items: readonly T[]; nextCursor: string | null}>,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await list(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return items;
}

for (const [name, store] of [
  ["the gateway's idempotency store", undefined],
  // Nothing answered from the gateway's memory: every retry reaches the backend, whose own
  // idempotency must hold alone.
  ['a gateway store that remembers nothing', forgetfulStore()],
] as [string, IdempotencyStore | undefined][]) {
  describe(`redeeming under 30% faults, with ${name}`, () => {
    const started = Date.now();
    const backend = memoryAdapter({
      asOf,
      size: 30,
      // The demo data's date, running from there: its points are the points a press can spend.
      now: () => asOf.getTime() + (Date.now() - started),
    });
    let server: RunningServer;
    let posts = 0;
    const ledgerOf = () =>
      all<PointsTransaction>((cursor) =>
        backend.resources.pointsTransactions!.list(member.customerId, {
          limit: 100,
          ...(cursor !== undefined && {cursor}),
        }),
      );
    const redemptionsOf = () =>
      all<Redemption>((cursor) =>
        backend.resources.redemptions!.list(member.customerId, {
          limit: 100,
          ...(cursor !== undefined && {cursor}),
        }),
      );
    const accountOf = async (): Promise<LoyaltyAccount> =>
      (await backend.resources.loyaltyAccounts!.read([member.customerId]))[0]!.record!;

    before(async () => {
      server = await serveGateway(
        createGateway({
          adapter: backend,
          auth: {secret, audience},
          rateLimit: false,
          ...(store && {idempotencyStore: store}),
        }),
        {port: 0},
      );
    });
    after(async () => {
      await server?.close();
    });

    it('makes exactly one ledger line and one coupon per successful press, and none twice', async () => {
      const rewards = (await backend.resources.rewards!.list(member.customerId, {limit: 100}))
        .items as Reward[];
      // A coupon any member may redeem again and again, which the points pay for several times,
      // not twenty.
      const reward = rewards
        .filter(
          (r) =>
            r.refusal === null &&
            r.kind !== 'item' &&
            r.limitPerCustomer === undefined &&
            r.stock === undefined &&
            Math.floor(member.balance / r.cost) < presses,
        )
        .sort((a, b) => a.cost - b.cost)[0];
      assert.ok(reward, `a reward ${member.customerId} can redeem a few times (${member.balance})`);
      const balance = (await accountOf()).balance;
      const paid = Math.floor(balance / reward.cost);
      const ledgerBefore = await ledgerOf();
      const couponsBefore = (await accountOf()).coupons.length;
      const redemptionsBefore = (await redemptionsOf()).length;

      const token = await signCustomerToken({
        customerId: member.customerId,
        key: {secret},
        audience,
      });
      const client = createClient(
        httpAdapter({
          url: server.url,
          getToken: () => token,
          fetch: (input, init) => {
            if (init?.method === 'POST') posts++;
            return fetch(input, init);
          },
        }),
        {retry: {attempts: 100, baseDelayMs: 1, maxDelayMs: 20, timeoutMs: 60_000}},
      );
      backend.setFaults({rate: 0.3, retryAfterMs: 5, seed: 18});
      const outcomes: PromiseSettledResult<Redemption>[] = [];
      let next = 0;
      const person = async (): Promise<void> => {
        while (next < presses) {
          const n = next++;
          // One press: one call, one idempotency key for all of its retries.
          outcomes[n] = await client
            .create('redemptions', {customerId: member.customerId, rewardId: reward.id})
            .then(
              (value) => ({status: 'fulfilled', value}) as const,
              (reason: unknown) => ({status: 'rejected', reason}) as const,
            );
        }
      };
      await Promise.all(Array.from({length: 5}, person));
      backend.setFaults(null);

      assert.ok(
        posts > presses,
        `faults made the client retry (${posts} POSTs for ${presses} presses)`,
      );
      const redeemed = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
      for (const outcome of outcomes)
        if (outcome.status === 'rejected')
          assert.ok(
            isRapportError(outcome.reason, 'insufficient_points') &&
              refusalOf(outcome.reason) === 'insufficient_points',
            `a refused press says why: ${String(outcome.reason)}`,
          );
      assert.equal(redeemed.length, paid, `the balance ${balance} pays for ${paid} presses`);
      assert.equal(new Set(redeemed.map((r) => r.id)).size, paid, 'each press its own redemption');
      assert.equal(new Set(redeemed.map((r) => r.code)).size, paid, 'each press its own coupon');

      const lines = (await ledgerOf()).filter(
        (line) => !ledgerBefore.some((old) => old.id === line.id),
      );
      assert.equal(lines.length, paid, 'exactly one ledger line per successful press');
      for (const redemption of redeemed)
        assert.deepEqual(
          lines.filter((line) => line.id === redemption.transactionId).map((l) => l.points),
          [reward.cost],
          `press ${redemption.id} took its points once`,
        );
      const account = await accountOf();
      assert.equal(account.coupons.length - couponsBefore, paid, 'exactly one coupon per press');
      assert.equal(
        (await redemptionsOf()).length - redemptionsBefore,
        paid,
        'no press, retried or refused, made a second redemption',
      );
      const held = new Set(account.coupons.map((coupon) => coupon.code));
      for (const redemption of redeemed) assert.ok(held.has(redemption.code!), redemption.code!);

      // The ledger replays without ever taking more than is usable (replayLedger throws
      // insufficient_points when a line would), to the balance the account holds.
      const last = Math.max(...lines.map((line) => Date.parse(line.at)));
      const replayed = replayLedger(await ledgerOf(), demoProgram, {asOf: last});
      assert.ok(account.balance >= 0, `the balance ${account.balance} is not negative`);
      assert.equal(account.balance, replayed.balance, 'the balance is what the ledger replays to');
      assert.equal(
        account.balance,
        balance - paid * reward.cost,
        'the points of the presses, once',
      );
    });
  });
}
