import {invalidInput} from '../errors.js';
import type {LocalizedText} from '../fields.js';
import {rfmSegments, type RfmSegment} from '../customers/rfm.js';
import {MS_PER_DAY, toEpochMs, toIso, type Instant, type IsoDateTime} from '../time.js';

/** How a report is drawn: bars, bars stacked by series, or lines over time. */
export type ReportChart = 'bar' | 'stacked-bar' | 'line';

/** What a report's categories are: the x axis of its chart and the rows of its table. */
export type ReportAxis =
  | 'segment'
  | 'lifecycleStage'
  | 'category'
  | 'status'
  | 'tier'
  /** Deal stages, in pipeline order. */
  | 'stage'
  /** Weeks, each named by its Monday (`2026-11-30`), in UTC. */
  | 'week'
  /** Months (`2026-11`), in UTC. */
  | 'month';

/**
 * What a value counts or measures: people and records are whole numbers; `percent` is 0 to 100;
 * `score` is a Net Promoter Score (−100 to 100); `hours` are business hours when the policy has them.
 */
export type ReportUnit =
  | 'customers'
  | 'complaints'
  | 'answers'
  | 'members'
  | 'deals'
  | 'points'
  | 'percent'
  | 'score'
  | 'hours'
  /** An amount in the report's `currency`. */
  | 'money';

/** One line of a report's table; the chart draws those with `plot`. */
export interface ReportSeries {
  /** Stable id (`complaints`, `breachRate`); widgets label it in the viewer's language. */
  readonly id: string;
  readonly unit: ReportUnit;
  /** Whether the chart draws it; the table shows every series. */
  readonly plot: boolean;
  /** One value per category, in the order of `categories`; `null` where there is none or it is withheld. */
  readonly values: readonly (number | null)[];
  /** Indexes of the categories whose value is withheld: fewer than `minimumGroupSize` customers. */
  readonly suppressed: readonly number[];
}

/** A headline figure: a median, a share, a total over the whole range. */
export interface ReportFigure {
  readonly id: string;
  readonly unit: ReportUnit;
  /** `null` when there is nothing to measure or it is withheld. */
  readonly value: number | null;
  /** Withheld: fewer than `minimumGroupSize` customers stand behind it. */
  readonly suppressed: boolean;
}

/** Filters a report may take (see each report's `filters`). */
export interface ReportFilters {
  /** Only customers of this RFM segment (as the backend records it). */
  readonly segment?: RfmSegment;
  /** Only complaints of this category. */
  readonly category?: string;
}

/** What a report is asked for: a half-open range `[from, to)` and, where the report takes them, filters. */
export interface ReportQuery extends ReportFilters {
  readonly from: Instant;
  readonly to: Instant;
}

/** A computed report: its figures, the range they cover and what was withheld. */
export interface Report {
  /** The report's name in the catalogue (`complaintsByStatus`). */
  readonly report: string;
  readonly from: IsoDateTime;
  readonly to: IsoDateTime;
  /** When it was computed; states (a tier, a breach) are as of then, or as of `to` if earlier. */
  readonly asOf: IsoDateTime;
  readonly filters: ReportFilters;
  readonly chart: ReportChart;
  readonly axis: ReportAxis;
  /** Category ids, in chart order: segments, statuses, tier ids, week Mondays, months. */
  readonly categories: readonly string[];
  /** Names of categories that come from the data (tiers); other axes are named by the widget. */
  readonly categoryLabels: Readonly<Record<string, LocalizedText>>;
  readonly series: readonly ReportSeries[];
  readonly figures: readonly ReportFigure[];
  /** The ISO 4217 currency of `money` values, when it has any. */
  readonly currency?: string;
  /** Cells standing for fewer customers than this are withheld. */
  readonly minimumGroupSize: number;
}

/** Ranges a report element may name instead of dates, each ending with the current UTC day. */
export const reportRanges = [
  'last-7-days',
  'last-30-days',
  'last-90-days',
  'last-12-months',
] as const;
/** One of {@link reportRanges}. */
export type ReportRange = (typeof reportRanges)[number];

/** Longest range a report covers, in days (two years and a day). */
export const maxReportDays = 731;

/**
 * The dates of a named range as of `now`: whole UTC days ending with today (`last-90-days` is today and
 * the 89 days before it), or the twelve calendar months ending with this one. Whole days keep the
 * answer of one day cacheable.
 *
 * @throws RapportError `invalid_input` (field `range`) for a name that is not one of {@link reportRanges}.
 */
export function reportPeriod(
  range: string,
  now: Instant = Date.now(),
): {from: IsoDateTime; to: IsoDateTime} {
  const at = new Date(toEpochMs(now, 'now'));
  const tomorrow = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() + 1);
  const days = /^last-(\d+)-days$/.exec(range);
  if (days && (reportRanges as readonly string[]).includes(range))
    return {from: toIso(tomorrow - Number(days[1]) * MS_PER_DAY), to: toIso(tomorrow)};
  if (range === 'last-12-months') {
    return {
      from: toIso(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() - 11, 1)),
      to: toIso(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1)),
    };
  }
  throw invalidInput('range', `must be one of ${reportRanges.join(', ')}`);
}

/**
 * A bound of a report's range: a whole UTC day, as a date (`2026-09-01`), an ISO date-time at
 * midnight with `Z` or an offset, a `Date` or epoch milliseconds. Whole days keep answers cacheable,
 * and two reports cannot differ by a single record's millisecond.
 */
function dayOf(value: Instant, field: string): number {
  if (typeof value === 'string' && !/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(value))
    throw invalidInput(field, `must be a date such as 2026-09-01, got ${JSON.stringify(value)}`);
  const ms = toEpochMs(value, field);
  if (ms % MS_PER_DAY !== 0) throw invalidInput(field, 'must be the start of a day (UTC)');
  return ms;
}

/**
 * A report query checked: whole UTC days, `to` after `from`, at most {@link maxReportDays} days, and
 * only the filters the report takes, with known values.
 *
 * @throws RapportError `invalid_input` naming the query parameter (`from`, `to`, `segment`, `category`).
 */
export function validateReportQuery(
  report: string,
  query: ReportQuery,
  filters: readonly (keyof ReportFilters)[],
): {from: number; to: number; filters: ReportFilters} {
  const from = dayOf(query.from, 'from');
  const to = dayOf(query.to, 'to');
  if (to <= from) throw invalidInput('to', 'must be later than from');
  if (to - from > maxReportDays * MS_PER_DAY)
    throw invalidInput('to', `must be at most ${maxReportDays} days after from`);
  const given: ReportFilters = {};
  for (const name of ['segment', 'category'] as const) {
    const value = query[name];
    if (value === undefined) continue;
    if (!filters.includes(name)) {
      throw invalidInput(
        name,
        `is not a filter of ${report}${filters.length ? `; it takes ${filters.join(', ')}` : ''}`,
      );
    }
    if (name === 'segment' && !(rfmSegments as readonly string[]).includes(value))
      throw invalidInput('segment', `must be one of ${rfmSegments.join(', ')}`);
    if (name === 'category' && (typeof value !== 'string' || value === '' || value.length > 200))
      throw invalidInput('category', 'must be a category id of 1 to 200 characters');
    (given as Record<string, string>)[name] = value;
  }
  return {from, to, filters: given};
}
