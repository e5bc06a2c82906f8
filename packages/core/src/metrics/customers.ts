import {invalidInput} from '../errors.js';
import {MS_PER_DAY, periodMs, toEpochMs, type Instant, type Period} from '../time.js';
import {moneyIn} from '../customers/money.js';
import type {Purchase} from '../customers/purchase.js';
import {rfmSegments, type RfmResult, type RfmSegment} from '../customers/rfm.js';
import {ratio, type Ratio} from './ratio.js';

/** Yearly rates a lifetime value estimate rests on, each from 0 to 1 (the discount rate may exceed 1). */
export interface ClvAssumptions {
  /** Share of revenue kept as gross margin. */
  readonly grossMargin: number;
  /** Share of customers who stay from one year to the next. */
  readonly retentionRate: number;
  /** Yearly discount rate for future cash (cost of capital), for example 0.1. */
  readonly discountRate: number;
}

/**
 * Lifetime value of a customer worth `annualRevenue` a year: the margin of each year they stay,
 * discounted, summed over an unbounded horizon (m × (1 + d) / (1 + d − r), the first year counted in
 * full).
 *
 * @throws RapportError `invalid_input` for rates outside their range.
 */
export function lifetimeValue(annualRevenue: number, assumptions: ClvAssumptions): number {
  const {grossMargin, retentionRate, discountRate} = assumptions;
  if (!(grossMargin >= 0 && grossMargin <= 1))
    throw invalidInput('grossMargin', 'must be between 0 and 1');
  if (!(retentionRate >= 0 && retentionRate < 1)) {
    throw invalidInput('retentionRate', 'must be at least 0 and below 1');
  }
  if (!(discountRate >= 0)) throw invalidInput('discountRate', 'must be 0 or more');
  const margin = annualRevenue * grossMargin;
  return (margin * (1 + discountRate)) / (1 + discountRate - retentionRate);
}

/** One customer's value, from their recent purchases. */
export interface CustomerValue {
  readonly customerId: string;
  /** Purchases in the window (refunds excluded). */
  readonly orders: number;
  /** Net revenue in the window. */
  readonly revenue: number;
  /** Net revenue per order; 0 without orders. */
  readonly averageOrderValue: number;
  /** Revenue scaled to one year. */
  readonly annualRevenue: number;
  /** {@link lifetimeValue} of the annual revenue. */
  readonly lifetimeValue: number;
}

/** Options of {@link customerLifetimeValues}. */
export interface ClvOptions extends ClvAssumptions {
  readonly asOf: Instant;
  /** How many days of history describe a customer's current behaviour. Default 365. */
  readonly windowDays?: number;
}

/**
 * Lifetime value of every customer with purchases in the window before `asOf`, highest first (ties
 * by id). Purchases must be in one currency; revenue is added up exactly, in whole minor units of it.
 *
 * @throws RapportError `invalid_input` for an invalid date, purchases in several currencies, or an
 *   amount with more decimals than its currency has.
 */
export function customerLifetimeValues(
  purchases: readonly Purchase[],
  options: ClvOptions,
): CustomerValue[] {
  const asOf = toEpochMs(options.asOf, 'asOf');
  const windowDays = options.windowDays ?? 365;
  const since = asOf - windowDays * MS_PER_DAY;
  const money = moneyIn(purchases[0]?.currency ?? '');
  const totals = new Map<string, {orders: number; minor: number}>();
  purchases.forEach((purchase, i) => {
    const at = toEpochMs(purchase.at, `purchases[${i}].at`);
    const minor = money.minorOf(purchase, i);
    if (at <= since || at > asOf) return;
    const total = totals.get(purchase.customerId) ?? {orders: 0, minor: 0};
    total.minor += minor;
    if (purchase.amount > 0) total.orders++;
    totals.set(purchase.customerId, total);
  });
  return [...totals]
    .map(([customerId, {orders, minor}]) => {
      const revenue = money.toMajor(minor);
      const annualRevenue = (revenue * 365) / windowDays;
      return {
        customerId,
        orders,
        revenue,
        averageOrderValue: orders === 0 ? 0 : revenue / orders,
        annualRevenue,
        lifetimeValue: lifetimeValue(annualRevenue, options),
      };
    })
    .sort((a, b) => b.lifetimeValue - a.lifetimeValue || (a.customerId < b.customerId ? -1 : 1));
}

/** Customers with a purchase (positive amount) in the period, and how many purchases each made. */
function buyersIn(
  purchases: readonly Purchase[],
  period: Period,
  field: string,
): Map<string, number> {
  const {from, to} = periodMs(period, field);
  const buyers = new Map<string, number>();
  purchases.forEach((purchase, i) => {
    const at = toEpochMs(purchase.at, `purchases[${i}].at`);
    if (purchase.amount > 0 && at >= from && at < to) {
      buyers.set(purchase.customerId, (buyers.get(purchase.customerId) ?? 0) + 1);
    }
  });
  return buyers;
}

/**
 * Retention: of the customers who bought in `previous`, the share who bought again in `current`.
 */
export function retentionRate(
  purchases: readonly Purchase[],
  periods: {readonly previous: Period; readonly current: Period},
): Ratio {
  const before = buyersIn(purchases, periods.previous, 'previous');
  const now = buyersIn(purchases, periods.current, 'current');
  let retained = 0;
  for (const id of before.keys()) if (now.has(id)) retained++;
  return ratio(retained, before.size);
}

/** Repeat-purchase rate: of the customers who bought in the period, the share who bought twice or more. */
export function repeatPurchaseRate(purchases: readonly Purchase[], period: Period): Ratio {
  const buyers = buyersIn(purchases, period, 'period');
  let repeat = 0;
  for (const count of buyers.values()) if (count >= 2) repeat++;
  return ratio(repeat, buyers.size);
}

/** How many customers fall in one segment. */
export interface SegmentShare {
  readonly segment: RfmSegment;
  readonly count: number;
  /** Share of scored customers; `null` when none is scored. */
  readonly share: number | null;
}

/**
 * How scored customers spread over the RFM segments: every segment, in the order of `rfmSegments`,
 * with zero counts kept so charts stay stable. `unscored` counts customers without purchases.
 */
export function segmentDistribution(results: readonly RfmResult[]): {
  readonly segments: readonly SegmentShare[];
  readonly unscored: number;
} {
  const counts = new Map<RfmSegment, number>();
  let unscored = 0;
  for (const result of results) {
    if (result.segment === null) unscored++;
    else counts.set(result.segment, (counts.get(result.segment) ?? 0) + 1);
  }
  const scored = results.length - unscored;
  return {
    segments: rfmSegments.map((segment) => {
      const count = counts.get(segment) ?? 0;
      return {segment, count, share: ratio(count, scored).rate};
    }),
    unscored,
  };
}
