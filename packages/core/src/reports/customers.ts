import {lifecycleStages, type Customer} from '../customers/customer.js';
import type {Purchase} from '../customers/purchase.js';
import {rfmScorer, rfmSegments} from '../customers/rfm.js';
import {segmentDistribution} from '../metrics/customers.js';
import {toEpochMs} from '../time.js';
import {figure, People, percent, series, withhold, type Fold, type FoldContext} from './tally.js';

/**
 * The RFM segment mix of the customers who bought in the range: scored with `scoreRfm` on the range's
 * purchases as of its end, with each segment's customers and share of net revenue.
 */
export function customerSegments(context: FoldContext): Fold {
  // Scored as of the range's last millisecond: a purchase at `to` is outside `[from, to)`.
  const scorer = rfmScorer({asOf: context.to - 1, from: context.from});
  let added = 0;
  return {
    add(_resource, record) {
      scorer.add(record as Purchase, added++);
    },
    finish() {
      const results = scorer.results();
      const {segments} = segmentDistribution(results);
      const k = context.minimumGroupSize;
      const people = new Map(rfmSegments.map((s) => [s, new People(k)]));
      // Net revenue per segment, in the currency's major unit: a share needs no exact cents.
      const revenue = new Map(rfmSegments.map((s) => [s, 0]));
      let total = 0;
      const everyone = new People(k);
      for (const result of results) {
        if (result.segment === null) continue;
        people.get(result.segment)!.add(result.customerId);
        everyone.add(result.customerId);
        revenue.set(result.segment, revenue.get(result.segment)! + result.monetary);
        total += result.monetary;
      }
      const w = withhold(rfmSegments.map((s) => people.get(s)!));
      return {
        chart: 'bar',
        axis: 'segment',
        categories: rfmSegments,
        series: [
          series(
            'customers',
            'customers',
            true,
            segments.map((s) => s.count),
            w.cells,
          ),
          series(
            'revenueShare',
            'percent',
            false,
            rfmSegments.map((s) => percent(revenue.get(s)!, total)),
            w.cells,
          ),
        ],
        figures: [
          figure(
            'customers',
            'customers',
            segments.reduce((n, s) => n + s.count, 0),
            everyone,
            w.totals[0],
          ),
        ],
      };
    },
  };
}

/**
 * Customers by life-cycle stage: every customer created before the end of the range, optionally of one
 * RFM segment (as the backend records it).
 */
export function customerLifecycle(context: FoldContext): Fold {
  const k = context.minimumGroupSize;
  const counts = lifecycleStages.map(() => 0);
  const people = lifecycleStages.map(() => new People(k));
  const everyone = new People(k);
  return {
    add(_resource, record) {
      const customer = record as Customer;
      if (context.filters.segment !== undefined && customer.segment !== context.filters.segment)
        return;
      if (toEpochMs(customer.createdAt, 'createdAt') >= context.to) return;
      const i = lifecycleStages.indexOf(customer.lifecycleStage);
      if (i < 0) return;
      counts[i]!++;
      people[i]!.add(customer.id);
      everyone.add(customer.id);
    },
    finish() {
      const w = withhold(people);
      return {
        chart: 'bar',
        axis: 'lifecycleStage',
        categories: lifecycleStages,
        series: [series('customers', 'customers', true, counts, w.cells)],
        figures: [
          figure(
            'customers',
            'customers',
            counts.reduce((a, b) => a + b, 0),
            everyone,
            w.totals[0],
          ),
        ],
      };
    },
  };
}
