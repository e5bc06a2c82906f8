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
  constructor(readonly k: number) {}
  add(person: string): void {
    if (this.#ids.size < this.k) this.#ids.add(person);
  }
  /** How many, up to `k`. */
  get size(): number {
    return this.#ids.size;
  }
  /** Whether some, but fewer than `k`, customers stand behind it (none at all singles nobody out). */
  get few(): boolean {
    return this.#ids.size > 0 && this.#ids.size < this.k;
  }
  /** The people of several cells together (still counted up to `k`). */
  static of(cells: readonly People[], k: number): People {
    const all = new People(k);
    for (const cell of cells) for (const id of cell.#ids) all.add(id);
    return all;
  }
}

/**
 * Which cells of a row of cells to withhold, once for every series drawn over them, and which of the
 * totals published over them to withhold too. A cell standing for fewer than k customers is withheld;
 * then, for each total (the cells a published figure or a 100 % adds up), the withheld cells inside it
 * must be two or more and stand together for k customers or more, or the total minus the shown cells
 * would give them back: the cell with the fewest people is withheld next (secondary suppression, as
 * statistics offices do), and a total with no cell left to withhold is withheld itself.
 */
export function withhold(
  people: readonly People[],
  totals: readonly (readonly number[])[] = [people.map((_, i) => i)],
): {readonly cells: ReadonlySet<number>; readonly totals: readonly boolean[]} {
  const k = people[0]?.k ?? 1;
  const cells = new Set<number>();
  people.forEach((cell, i) => {
    if (cell.few) cells.add(i);
  });
  const hidden = totals.map(() => false);
  for (let changed = true; changed;) {
    changed = false;
    totals.forEach((members, t) => {
      if (hidden[t]) return;
      const inside = members.filter((i) => cells.has(i));
      if (inside.length === 0) return;
      const together = People.of(
        inside.map((i) => people[i]!),
        k,
      );
      if (inside.length >= 2 && together.size >= k) return;
      const next = members
        .filter((i) => !cells.has(i) && people[i]!.size > 0)
        .sort((a, b) => people[a]!.size - people[b]!.size || a - b)[0];
      if (next === undefined) hidden[t] = true;
      else cells.add(next);
      changed = true;
    });
  }
  return {cells, totals: hidden};
}

/** A series from values, with the cells {@link withhold} chose left out. */
export function series(
  id: string,
  unit: ReportUnit,
  plot: boolean,
  values: readonly (number | null)[],
  withheld: ReadonlySet<number>,
): ReportSeries {
  return {
    id,
    unit,
    plot,
    values: values.map((v, i) => (withheld.has(i) ? null : v)),
    suppressed: values.flatMap((_, i) => (withheld.has(i) ? [i] : [])),
  };
}

/** A headline figure, withheld when too few people stand behind it or its cells say so. */
export function figure(
  id: string,
  unit: ReportUnit,
  value: number | null,
  people: People,
  withheld = false,
): ReportFigure {
  const suppressed = value !== null && (people.few || withheld);
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

/**
 * Who a record is about, for counting people: its customer, or an anonymous complainant by their
 * e-mail address (one visitor's five complaints are one person), else by the record.
 */
export function personOf(customerId: string | null, recordId: string, email?: string): string {
  if (customerId !== null) return customerId;
  return email ? `anonymous:${email.trim().toLowerCase()}` : `anonymous-record:${recordId}`;
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
