import {invalidInput} from '../errors.js';
import {MS_PER_DAY, toEpochMs, type Instant} from '../time.js';
import {moneyIn} from '../customers/money.js';
import type {Purchase} from '../customers/purchase.js';
import type {LoyaltyProgram, PointsTransaction, Tier} from './program.js';

/** A member's tier and how far they are from the next one. */
export interface TierStanding {
  /** The tier held. */
  readonly tier: Tier;
  /** The next tier up, or `null` at the top. */
  readonly next: Tier | null;
  /** The qualifying amount (points or spend) the standing was computed from. */
  readonly amount: number;
  /** Qualifying amount still needed for the next tier; 0 at the top. */
  readonly toNext: number;
  /** Share of the way from this tier's threshold to the next one's, from 0 to 1; 1 at the top. */
  readonly progress: number;
}

/**
 * The programme's tiers sorted by threshold, checked: thresholds are finite, not negative and unique,
 * and one tier starts at 0 so every member has a tier.
 *
 * @throws RapportError `invalid_input` naming the offending tier.
 */
export function sortedTiers(program: Pick<LoyaltyProgram, 'tiers'>): Tier[] {
  const tiers = [...program.tiers].sort((a, b) => a.threshold - b.threshold);
  tiers.forEach((tier, i) => {
    if (!Number.isFinite(tier.threshold) || tier.threshold < 0) {
      throw invalidInput(`tiers.${tier.id}.threshold`, 'must be a number of at least 0');
    }
    if (i > 0 && tiers[i - 1]!.threshold === tier.threshold) {
      throw invalidInput(`tiers.${tier.id}.threshold`, `is the same as tier ${tiers[i - 1]!.id}'s`);
    }
  });
  if (tiers[0]?.threshold !== 0) throw invalidInput('tiers', 'need one tier with threshold 0');
  return tiers;
}

/**
 * The tier a qualifying amount earns: the highest tier whose threshold it reaches. The tier never goes
 * down as the amount goes up.
 */
export function evaluateTier(program: Pick<LoyaltyProgram, 'tiers'>, amount: number): TierStanding {
  const tiers = sortedTiers(program);
  let i = 0;
  while (i + 1 < tiers.length && amount >= tiers[i + 1]!.threshold) i++;
  const tier = tiers[i]!;
  const next = tiers[i + 1] ?? null;
  if (next === null) return {tier, next, amount, toNext: 0, progress: 1};
  const span = next.threshold - tier.threshold;
  return {
    tier,
    next,
    amount,
    toNext: next.threshold - amount,
    progress: Math.min(1, Math.max(0, (amount - tier.threshold) / span)),
  };
}

/** What {@link qualifyingAmount} counts from. */
export interface QualifyingInput {
  readonly asOf: Instant;
  /** The member's ledger, for programmes that qualify on points. */
  readonly transactions?: readonly PointsTransaction[];
  /** The member's purchases, for programmes that qualify on spend. */
  readonly purchases?: readonly Purchase[];
}

/**
 * The amount that counts toward tier status in the rolling window ending at `asOf`: qualifying points
 * earned and usable in the window, or net spend in the programme's currency (added up exactly, in its
 * minor unit). Redemptions do not lower status.
 *
 * @throws RapportError `invalid_input` for a purchase in another currency than the programme's, or with
 *   more decimals than that currency has.
 */
export function qualifyingAmount(
  program: Pick<LoyaltyProgram, 'qualification' | 'currency'>,
  input: QualifyingInput,
): number {
  const asOf = toEpochMs(input.asOf, 'asOf');
  const since = asOf - program.qualification.windowDays * MS_PER_DAY;
  const inWindow = (at: number): boolean => at > since && at <= asOf;
  let amount = 0;
  if (program.qualification.basis === 'points') {
    (input.transactions ?? []).forEach((tx, i) => {
      if (tx.type !== 'earn' || tx.qualifying === false) return;
      const at = toEpochMs(tx.at, `transactions[${i}].at`);
      const usable =
        tx.availableAt === undefined || toEpochMs(tx.availableAt, 'availableAt') <= asOf;
      if (inWindow(at) && usable) amount += tx.points;
    });
  } else {
    // Spend is added up in minor units, so spending exactly a threshold reaches it.
    const money = moneyIn(program.currency, `the programme counts spend in ${program.currency}`);
    let minor = 0;
    (input.purchases ?? []).forEach((purchase, i) => {
      const units = money.minorOf(purchase, i);
      if (inWindow(toEpochMs(purchase.at, `purchases[${i}].at`))) minor += units;
    });
    amount = money.toMajor(minor);
  }
  return Math.max(0, amount);
}

/**
 * Points a purchase of `amount` earns for a member of `tierId`: `pointsPerUnit` for each whole unit of
 * currency, summed over the rules that apply. Rules naming the tier replace the general rules. Refunds
 * and zero amounts earn nothing.
 */
export function pointsForPurchase(
  program: Pick<LoyaltyProgram, 'earnRules'>,
  amount: number,
  tierId: string,
): number {
  if (!(amount > 0)) return 0;
  const forTier = program.earnRules.filter((rule) => rule.tierIds?.includes(tierId));
  const rules = forTier.length > 0 ? forTier : program.earnRules.filter((rule) => !rule.tierIds);
  const units = Math.floor(amount);
  return rules.reduce((sum, rule) => sum + Math.floor(units * rule.pointsPerUnit), 0);
}
