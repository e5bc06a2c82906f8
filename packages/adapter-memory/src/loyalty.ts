import {
  invalidInput,
  offerRewards,
  redeemReward,
  summarizeAccount,
  validateRedemptionInput,
  type Coupon,
  type LoyaltyAccount,
  type LoyaltyProgram,
  type MemberStanding,
  type PointsTransaction,
  type Purchase,
  type Redemption,
  type RedemptionResult,
  type Reward,
  type RewardDefinition,
} from '@rapport/core';
import type {DemoData} from './demo-data/generate.js';
import {seededRandom} from './demo-data/random.js';

/**
 * The members' points, coupons and redemptions, and the rewards' stock: what a redemption changes, in
 * one place. Every change is synchronous, so two redemptions can never interleave between the check
 * of a balance and the line that takes from it.
 */
export interface LoyaltyBook {
  /**
   * The member's account as of `at` (or its own date, when later), from the ledger, so what a widget
   * reads is what a redemption is checked against; `undefined` for someone who is not a member.
   */
  account(customerId: string, at: number): LoyaltyAccount | undefined;
  /** The member's ledger, newest first by `at`. */
  ledger(customerId: string): readonly PointsTransaction[];
  /**
   * The rewards as the member sees them at `at`, in `offerRewards` order, against the account as
   * `account` gives it (so the list and the balance a widget shows agree); none for a non-member.
   */
  offers(customerId: string, at: number): Reward[];
  /** The member's redemptions, newest first. */
  redemptions(customerId: string): readonly Redemption[];
  /**
   * Redeems a reward at `at` (or at the account's date, when that is later: a redemption never goes
   * before lines already in the ledger) and records it.
   *
   * @throws RapportError `invalid_input` for an unknown customer or reward; the refusals of
   *   `redeemReward` (`insufficient_points`, or `conflict` with `details.reason`).
   */
  redeem(input: unknown, at: number): RedemptionResult;
  /** Records a redemption made before (from a snapshot). */
  restore(result: RedemptionResult): void;
  /** Every redemption made through the book, oldest first. */
  readonly made: readonly RedemptionResult[];
  /** The rewards, with the stock left. */
  rewards(): RewardDefinition[];
  /** Every account, seeded or changed since. */
  accounts(): LoyaltyAccount[];
  /** Every ledger line, seeded and written since. */
  transactions(): PointsTransaction[];
}

const codeAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A book over the seeded data; `seed` makes coupon codes reproducible. */
export function loyaltyBook(seeded: DemoData, seed: number): LoyaltyBook {
  const program: LoyaltyProgram = seeded.program;
  const accounts = new Map(seeded.accounts.map((a) => [a.customerId, a]));
  const ledgers = group(seeded.transactions, (t) => t.customerId);
  const purchases = group<Purchase>(seeded.purchases, (p) => p.customerId);
  const coupons = new Map<string, Coupon[]>(
    seeded.accounts.map((a) => [a.customerId, [...a.coupons]]),
  );
  const definitions = new Map(seeded.rewards.map((r) => [r.id, r]));
  const stock = new Map<string, number>();
  for (const r of seeded.rewards) if (r.stock !== undefined) stock.set(r.id, r.stock);
  const redemptions = new Map<string, Redemption[]>();
  const codes = new Set(seeded.accounts.flatMap((a) => a.coupons.map((c) => c.code)));
  const made: RedemptionResult[] = [];
  const random = seededRandom(seed + 0x2545f491);

  const current = (reward: RewardDefinition): RewardDefinition =>
    stock.has(reward.id) ? {...reward, stock: stock.get(reward.id)!} : reward;
  const standing = (account: LoyaltyAccount, at: number): MemberStanding => {
    const redeemed: Record<string, number> = {};
    for (const r of redemptions.get(account.customerId) ?? [])
      redeemed[r.rewardId] = (redeemed[r.rewardId] ?? 0) + 1;
    return {account, redeemed, at};
  };
  /** The account as of `at`, from the ledger: points that became usable or expired since count. */
  const accountAt = (
    customerId: string,
    at: number,
    transactions = ledgers.get(customerId) ?? [],
    held = coupons.get(customerId) ?? [],
  ): LoyaltyAccount =>
    summarizeAccount(program, {
      customerId,
      transactions,
      purchases: purchases.get(customerId) ?? [],
      coupons: held,
      asOf: at,
    });
  const newCode = (): string => {
    for (;;) {
      let code = 'LOTUS-';
      for (let i = 0; i < 8; i++) code += random.pick([...codeAlphabet]);
      if (!codes.has(code)) return code;
    }
  };
  const record = (result: RedemptionResult): void => {
    const {customerId, rewardId, createdAt} = result.redemption;
    const ledger = [...(ledgers.get(customerId) ?? []), result.transaction];
    const held = [...(coupons.get(customerId) ?? []), ...(result.coupon ? [result.coupon] : [])];
    // The account first: if the ledger rules refuse the new line (they throw), nothing has changed.
    const account = accountAt(customerId, Date.parse(createdAt), ledger, held);
    ledgers.set(customerId, ledger);
    coupons.set(customerId, held);
    accounts.set(customerId, account);
    if (result.redemption.code !== null) codes.add(result.redemption.code);
    redemptions.set(customerId, [result.redemption, ...(redemptions.get(customerId) ?? [])]);
    if (stock.has(rewardId)) stock.set(rewardId, stock.get(rewardId)! - 1);
    made.push(result);
  };

  // As of the start of `at`'s UTC day: points expire and become usable by the day, and two reads in
  // one day give the same account.
  const accountNow = (customerId: string, at: number): LoyaltyAccount | undefined => {
    const held = accounts.get(customerId);
    if (!held) return undefined;
    const day = Math.floor(at / 86_400_000) * 86_400_000;
    if (day <= Date.parse(held.asOf)) return held;
    // Replayed once a day, not on every read.
    const today = accountAt(customerId, day);
    accounts.set(customerId, today);
    return today;
  };

  return {
    account: accountNow,
    ledger: (customerId) => [...(ledgers.get(customerId) ?? [])].reverse(),
    offers(customerId, at) {
      const account = accountNow(customerId, at);
      return account
        ? offerRewards(program, seeded.rewards.map(current), standing(account, at))
        : [];
    },
    redemptions: (customerId) => redemptions.get(customerId) ?? [],
    redeem(input, at) {
      const checked = validateRedemptionInput(input);
      const held = accounts.get(checked.customerId);
      if (!held) throw invalidInput('customerId', 'is not a member of this backend');
      const reward = definitions.get(checked.rewardId);
      if (!reward) throw invalidInput('rewardId', 'is not a reward of this programme');
      // Checked against the account as widgets read it (as of the day), so a reward shown as
      // redeemable is redeemed; the ledger line then replays at its own time, and a lot that expired
      // within the day refuses it there, before anything changes.
      const when = Math.max(at, Date.parse(held.asOf));
      const result = redeemReward(
        program,
        current(reward),
        standing(accountNow(checked.customerId, when)!, when),
        {id: `rd-${String(made.length + 1).padStart(6, '0')}`, code: newCode()},
      );
      record(result);
      return result;
    },
    restore: record,
    made,
    rewards: () => seeded.rewards.map(current),
    accounts: () => [...accounts.values()],
    transactions: () => [...ledgers.values()].flat(),
  };
}

function group<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) push(map, key(item), item);
  return map;
}

function push<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}
