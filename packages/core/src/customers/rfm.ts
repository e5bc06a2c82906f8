import {MS_PER_DAY, toEpochMs, type Instant} from '../time.js';
import {moneyIn} from './money.js';
import type {Purchase} from './purchase.js';

/**
 * The standard RFM segments, from best to gone. `rfmSegment` maps scores onto them with this grid
 * (R is the recency score, FM the mean of the frequency and monetary scores, rounded half up):
 *
 * | R \ FM | 1              | 2                  | 3                  | 4         | 5           |
 * |--------|----------------|--------------------|--------------------|-----------|-------------|
 * | 5      | new            | potential_loyalist | potential_loyalist | champions | champions   |
 * | 4      | promising      | potential_loyalist | potential_loyalist | loyal     | loyal       |
 * | 3      | about_to_sleep | about_to_sleep     | need_attention     | loyal     | loyal       |
 * | 2      | hibernating    | hibernating        | at_risk            | at_risk   | cannot_lose |
 * | 1      | lost           | hibernating        | at_risk            | at_risk   | cannot_lose |
 */
export const rfmSegments = [
  'champions',
  'loyal',
  'potential_loyalist',
  'new',
  'promising',
  'need_attention',
  'about_to_sleep',
  'at_risk',
  'cannot_lose',
  'hibernating',
  'lost',
] as const;
/** One of {@link rfmSegments}. */
export type RfmSegment = (typeof rfmSegments)[number];

/** A score from 1 (worst fifth) to 5 (best fifth). */
export type RfmScoreValue = 1 | 2 | 3 | 4 | 5;

/** Recency, frequency and monetary scores of one customer. */
export interface RfmScore {
  readonly r: RfmScoreValue;
  readonly f: RfmScoreValue;
  readonly m: RfmScoreValue;
}

/** The RFM measures, scores and segment of one customer. */
export interface RfmResult {
  readonly customerId: string;
  /** Whole days from the last purchase to the as-of date; `null` when the customer has not bought. */
  readonly recencyDays: number | null;
  /** Number of purchases (refunds are not purchase occasions and do not count). */
  readonly frequency: number;
  /**
   * Net amount in the currency's major unit: purchases minus refunds, added up exactly in minor units
   * (`0.1 + 0.2` is `0.3`).
   */
  readonly monetary: number;
  /** Scores relative to the other customers; `null` when the customer has not bought. */
  readonly score: RfmScore | null;
  /** Segment from the scores; `null` when the customer has not bought. */
  readonly segment: RfmSegment | null;
}

/** Options of {@link scoreRfm}. */
export interface RfmOptions {
  /** The date the analysis is made at; purchases after it are ignored. */
  readonly asOf: Instant;
  /** Only purchases within this many days before `asOf` count. Default: all history. */
  readonly windowDays?: number;
  /** Only purchases at or after this instant count (with `windowDays`, the later bound wins). */
  readonly from?: Instant;
  /** Customers to report even if they have no purchases (they get `score: null`). */
  readonly customerIds?: readonly string[];
}

// Rows are R 1..5, columns FM 1..5 (see the table on rfmSegments).
const GRID: readonly (readonly RfmSegment[])[] = [
  ['lost', 'hibernating', 'at_risk', 'at_risk', 'cannot_lose'],
  ['hibernating', 'hibernating', 'at_risk', 'at_risk', 'cannot_lose'],
  ['about_to_sleep', 'about_to_sleep', 'need_attention', 'loyal', 'loyal'],
  ['promising', 'potential_loyalist', 'potential_loyalist', 'loyal', 'loyal'],
  ['new', 'potential_loyalist', 'potential_loyalist', 'champions', 'champions'],
];

/** The segment for a set of scores (see the grid on {@link rfmSegments}). */
export function rfmSegment(score: RfmScore): RfmSegment {
  const fm = Math.round((score.f + score.m) / 2);
  return GRID[score.r - 1]![fm - 1]!;
}

/**
 * Scores every customer who bought, by quintiles of recency, frequency and monetary value among those
 * customers, and names their segment.
 *
 * Tied values always get the same score (the score of the middle of their run in sorted order), so the
 * result does not depend on the order of `purchases`; a single customer, or customers who all share a
 * value, score 3. Refunds (negative amounts) lower the monetary value and are not counted as purchases.
 * Amounts are added up in whole minor units of the currency (ISO 4217: cents for EUR, yen for JPY, fils
 * for KWD), so `0.1 + 0.2` and `0.3` are the same spend. Customers with no purchase, including those named
 * only in `customerIds`, are reported unscored. Results are sorted by customer id. Runs in O(n log n).
 *
 * @throws RapportError `invalid_input` for an invalid date, an amount that is not finite or has more
 *   decimals than its currency (`10.005` euros: round it where it comes from), or purchases in several
 *   currencies.
 */
