import {RapportError, refuseInput, requireObject} from '../errors.js';
import type {LocalizedText} from '../fields.js';
import {toEpochMs, toIso, type Instant, type IsoDateTime} from '../time.js';
import type {Coupon, LoyaltyAccount, LoyaltyProgram, PointsTransaction} from './program.js';
import {sortedTiers} from './tiers.js';

/** What a reward gives: a coupon code, a discount off the next purchase, or an item. */
export const rewardKinds = ['coupon', 'discount', 'item'] as const;
/** One of {@link rewardKinds}. */
export type RewardKind = (typeof rewardKinds)[number];

/**
 * Why a member cannot redeem a reward now. `insufficient_points`, `tier_too_low`, `out_of_stock` and
 * `limit_reached` are the classic four; `not_available` is a reward outside its availability window.
 */
export const redemptionRefusals = [
  'insufficient_points',
  'tier_too_low',
  'out_of_stock',
  'limit_reached',
  'not_available',
] as const;
/** One of {@link redemptionRefusals}. */
export type RedemptionRefusal = (typeof redemptionRefusals)[number];

/** A reward of a loyalty programme, as the programme defines it. */
export interface RewardDefinition {
  /** Stable id (`coffee`, `ten-off`). */
  readonly id: string;
  /** Name shown to people. */
  readonly name: LocalizedText;
  /** One or two sentences. */
  readonly description?: LocalizedText;
  /** Points it costs: a positive whole number. */
  readonly cost: number;
  readonly kind: RewardKind;
  /** For `coupon` and `discount`: what the code takes off. */
  readonly discount?: Coupon['discount'];
  /** Days the coupon code stays valid after redemption. Default 90. */
  readonly validDays?: number;
  /** The lowest tier that may redeem it; any member when absent. */
  readonly minimumTierId?: string;
  /** How many times one member may redeem it; no limit when absent. */
  readonly limitPerCustomer?: number;
  /** When it can first be redeemed; at once when absent. */
  readonly availableFrom?: IsoDateTime;
  /** When it can last be redeemed; no end when absent. */
  readonly availableUntil?: IsoDateTime;
  /** How many are left for everyone; unlimited when absent. */
  readonly stock?: number;
}

/**
 * A reward as one member sees it: the definition, and whether and why they can redeem it now. Lists
 * of rewards come ordered by {@link offerRewards}.
 */
export interface Reward extends RewardDefinition {
  /** The member. */
  readonly customerId: string;
  /** Why the member cannot redeem it now; `null` when they can. */
  readonly refusal: RedemptionRefusal | null;
  /** Points the member still needs (0 when they have enough). */
  readonly pointsShort: number;
  /** The name of `minimumTierId`'s tier, so a widget can say which tier it takes. */
  readonly minimumTierName?: LocalizedText;
  /** How many times the member has redeemed it. */
  readonly redeemedCount: number;
}

/** One redemption: the points spent, the ledger line written, the code given. */
export interface Redemption {
  /** Stable id. */
  readonly id: string;
  /** The member. */
  readonly customerId: string;
  readonly rewardId: string;
  /** The reward's name when it was redeemed. */
  readonly rewardName: LocalizedText;
  readonly kind: RewardKind;
  /** Points spent. */
  readonly points: number;
  /** The coupon code for `coupon` and `discount` rewards; `null` for an item. */
  readonly code: string | null;
  /** The ledger line that took the points. */
  readonly transactionId: string;
  readonly createdAt: IsoDateTime;
}

/** What a person submits to redeem a reward. */
export interface RedemptionInput {
  readonly customerId: string;
  readonly rewardId: string;
}

/** What {@link redemptionRefusal} and {@link offerRewards} look at. */
export interface MemberStanding {
  /** The member's account (balance and tier). */
  readonly account: Pick<LoyaltyAccount, 'customerId' | 'balance' | 'tierId'>;
  /** How many times the member has redeemed each reward, by reward id. */
  readonly redeemed: Readonly<Record<string, number>>;
  readonly at: Instant;
}

