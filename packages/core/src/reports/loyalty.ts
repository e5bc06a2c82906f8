import type {LocalizedText} from '../fields.js';
import type {LoyaltyAccount, PointsTransaction} from '../loyalty/program.js';
import {
  figure,
  months,
  People,
  segmentFilter,
  series,
  withhold,
  type Fold,
  type FoldContext,
} from './tally.js';

/**
 * Members per tier now, tiers from the lowest (the one whose members' qualifying amounts start lowest)
 * up, and the points members hold: usable and pending, what the programme owes. With a segment filter
 * only that segment's members count (customers are read first to know them).
 */
export function loyaltyTiers(context: FoldContext): Fold {
  const k = context.minimumGroupSize;
  const tiers = new Map<
    string,
    {members: number; people: People; lowest: number; name: LocalizedText}
  >();
  const segment = segmentFilter(context);
  const everyone = new People(k);
  let outstanding = 0;
  let members = 0;
  return {
    add(resource, record) {
      if (segment.read(resource, record)) return;
      const account = record as LoyaltyAccount;
      if (!segment.counts(account.customerId)) return;
      let tier = tiers.get(account.tierId);
      if (!tier) {
        tier = {members: 0, people: new People(k), lowest: Infinity, name: account.tierName};
        tiers.set(account.tierId, tier);
      }
      tier.members++;
      tier.people.add(account.customerId);
      tier.lowest = Math.min(tier.lowest, account.qualifyingAmount);
      everyone.add(account.customerId);
      outstanding += account.balance + account.pending;
      members++;
    },
    finish() {
      const ordered = [...tiers].sort(
        ([a, x], [b, y]) => x.lowest - y.lowest || (a < b ? -1 : a > b ? 1 : 0),
      );
      const w = withhold(ordered.map(([, tier]) => tier.people));
      return {
        chart: 'bar',
        axis: 'tier',
        categories: ordered.map(([id]) => id),
        categoryLabels: Object.fromEntries(ordered.map(([id, tier]) => [id, tier.name])),
        series: [
          series(
            'members',
            'members',
            true,
            ordered.map(([, tier]) => tier.members),
            w.cells,
          ),
        ],
        figures: [
          figure('members', 'members', members, everyone, w.totals[0]),
          figure('outstandingPoints', 'points', outstanding, everyone),
        ],
      };
    },
  };
}

/** Points issued (earned and granted), redeemed and expired per month of the range. */
export function loyaltyPoints(context: FoldContext): Fold {
  const k = context.minimumGroupSize;
  const month = months(context.from, context.to);
  const flows = ['issued', 'redeemed', 'expired'] as const;
  const points = Object.fromEntries(flows.map((f) => [f, month.names.map(() => 0)])) as Record<
    (typeof flows)[number],
    number[]
  >;
  const people = Object.fromEntries(
    flows.map((f) => [f, month.names.map(() => new People(k))]),
  ) as Record<(typeof flows)[number], People[]>;
  const everyone = Object.fromEntries(flows.map((f) => [f, new People(k)])) as Record<
    (typeof flows)[number],
    People
  >;
  const flowOf = (line: PointsTransaction): (typeof flows)[number] | undefined =>
    line.type === 'earn' || (line.type === 'adjust' && line.points > 0)
      ? 'issued'
      : line.type === 'redeem'
        ? 'redeemed'
        : line.type === 'expire'
          ? 'expired'
          : undefined;
  return {
    add(_resource, record) {
      const line = record as PointsTransaction;
      const at = Date.parse(line.at);
      const flow = flowOf(line);
      if (!flow || !(at >= context.from && at < context.to)) return;
      const i = month.indexOf(at);
      points[flow][i]! += Math.abs(line.points);
      people[flow][i]!.add(line.customerId);
      everyone[flow].add(line.customerId);
    },
    finish() {
      const w = Object.fromEntries(flows.map((f) => [f, withhold(people[f])])) as Record<
        (typeof flows)[number],
        ReturnType<typeof withhold>
      >;
      return {
        chart: 'stacked-bar',
        axis: 'month',
        categories: month.names,
        series: flows.map((flow) => series(flow, 'points', true, points[flow], w[flow].cells)),
        figures: flows.map((flow) =>
          figure(
            flow,
            'points',
            points[flow].reduce((a, b) => a + b, 0),
            everyone[flow],
            w[flow].totals[0],
          ),
        ),
      };
    },
  };
}
