import type {BusinessHours} from '../complaints/sla.js';
import type {Customer} from '../customers/customer.js';
import type {LocalizedText} from '../fields.js';
import {MS_PER_DAY, toIso} from '../time.js';
import type {
  ReportAxis,
  ReportChart,
  ReportFigure,
  ReportFilters,
  ReportSeries,
  ReportUnit,
} from './report.js';

/** What a report's fold is given: the range in epoch milliseconds, the state instant and settings. */
export interface FoldContext {
  readonly from: number;
  readonly to: number;
  /** The instant states are judged at: now, or `to` if that is earlier. */
  readonly asOf: number;
  readonly filters: ReportFilters;
  /** Cells with fewer distinct customers than this are withheld. */
  readonly minimumGroupSize: number;
  readonly businessHours?: BusinessHours;
}

/** What a fold hands back; `computeReport` adds the name, the range and the settings. */
export interface Figures {
  readonly chart: ReportChart;
  readonly axis: ReportAxis;
  readonly categories: readonly string[];
  readonly categoryLabels?: Readonly<Record<string, LocalizedText>>;
  readonly series: readonly ReportSeries[];
  readonly figures?: readonly ReportFigure[];
  readonly currency?: string;
}

/** Reads a backend's records one at a time and says what the report shows. */
export interface Fold {
  /** One record of `resource` (the report's `reads`, in that order). */
  add(resource: string, record: unknown): void;
  finish(): Figures;
}

/**
 * The people behind one cell, counted up to `k`: all suppression needs to know is whether a cell
 * stands for fewer than `k` customers, so no cell keeps more than `k` ids.
 */
export class People {
  readonly #ids = new Set<string>();
  constructor(private readonly k: number) {}
  add(person: string): void {
    if (this.#ids.size < this.k) this.#ids.add(person);
  }
  /** Whether some, but fewer than `k`, customers stand behind it (none at all singles nobody out). */
  get few(): boolean {
    return this.#ids.size > 0 && this.#ids.size < this.k;
  }
}

/**
 * A series from values, withholding those whose cell has too few people. When that withholds a single
 * cell, the smallest other non-zero value is withheld too (secondary suppression, as statistics
 * offices do), so the total of a report, or shares adding up to 100 %, cannot give the withheld cell
 * back.
 */
export function series(
  id: string,
  unit: ReportUnit,
  plot: boolean,
  values: readonly (number | null)[],
  few: (index: number) => boolean,
): ReportSeries {
  const withheld = new Set<number>();
  values.forEach((value, i) => {
    if (value !== null && few(i)) withheld.add(i);
  });
  if (withheld.size === 1) {
    let smallest = -1;
    values.forEach((value, i) => {
      if (value === null || value === 0 || withheld.has(i)) return;
      if (smallest < 0 || Math.abs(value) < Math.abs(values[smallest]!)) smallest = i;
    });
    if (smallest >= 0) withheld.add(smallest);
  }
  const suppressed = [...withheld].sort((a, b) => a - b);
  return {id, unit, plot, values: values.map((v, i) => (withheld.has(i) ? null : v)), suppressed};
}

/** A headline figure, withheld when too few people stand behind it. */
export function figure(
  id: string,
  unit: ReportUnit,
  value: number | null,
  people: People,
): ReportFigure {
  const suppressed = value !== null && people.few;
  return {id, unit, value: suppressed ? null : value, suppressed};
}

/** A share as a percentage, `null` without a denominator. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : (part * 100) / whole;
}

/** The median of some numbers, `null` for none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = values.sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Who a record is about, for counting people: its customer, or an anonymous complainant of its own. */
export function personOf(customerId: string | null, recordId: string): string {
  return customerId ?? `anonymous:${recordId}`;
}

/** The UTC weeks (named by their Monday) that meet `[from, to)`, and a lookup of an instant's week. */
export function weeks(from: number, to: number): {names: string[]; indexOf(at: number): number} {
  const start = new Date(from);
  const day = (start.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const first = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate() - day);
  const names: string[] = [];
  for (let monday = first; monday < to; monday += 7 * MS_PER_DAY)
    names.push(toIso(monday).slice(0, 10));
  return {names, indexOf: (at) => Math.floor((at - first) / (7 * MS_PER_DAY))};
}

/** The UTC months (`2026-11`) that meet `[from, to)`, and a lookup of an instant's month. */
export function months(from: number, to: number): {names: string[]; indexOf(at: number): number} {
  const start = new Date(from);
  const base = start.getUTCFullYear() * 12 + start.getUTCMonth();
  const names: string[] = [];
  for (let m = base; Date.UTC(Math.floor(m / 12), m % 12, 1) < to; m++)
    names.push(`${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`);
  return {
    names,
    indexOf: (at) => {
      const d = new Date(at);
      return d.getUTCFullYear() * 12 + d.getUTCMonth() - base;
    },
  };
}

/**
 * A `segment` filter of a report whose records are not customers: the segment's customers, from the
 * customer records `reportReads` puts first.
 */
export function segmentFilter(context: FoldContext): {
  /** Takes a customer record (and says true), or leaves any other record alone (false). */
  read(resource: string, record: unknown): boolean;
  /** Whether the records of this customer count. */
  counts(customerId: string): boolean;
} {
  const members = new Set<string>();
  const {segment} = context.filters;
  return {
    read(resource, record) {
      if (resource !== 'customers') return false;
      const customer = record as Customer;
      if (customer.segment === segment) members.add(customer.id);
      return true;
    },
    counts: (customerId) => segment === undefined || members.has(customerId),
  };
}
