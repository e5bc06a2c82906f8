import {
  complaintCategories,
  complaintStatuses,
  openComplaintStatuses,
  type Complaint,
} from '../complaints/complaint.js';
import {businessTimeBetween, complaintDurations, slaStatus} from '../complaints/sla.js';
import {MS_PER_HOUR} from '../time.js';
import {
  figure,
  median,
  People,
  percent,
  personOf,
  series,
  weeks,
  withhold,
  type Fold,
  type FoldContext,
} from './tally.js';

/** The complaints received in the range (and of the filtered category), one at a time. */
function eachReceived(context: FoldContext, take: (complaint: Complaint, at: number) => void) {
  return (_resource: string, record: unknown): void => {
    const complaint = record as Complaint;
    const at = Date.parse(complaint.createdAt);
    if (!(at >= context.from && at < context.to)) return;
    if (context.filters.category !== undefined && complaint.category !== context.filters.category)
      return;
    take(complaint, at);
  };
}

/** Complaints received in the range, counted by a property; standard values first, others after. */
function complaintsBy(
  context: FoldContext,
  axis: 'category' | 'status',
  standard: readonly string[],
): Fold {
  const k = context.minimumGroupSize;
  const counts = new Map<string, {count: number; people: People}>(
    standard.map((value) => [value, {count: 0, people: new People(k)}]),
  );
  const everyone = new People(k);
  let total = 0;
  return {
    add: eachReceived(context, (complaint) => {
      const value = complaint[axis];
      let cell = counts.get(value);
      if (!cell) counts.set(value, (cell = {count: 0, people: new People(k)}));
      const person = personOf(complaint.customerId, complaint.id, complaint.contact?.email);
      cell.count++;
      cell.people.add(person);
      everyone.add(person);
      total++;
    }),
    finish() {
      const others = [...counts.keys()].filter((value) => !standard.includes(value)).sort();
      const categories = [...standard, ...others];
      const w = withhold(categories.map((c) => counts.get(c)!.people));
      return {
        chart: 'bar',
        axis,
        categories,
        series: [
          series(
            'complaints',
            'complaints',
            true,
            categories.map((c) => counts.get(c)!.count),
            w.cells,
          ),
        ],
        figures: [figure('complaints', 'complaints', total, everyone, w.totals[0])],
      };
    },
  };
}

/** Complaints received in the range by category. */
export const complaintsByCategory = (context: FoldContext): Fold =>
  complaintsBy(context, 'category', complaintCategories);

/** Complaints received in the range by their status now, optionally of one category. */
export const complaintsByStatus = (context: FoldContext): Fold =>
  complaintsBy(context, 'status', complaintStatuses);

/**
 * How complaints received in the range were handled: the share breaching their SLA per week (as of
 * `asOf`), the median business hours to the first reply and to the resolution, and the share reopened
 * after a resolution.
 */
export function complaintSla(context: FoldContext): Fold {
  const k = context.minimumGroupSize;
  const week = weeks(context.from, context.to);
  const counts = week.names.map(() => 0);
  const breached = week.names.map(() => 0);
  const people = week.names.map(() => new People(k));
  const firstReplies: number[] = [];
  const resolutions: number[] = [];
  const replied = new People(k);
  const resolved = new People(k);
  const everyone = new People(k);
  let total = 0;
  let breaches = 0;
  let reopened = 0;
  const hours = (from: string, to: string): number =>
    businessTimeBetween(from, to, context.businessHours) / MS_PER_HOUR;
  return {
    add: eachReceived(context, (complaint, at) => {
      const i = week.indexOf(at);
      const person = personOf(complaint.customerId, complaint.id, complaint.contact?.email);
      const breach = slaStatus(complaint, context.asOf).breached;
      counts[i]!++;
      people[i]!.add(person);
      everyone.add(person);
      total++;
      if (breach) {
        breached[i]!++;
        breaches++;
      }
      if (complaint.firstResponseAt !== undefined) {
        firstReplies.push(hours(complaint.createdAt, complaint.firstResponseAt));
        replied.add(person);
      }
      if (complaintDurations(complaint).resolutionMs !== null) {
        resolutions.push(hours(complaint.createdAt, complaint.resolvedAt!));
        resolved.add(person);
      }
      if (
        complaint.history.some(
          (change) => change.from === 'resolved' && openComplaintStatuses.includes(change.to),
        )
      )
        reopened++;
    }),
    finish() {
      const w = withhold(people);
      return {
        chart: 'line',
        axis: 'week',
        categories: week.names,
        series: [
          series(
            'breachRate',
            'percent',
            true,
            counts.map((n, i) => percent(breached[i]!, n)),
            w.cells,
          ),
          series('complaints', 'complaints', false, counts, w.cells),
        ],
        figures: [
          figure('breachRate', 'percent', percent(breaches, total), everyone, w.totals[0]),
          figure('medianFirstReply', 'hours', median(firstReplies), replied),
          figure('medianResolution', 'hours', median(resolutions), resolved),
          figure('reopenedShare', 'percent', percent(reopened, total), everyone, w.totals[0]),
        ],
      };
    },
  };
}