/**
 * Why the member cannot redeem `reward` now, or `null` when they can. The order of the checks is the
 * order a person can act on: a reward that is not offered, then gone, then used up for them, then
 * out of their tier, then out of their points.
 */
export function redemptionRefusal(
  program: Pick<LoyaltyProgram, 'tiers'>,
  reward: RewardDefinition,
  standing: MemberStanding,
): RedemptionRefusal | null {
  const at = toEpochMs(standing.at, 'at');
  if (
    (reward.availableFrom !== undefined && at < Date.parse(reward.availableFrom)) ||
    (reward.availableUntil !== undefined && at > Date.parse(reward.availableUntil))
  )
    return 'not_available';
  if (reward.stock !== undefined && reward.stock <= 0) return 'out_of_stock';
  const count = Object.hasOwn(standing.redeemed, reward.id) ? standing.redeemed[reward.id]! : 0;
  if (reward.limitPerCustomer !== undefined && count >= reward.limitPerCustomer)
    return 'limit_reached';
  // A tier the programme does not have is one nobody holds: a mistyped id opens the reward to no one.
  if (reward.minimumTierId !== undefined) {
    const needed = tierRank(program, reward.minimumTierId);
    if (needed < 0 || tierRank(program, standing.account.tierId) < needed) return 'tier_too_low';
  }
  if (standing.account.balance < reward.cost) return 'insufficient_points';
  return null;
}

/**
 * The rewards as the member sees them, in the order a rewards list shows them: those they can redeem
 * now (cheapest first), then those only points away (fewest points short first), then those a tier
 * away, then the rest (used up, out of stock, not offered now).
 */
export function offerRewards(
  program: Pick<LoyaltyProgram, 'tiers'>,
  rewards: readonly RewardDefinition[],
  standing: MemberStanding,
): Reward[] {
  const rank: Record<string, number> = {insufficient_points: 1, tier_too_low: 2};
  const offers = rewards.map((reward) => {
    const refusal = redemptionRefusal(program, reward, standing);
    const minimumTier =
      reward.minimumTierId === undefined
        ? undefined
        : program.tiers.find((tier) => tier.id === reward.minimumTierId);
    return {
      ...reward,
      customerId: standing.account.customerId,
      refusal,
      pointsShort: Math.max(0, reward.cost - standing.account.balance),
      ...(minimumTier && {minimumTierName: minimumTier.name}),
      redeemedCount: Object.hasOwn(standing.redeemed, reward.id)
        ? standing.redeemed[reward.id]!
        : 0,
    } satisfies Reward;
  });
  const order = (offer: Reward): number =>
    offer.refusal === null ? 0 : (rank[offer.refusal] ?? 3);
  return offers.sort(
    (a, b) => order(a) - order(b) || a.pointsShort - b.pointsShort || a.cost - b.cost,
  );
}

/** What {@link redeemReward} writes. */
export interface RedemptionResult {
  readonly redemption: Redemption;
  /** The ledger line that takes the points: append it to the member's transactions. */
  readonly transaction: PointsTransaction;
  /** The coupon the member now holds, for `coupon` and `discount` rewards. */
  readonly coupon: Coupon | null;
}

/** What {@link redeemReward} needs besides the reward and the member. */
export interface RedeemOptions {
  /** The id of the redemption; the ledger line and the coupon take ids derived from it. */
  readonly id: string;
  /** The coupon code to give, for `coupon` and `discount` rewards (from the backend's generator). */
  readonly code: string;
}

/**
 * Redeems `reward` for the member: checks it with {@link redemptionRefusal}, and returns the ledger line
 * that takes the points, the coupon and the redemption record. Nothing is changed: the caller stores
 * the three together (and takes one from the reward's stock) or none of them.
 *
 * @throws RapportError `insufficient_points` when the balance is short; `conflict` for the other
 *   refusals. Either way `details.reason` is the {@link RedemptionRefusal} and the message says it in words.
 */
