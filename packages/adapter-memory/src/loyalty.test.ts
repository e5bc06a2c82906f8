import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {demoProgram, memoryAdapter, type MemoryAdapter} from '@rapport/adapter-memory';
import {isRapportError, refusalOf, type Redemption, type RedemptionRefusal} from '@rapport/core';

const asOf = new Date('2026-11-01T00:00:00Z');

/** A small backend whose clock starts at `asOf` and moves a second a call. */
function backend(): MemoryAdapter {
  let t = asOf.getTime();
  return memoryAdapter({asOf, size: 30, now: () => (t += 1000)});
}

let keys = 0;
const redeem = (adapter: MemoryAdapter, customerId: string, rewardId: string, key = `k${++keys}`) =>
  adapter.resources.redemptions!.create({customerId, rewardId}, {idempotencyKey: key});
const account = async (adapter: MemoryAdapter, customerId: string) =>
  (await adapter.resources.loyaltyAccounts!.read([customerId]))[0]!.record!;
const offers = async (adapter: MemoryAdapter, customerId: string) =>
  (await adapter.resources.rewards!.list(customerId, {limit: 100})).items;

/** Asserts that `promise` is refused with `reason`, the code core gives it, and `message`. */
async function refused(
  promise: Promise<unknown>,
  reason: RedemptionRefusal,
  message: RegExp,
): Promise<void> {
  await assert.rejects(promise, (e) => {
    assert.ok(isRapportError(e), String(e));
    assert.equal(e.code, reason === 'insufficient_points' ? 'insufficient_points' : 'conflict');
    assert.equal(refusalOf(e), reason);
    assert.match(e.message, message);
    return true;
  });
}

describe('the customer the docs and examples show', () => {
  it('has points, a tier above the first and points expiring within the month, whatever the day', async () => {
    const day = 24 * 3600 * 1000;
    for (let d = 0; d < 730; d += 29) {
      const at = Date.parse('2026-01-01T00:00:00Z') + d * day;
      const adapter = memoryAdapter({asOf: new Date(at), now: () => at + day / 2});
      const shown = (await adapter.resources.loyaltyAccounts!.read(['c-050']))[0]!.record!;
      const when = new Date(at).toISOString().slice(0, 10);
      assert.ok(shown.balance > 0, `${when}: no points`);
      assert.notEqual(shown.tierId, demoProgram.tiers[0]!.id, `${when}: first tier`);
      assert.ok(shown.expiringSoon.length > 0, `${when}: nothing expiring soon`);
    }
  });
});