export function scoreRfm(purchases: readonly Purchase[], options: RfmOptions): RfmResult[] {
  const scorer = rfmScorer(options);
  for (let p = 0; p < purchases.length; p++) scorer.add(purchases[p]!, p);
  return scorer.results();
}

/** {@link scoreRfm} one purchase at a time: what it keeps is one total per customer, not the purchases. */
export interface RfmScorer {
  /** Counts one purchase; `index` names it in an error (`purchases[index].at`). */
  add(purchase: Purchase, index: number): void;
  /** The scores of every customer added so far, as {@link scoreRfm} gives them. */
  results(): RfmResult[];
}

/** Scores purchases read in pages (a report over a whole backend): see {@link scoreRfm}. */
export function rfmScorer(options: RfmOptions): RfmScorer {
  const asOf = toEpochMs(options.asOf, 'asOf');
  const since = Math.max(
    options.windowDays === undefined ? -Infinity : asOf - options.windowDays * MS_PER_DAY,
    options.from === undefined ? -Infinity : toEpochMs(options.from, 'from'),
  );
  const index = new Map<string, number>();
  const ids: string[] = [];
  const last: number[] = [];
  const frequency: number[] = [];
  const monetary: number[] = [];
  const slot = (id: string): number => {
    let i = index.get(id);
    if (i === undefined) {
      i = ids.length;
      index.set(id, i);
      ids.push(id);
      last.push(-Infinity);
      frequency.push(0);
      monetary.push(0);
    }
    return i;
  };
  for (const id of options.customerIds ?? []) slot(id);
  // Monetary values are sums of minor units (integers), so equal spend ties exactly. The currency is
  // the first purchase's.
  let money: ReturnType<typeof moneyIn> | undefined;

  const add = (purchase: Purchase, p: number): void => {
    const at = toEpochMs(purchase.at, `purchases[${p}].at`);
    // Purchases outside the window are not read further: their amounts cannot spoil the scores.
    if (at > asOf || at < since) return;
    money ??= moneyIn(purchase.currency);
    const minor = money.minorOf(purchase, p);
    const i = slot(purchase.customerId);
    monetary[i]! += minor;
    if (purchase.amount > 0) {
      frequency[i]!++;
      if (at > last[i]!) last[i] = at;
    }
  };

  const results = (): RfmResult[] => {
    const major = money ?? moneyIn('');
    const buyers: number[] = [];
    for (let i = 0; i < ids.length; i++) if (frequency[i]! > 0) buyers.push(i);
    // Recency: fewer days is better, so rank on the negated day count.
    const days = ids.map((_, i) => Math.floor((asOf - last[i]!) / MS_PER_DAY));
    const r = quintiles(buyers, (i) => -days[i]!);
    const f = quintiles(buyers, (i) => frequency[i]!);
    const m = quintiles(buyers, (i) => monetary[i]!);

    const scored: RfmResult[] = ids.map((customerId, i) => {
      const rs = r.get(i);
      const net = major.toMajor(monetary[i]!);
      if (rs === undefined) {
        return {
          customerId,
          recencyDays: null,
          frequency: 0,
          monetary: net,
          score: null,
          segment: null,
        };
      }
      const score: RfmScore = {r: rs, f: f.get(i)!, m: m.get(i)!};
      return {
        customerId,
        recencyDays: days[i]!,
        frequency: frequency[i]!,
        monetary: net,
        score,
        segment: rfmSegment(score),
      };
    });
    return scored.sort((a, b) =>
      a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0,
    );
  };
  return {add, results};
}

/**
 * Scores 1..5 by the position of each value among all values (ascending is better). A run of equal
 * values takes the score of the run's middle, which keeps ties together and centres uniform input on 3.
 */
function quintiles(
  members: readonly number[],
  value: (i: number) => number,
): Map<number, RfmScoreValue> {
  const sorted = [...members].sort((a, b) => value(a) - value(b));
  const n = sorted.length;
  const scores = new Map<number, RfmScoreValue>();
  for (let start = 0; start < n;) {
    let end = start;
    const v = value(sorted[start]!);
    while (end + 1 < n && value(sorted[end + 1]!) === v) end++;
    const middle = (start + end + 1) / 2;
    const score = (1 + Math.floor((5 * middle) / n)) as RfmScoreValue;
    for (let k = start; k <= end; k++) scores.set(sorted[k]!, score);
    start = end + 1;
  }
  return scores;
}