export function redeemReward(
  program: Pick<LoyaltyProgram, 'tiers'>,
  reward: RewardDefinition,
  standing: MemberStanding,
  options: RedeemOptions,
): RedemptionResult {
  const refusal = redemptionRefusal(program, reward, standing);
  if (refusal !== null) throw refusedRedemption(reward, refusal, standing);
  const at = toEpochMs(standing.at, 'at');
  const createdAt = toIso(at);
  const customerId = standing.account.customerId;
  const transaction: PointsTransaction = {
    id: `${options.id}-points`,
    customerId,
    type: 'redeem',
    points: reward.cost,
    at: createdAt,
    reason: `reward:${reward.id}`,
  };
  const coupon: Coupon | null =
    reward.kind === 'item'
      ? null
      : {
          id: `${options.id}-coupon`,
          code: options.code,
          title: reward.name,
          discount: reward.discount ?? {kind: 'percent', value: 0},
          validFrom: createdAt,
          validUntil: toIso(at + (reward.validDays ?? 90) * 86_400_000),
          status: 'active',
        };
  return {
    transaction,
    coupon,
    redemption: {
      id: options.id,
      customerId,
      rewardId: reward.id,
      rewardName: reward.name,
      kind: reward.kind,
      points: reward.cost,
      code: coupon?.code ?? null,
      transactionId: transaction.id,
      createdAt,
    },
  };
}

const refusalWords: Readonly<Record<RedemptionRefusal, string>> = {
  insufficient_points: 'the member has too few points',
  tier_too_low: 'it needs a higher tier',
  out_of_stock: 'it is out of stock',
  limit_reached: 'the member has redeemed it as often as allowed',
  not_available: 'it is not offered at this time',
};

/** The error for a refused redemption: what {@link redeemReward} throws, for adapters that check themselves. */
export function refusedRedemption(
  reward: Pick<RewardDefinition, 'id' | 'cost'>,
  reason: RedemptionRefusal,
  standing?: MemberStanding,
): RapportError {
  const balance = standing?.account.balance;
  return new RapportError(
    reason === 'insufficient_points' ? 'insufficient_points' : 'conflict',
    `Reward ${reward.id} cannot be redeemed: ${refusalWords[reason]}` +
      (reason === 'insufficient_points' && balance !== undefined
        ? ` (it costs ${reward.cost}, the balance is ${balance})`
        : ''),
    {
      details: {
        reason,
        rewardId: reward.id,
        ...(reason === 'insufficient_points' && {
          requested: reward.cost,
          ...(balance !== undefined && {available: balance}),
        }),
      },
    },
  );
}

/** The refusal a redemption error carries, or `null` for any other error. */
export function refusalOf(error: unknown): RedemptionRefusal | null {
  const reason = (error as {details?: {reason?: unknown}} | null)?.details?.reason;
  return (redemptionRefusals as readonly unknown[]).includes(reason)
    ? (reason as RedemptionRefusal)
    : null;
}

/** A tier's place from the bottom (0); -1 for a tier the programme does not have. */
function tierRank(program: Pick<LoyaltyProgram, 'tiers'>, tierId: string): number {
  return sortedTiers(program).findIndex((tier) => tier.id === tierId);
}

/**
 * Checks a redemption submission and returns it typed.
 *
 * @throws RapportError `invalid_input` naming each field at fault.
 */
export function validateRedemptionInput(input: unknown): RedemptionInput {
  requireObject('redemption', input);
  const problems: Record<string, string> = {};
  for (const field of ['customerId', 'rewardId'] as const) {
    const value = input[field];
    if (typeof value !== 'string' || value === '' || value.length > 256)
      problems[field] = 'must be a non-empty id';
  }
  refuseInput('redemption', problems);
  return {customerId: input.customerId as string, rewardId: input.rewardId as string};
}
