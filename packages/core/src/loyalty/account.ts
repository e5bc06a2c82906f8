import {toEpochMs, toIso, type Instant} from '../time.js';
import type {Purchase} from '../customers/purchase.js';
import {pointsExpiringWithin, replayLedger} from './ledger.js';
import type {Coupon, LoyaltyAccount, LoyaltyProgram, PointsTransaction} from './program.js';
import {evaluateTier, qualifyingAmount} from './tiers.js';

/** What a member's account is computed from. */
export interface AccountInput {
  readonly customerId: string;
  /** The member's points ledger. */
  readonly transactions: readonly PointsTransaction[];
  /** The member's purchases (needed when the programme qualifies on spend). */
  readonly purchases?: readonly Purchase[];
  /** Coupons the member holds. */
  readonly coupons?: readonly Coupon[];
  readonly asOf: Instant;
  /** How far ahead "expiring soon" looks, in days. Default 30. */
  readonly expiringWithinDays?: number;
}

/**
 * A member's account as of a date: balance and pending points from the ledger, tier from the
 * qualifying window, points expiring soon, and coupons still valid at that date.
 *
 * @throws RapportError as {@link replayLedger} and {@link qualifyingAmount} do.
 */
export function summarizeAccount(program: LoyaltyProgram, input: AccountInput): LoyaltyAccount {
  const asOf = toEpochMs(input.asOf, 'asOf');
  const ledger = replayLedger(input.transactions, program, {asOf});
  const standing = evaluateTier(program, qualifyingAmount(program, {...input, asOf}));
  return {
    customerId: input.customerId,
    programId: program.id,
    balance: ledger.balance,
    pending: ledger.pending,
    lifetimePoints: ledger.earned,
    qualifyingAmount: standing.amount,
    tierId: standing.tier.id,
    tierName: standing.tier.name,
    ...(standing.tier.color !== undefined && {tierColor: standing.tier.color}),
    ...(standing.tier.benefits !== undefined && {tierBenefits: standing.tier.benefits}),
    nextTierId: standing.next?.id ?? null,
    nextTierName: standing.next?.name ?? null,
    toNextTier: standing.toNext,
    tierProgress: standing.progress,
    expiringSoon: pointsExpiringWithin(ledger, asOf, input.expiringWithinDays ?? 30),
    coupons: (input.coupons ?? []).map((coupon) =>
      coupon.status === 'active' && Date.parse(coupon.validUntil) < asOf
        ? {...coupon, status: 'expired' as const}
        : coupon,
    ),
    asOf: toIso(asOf),
  };
}

/** What a CRM that holds loyalty as two fields of the customer (points and a tier) knows. */
export interface HeldAccountInput {
  readonly customerId: string;
  readonly programId: string;
  /** The points field. */
  readonly points: number;
  /** The tier field's value, and its label. */
  readonly tierId: string;
  readonly tierName: string;
  /** When the customer's record last changed: the figures are as of then. */
  readonly asOf: string;
}

/**
 * The account of a member whose CRM holds only their points and tier (fields of a HubSpot contact or
 * a Salesforce Contact), not a ledger or the programme's thresholds: everything is the balance, no
 * points are pending or expiring, and there is no next tier to count towards.
 */
export function heldAccount(input: HeldAccountInput): LoyaltyAccount {
  return {
    customerId: input.customerId,
    programId: input.programId,
    balance: input.points,
    pending: 0,
    lifetimePoints: input.points,
    qualifyingAmount: input.points,
    tierId: input.tierId,
    tierName: input.tierName,
    nextTierId: null,
    nextTierName: null,
    toNextTier: 0,
    tierProgress: 1,
    expiringSoon: [],
    coupons: [],
    asOf: input.asOf,
  };
}
