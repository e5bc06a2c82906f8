import type {LocalizedText} from '../fields.js';
import type {IsoDateTime} from '../time.js';

/** One level of a loyalty programme (Silver, Gold...). */
export interface Tier {
  /** Stable id (`gold`). */
  readonly id: string;
  /** Name shown to people. */
  readonly name: LocalizedText;
  /**
   * The qualifying amount (points or spend, see {@link TierQualification}) from which a member holds
   * this tier. The lowest tier has 0.
   */
  readonly threshold: number;
  /** Benefits to list for members of this tier. */
  readonly benefits?: readonly LocalizedText[];
  /** A colour for the tier badge, as a CSS colour. */
  readonly color?: string;
}

/**
 * How tier status is earned: by qualifying points earned, or by money spent, within a rolling window
 * of days before the evaluation date.
 */
export interface TierQualification {
  readonly basis: 'points' | 'spend';
  /** Length of the rolling window in days (365 for a yearly status). */
  readonly windowDays: number;
}

/** How a purchase turns into points: `pointsPerUnit` points for each whole unit of currency spent. */
export interface EarnRule {
  /** Stable id (`base`, `double-weekend`). */
  readonly id: string;
  /** Points per whole currency unit. */
  readonly pointsPerUnit: number;
  /** Tier ids the rule applies to; all tiers when absent. Rules for a tier replace the general one. */
  readonly tierIds?: readonly string[];
}

/**
 * When earned points expire: never, or a fixed number of days after they were earned (each earning
 * lot expires on its own, oldest first).
 */
export type ExpiryPolicy =
  {readonly kind: 'never'} | {readonly kind: 'after-days'; readonly days: number};

/** A loyalty programme: its tiers, how points are earned, and when they expire. */
export interface LoyaltyProgram {
  /** Stable id. */
  readonly id: string;
  /** Name shown to people. */
  readonly name: LocalizedText;
  /** ISO 4217 currency that spend is counted in. */
  readonly currency: string;
  /** The tiers, any order; one must have threshold 0. */
  readonly tiers: readonly Tier[];
  /** How tier status is earned. */
  readonly qualification: TierQualification;
  /** How purchases earn points. */
  readonly earnRules: readonly EarnRule[];
  /** When points expire. */
  readonly expiry: ExpiryPolicy;
  /** Days newly earned points stay pending (for example the return period) before they can be used. */
  readonly pendingDays?: number;
}

/** What a points transaction does to the balance. */
export const pointsTransactionTypes = ['earn', 'redeem', 'expire', 'adjust'] as const;
/** One of {@link pointsTransactionTypes}. */
export type PointsTransactionType = (typeof pointsTransactionTypes)[number];

/**
 * One line of a member's points ledger. `points` is a positive whole number for `earn`, `redeem` and
 * `expire`; for `adjust` its sign says whether points are granted or taken.
 */
export interface PointsTransaction {
  /** Stable id. */
  readonly id: string;
  /** The member's customer id. */
  readonly customerId: string;
  /** What the line does. */
  readonly type: PointsTransactionType;
  /** Points moved (see above for the sign). */
  readonly points: number;
  /** When it happened. */
  readonly at: IsoDateTime;
  /** For `earn`: when the points stop being pending and can be used. Default: at once. */
  readonly availableAt?: IsoDateTime;
  /** For `earn`: whether the points count toward tier status. Default: true. */
  readonly qualifying?: boolean;
  /** Why (shown in a statement): an order id, a campaign, an agent's note. */
  readonly reason?: string;
}

/** Points that will expire, grouped by date. */
export interface ExpiringPoints {
  readonly points: number;
  readonly expiresAt: IsoDateTime;
}

/** A discount a member holds. */
export interface Coupon {
  /** Stable id. */
  readonly id: string;
  /** The code a person types or shows. */
  readonly code: string;
  /** What it gives, in words. */
  readonly title: LocalizedText;
  /** The discount: a percentage, or an amount in a currency. */
  readonly discount:
    | {readonly kind: 'percent'; readonly value: number}
    | {readonly kind: 'amount'; readonly value: number; readonly currency: string};
  /** First moment it can be used. */
  readonly validFrom: IsoDateTime;
  /** Last moment it can be used. */
  readonly validUntil: IsoDateTime;
  /** Whether it can still be used. */
  readonly status: 'active' | 'redeemed' | 'expired';
}

/** A member's standing in a programme, as the loyalty widget shows it. */
export interface LoyaltyAccount {
  /** The member's customer id. */
  readonly customerId: string;
  /** The programme. */
  readonly programId: string;
  /** Points that can be used now. */
  readonly balance: number;
  /** Points earned but not yet usable. */
  readonly pending: number;
  /** All points ever earned, including adjustments in the member's favour. */
  readonly lifetimePoints: number;
  /** The amount (points or spend) that counts toward tier status in the current window. */
  readonly qualifyingAmount: number;
  /** Current tier id. */
  readonly tierId: string;
  /** Current tier's name, so a widget can show it without the programme. */
  readonly tierName: LocalizedText;
  /** Current tier's badge colour, if the programme sets one. */
  readonly tierColor?: string;
  /** What the current tier gives its members, as the programme lists it. */
  readonly tierBenefits?: readonly LocalizedText[];
  /** Next tier id, or `null` at the top tier. */
  readonly nextTierId: string | null;
  /** Next tier's name, or `null` at the top tier. */
  readonly nextTierName: LocalizedText | null;
  /** Qualifying amount still needed for the next tier (0 at the top). */
  readonly toNextTier: number;
  /** Share of the way from the current tier's threshold to the next one's, 0 to 1 (1 at the top). */
  readonly tierProgress: number;
  /** Points expiring soon, earliest first. */
  readonly expiringSoon: readonly ExpiringPoints[];
  /** Coupons the member holds. */
  readonly coupons: readonly Coupon[];
  /** When these figures were computed. */
  readonly asOf: IsoDateTime;
}