describe('rewards and redemptions', () => {
  it('reads accounts and rewards as of today, the day a redemption is checked on', async () => {
    // Demo data from a month ago on today's clock: the points that expired since are gone from
    // the balance a widget reads, so a reward shown as redeemable is one a redemption takes.
    const adapter = memoryAdapter({asOf, size: 30});
    for (const customerId of ['c-001', 'c-008', 'c-026']) {
      const {balance} = await account(adapter, customerId);
      for (const reward of await offers(adapter, customerId)) {
        if (reward.refusal !== null) continue;
        assert.ok(reward.cost <= balance, `${customerId}: ${reward.id} shown as redeemable`);
        const redemption = await redeem(adapter, customerId, reward.id);
        assert.equal(redemption.points, reward.cost);
        assert.equal((await account(adapter, customerId)).balance, balance - reward.cost);
        break;
      }
    }
  });

  it('gives tier benefits to every account, in English and Chinese', async () => {
    const adapter = backend();
    const gold = await account(adapter, 'c-018');
    assert.equal(gold.tierId, 'gold');
    assert.deepEqual(gold.tierBenefits, demoProgram.tiers.find((t) => t.id === 'gold')!.benefits);
    assert.ok(gold.tierBenefits!.every((b) => typeof b === 'object' && b['zh-CN'] && b.en));
  });

  it('lists a member’s rewards as offerRewards orders them: redeemable, points away, a tier away, the rest', async () => {
    const adapter = backend();
    const poor = await offers(adapter, 'c-001'); // 214 points, Member
    assert.deepEqual(
      poor.map((r) => [r.id, r.refusal, r.pointsShort]),
      [
        ['tea-sampler', null, 0],
        ['welcome-pot', 'insufficient_points', 86],
        ['fifty-off', 'insufficient_points', 586],
        ['first-flush', 'insufficient_points', 786],
        ['gaiwan', 'insufficient_points', 1286],
        ['gold-tasting', 'tier_too_low', 2286],
        ['autumn-moon', 'not_available', 386],
        ['spring-festival', 'not_available', 986],
      ],
    );
    assert.ok(poor.every((r) => r.customerId === 'c-001' && r.redeemedCount === 0));
    assert.deepEqual(poor.find((r) => r.id === 'gold-tasting')!.minimumTierName, {
      en: 'Gold',
      'zh-CN': '金卡会员',
    });
    const page = await adapter.resources.rewards!.list('c-001', {limit: 3});
    assert.deepEqual(
      page.items.map((r) => r.id),
      ['tea-sampler', 'welcome-pot', 'fifty-off'],
    );
    assert.equal(page.total, 8);
    await assert.rejects(adapter.resources.rewards!.list('c-999'), (e) =>
      isRapportError(e, 'not_found'),
    );
  });

  it('redeems a coupon: one ledger line, the coupon in the account, the balance less the cost', async () => {
    const adapter = backend();
    const before = await account(adapter, 'c-008'); // Silver, 4,197 points
    const redemption = await redeem(adapter, 'c-008', 'fifty-off');
    assert.equal(redemption.points, 800);
    assert.match(redemption.code!, /^LOTUS-[A-Z2-9]{8}$/);
    assert.equal(redemption.customerId, 'c-008');

    const after = await account(adapter, 'c-008');
    assert.equal(after.balance, before.balance - 800);
    assert.equal(after.coupons.length, before.coupons.length + 1);
    assert.deepEqual(after.coupons.at(-1), {
      id: `${redemption.id}-coupon`,
      code: redemption.code,
      title: redemption.rewardName,
      discount: {kind: 'amount', value: 50, currency: 'CNY'},
      validFrom: redemption.createdAt,
      validUntil: new Date(Date.parse(redemption.createdAt) + 90 * 86_400_000).toISOString(),
      status: 'active',
    });

    const ledger = (await adapter.resources.pointsTransactions!.list('c-008', {limit: 100})).items;
    assert.deepEqual(ledger[0], {
      id: redemption.transactionId,
      customerId: 'c-008',
      type: 'redeem',
      points: 800,
      at: redemption.createdAt,
      reason: 'reward:fifty-off',
    });
    assert.equal(ledger.filter((t) => t.id === redemption.transactionId).length, 1);
    const listed = (await adapter.resources.redemptions!.list('c-008')).items;
    assert.deepEqual(listed, [redemption]);
    assert.equal(
      (await offers(adapter, 'c-008')).find((r) => r.id === 'fifty-off')!.redeemedCount,
      1,
    );
  });

  it('lists the points history newest first, page by page', async () => {
    const adapter = backend();
    const all = (await adapter.resources.pointsTransactions!.list('c-008', {limit: 100})).items;
    assert.ok(all.length > 3);
    for (let i = 1; i < all.length; i++)
      assert.ok(Date.parse(all[i - 1]!.at) >= Date.parse(all[i]!.at), `line ${i} is older`);
    const first = await adapter.resources.pointsTransactions!.list('c-008', {limit: 2});
    const second = await adapter.resources.pointsTransactions!.list('c-008', {
      limit: 2,
      cursor: first.nextCursor!,
    });
    assert.deepEqual(
      [...first.items, ...second.items].map((t) => t.id),
      all.slice(0, 4).map((t) => t.id),
    );
  });

  it('gives an item without a code or a coupon, and takes it from the stock left for everyone', async () => {
    const adapter = backend();
    const coupons = (await account(adapter, 'c-018')).coupons.length;
    const item = await redeem(adapter, 'c-018', 'first-flush');
    assert.equal(item.code, null);
    assert.equal((await account(adapter, 'c-018')).coupons.length, coupons);
    const stock = async (customerId: string) =>
      (await offers(adapter, customerId)).find((r) => r.id === 'first-flush')!.stock;
    assert.equal(await stock('c-008'), 2, 'every member sees the stock go down');
    await redeem(adapter, 'c-008', 'first-flush');
    await redeem(adapter, 'c-030', 'first-flush');
    assert.equal(await stock('c-021'), 0);
    assert.equal(adapter.data.rewards.find((r) => r.id === 'first-flush')!.stock, 0);
    await refused(
      redeem(adapter, 'c-021', 'first-flush'),
      'out_of_stock',
      /^Reward first-flush cannot be redeemed: it is out of stock$/,
    );
  });

  it('refuses each reason with a message that says it, and leaves the account alone', async () => {
    const adapter = backend();
    const before = await account(adapter, 'c-001');
    await refused(
      redeem(adapter, 'c-001', 'gaiwan'),
      'insufficient_points',
      /^Reward gaiwan cannot be redeemed: the member has too few points \(it costs 1500, the balance is 214\)$/,
    );
    await refused(
      redeem(adapter, 'c-008', 'gold-tasting'),
      'tier_too_low',
      /^Reward gold-tasting cannot be redeemed: it needs a higher tier$/,
    );
    await refused(
      redeem(adapter, 'c-008', 'autumn-moon'),
      'not_available',
      /it is not offered at this time/,
    );
    await refused(
      redeem(adapter, 'c-008', 'spring-festival'),
      'not_available',
      /it is not offered at this time/,
    );
    await redeem(adapter, 'c-008', 'welcome-pot');
    await refused(
      redeem(adapter, 'c-008', 'welcome-pot'),
      'limit_reached',
      /^Reward welcome-pot cannot be redeemed: the member has redeemed it as often as allowed$/,
    );
    assert.deepEqual(await account(adapter, 'c-001'), before);
    assert.equal(adapter.data.redemptions.length, 1);
  });

  it('refuses an unknown member or reward, and a malformed input, naming the field', async () => {
    const adapter = backend();
    const field = (promise: Promise<unknown>, name: string, message: RegExp) =>
      assert.rejects(promise, (e) => {
        assert.ok(isRapportError(e, 'invalid_input'), String(e));
        assert.ok(name in e.fields, `names ${name}: ${JSON.stringify(e.fields)}`);
        assert.match(e.message, message);
        return true;
      });
    await field(redeem(adapter, 'c-999', 'gaiwan'), 'customerId', /customerId: is not a member/);
    await field(redeem(adapter, 'c-008', 'yacht'), 'rewardId', /rewardId: is not a reward/);
    await field(
      adapter.resources.redemptions!.create({customerId: 'c-008'} as never, {idempotencyKey: 'x'}),
      'rewardId',
      /The redemption is not valid: rewardId must be a non-empty id/,
    );
    await field(
      adapter.resources.redemptions!.create(
        {customerId: 'c-008', rewardId: 'gaiwan'},
        {
          idempotencyKey: '',
        },
      ),
      'idempotencyKey',
      /idempotencyKey/,
    );
  });

  it('keeps a refusal as the outcome of its key; an invalid input may be corrected under the same key', async () => {
    const adapter = backend();
    await refused(redeem(adapter, 'c-001', 'gaiwan', 'same'), 'insufficient_points', /too few/);
    await refused(redeem(adapter, 'c-001', 'gaiwan', 'same'), 'insufficient_points', /too few/);
    await assert.rejects(redeem(adapter, 'c-001', 'tea-sampler', 'same'), (e) =>
      isRapportError(e, 'conflict'),
    );
    await assert.rejects(redeem(adapter, 'c-001', 'tea', 'fixable'), (e) =>
      isRapportError(e, 'invalid_input'),
    );
    const fixed = await redeem(adapter, 'c-001', 'tea-sampler', 'fixable');
    assert.equal(fixed.rewardId, 'tea-sampler');
  });

  it('makes one redemption of a key pressed twice at once, and one of two keys when points suffice for one', async () => {
    const adapter = backend();
    const settle = async (key: string, rewardId: string): Promise<Redemption | string> => {
      for (;;) {
        try {
          return await redeem(adapter, 'c-001', rewardId, key);
        } catch (e) {
          if (isRapportError(e) && e.retryable) {
            await new Promise((resolve) => setTimeout(resolve, 1));
            continue;
          }
          return isRapportError(e) ? e.code : String(e);
        }
      }
    };
    const [a, b] = await Promise.all([
      settle('press', 'tea-sampler'),
      settle('press', 'tea-sampler'),
    ]);
    assert.equal((a as Redemption).id, (b as Redemption).id, 'both hear of the one redemption');
    assert.equal(adapter.data.redemptions.length, 1);

    const other = backend();
    const twice = await Promise.all(
      ['left', 'right'].map((key) =>
        other.resources
          .redemptions!.create(
            {customerId: 'c-001', rewardId: 'tea-sampler'},
            {idempotencyKey: key},
          )
          .then(
            (r) => r.id,
            (e) => e.code,
          ),
      ),
    );
    assert.deepEqual(twice.filter((o) => o === 'insufficient_points').length, 1, twice.join());
    assert.equal(other.data.redemptions.length, 1);
    assert.equal((await account(other, 'c-001')).balance, 14);
  });

  it('may lose the answer of a redemption it made; the retry with its key gets the same one', async () => {
    const adapter = backend();
    adapter.setFaults({rate: 1, kinds: ['timeout'], seed: 4});
    const lost: string[] = [];
    for (let n = 0; lost.length === 0 && n < 20; n++) {
      const before = adapter.data.redemptions.length;
      await assert.rejects(redeem(adapter, 'c-018', 'tea-sampler', `lost-${n}`), (e) =>
        isRapportError(e, 'timeout'),
      );
      if (adapter.data.redemptions.length > before) lost.push(`lost-${n}`);
    }
    assert.equal(lost.length, 1, 'a fault struck after the work');
    adapter.setFaults(null);
    const stored = adapter.data.redemptions[0]!;
    assert.equal((await redeem(adapter, 'c-018', 'tea-sampler', lost[0]!)).id, stored.id);
    assert.equal(adapter.data.redemptions.length, 1);
  });
});
