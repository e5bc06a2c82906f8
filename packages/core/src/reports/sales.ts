import {dealStages, pipelineByStage, type Deal} from '../sales/deal.js';
import {
  figure,
  People,
  segmentFilter,
  series,
  withhold,
  type Fold,
  type FoldContext,
} from './tally.js';

/**
 * The sales pipeline by stage: deals in the pipeline at some time in the range (created before its
 * end, and not closed before its start) at their stage now, with their amount and weighted value
 * (`pipelineByStage`); figures: what is open, open weighted, and what was won in the range. With a
 * segment filter only that segment's customers' deals count.
 */
export function salesPipeline(context: FoldContext): Fold {
  const k = context.minimumGroupSize;
  const deals: Deal[] = [];
  const segment = segmentFilter(context);
  const people = new Map(dealStages.map((stage) => [stage, new People(k)]));
  const open = new People(k);
  const won = new People(k);
  let wonDeals: Deal[] = [];
  return {
    add(resource, record) {
      if (segment.read(resource, record)) return;
      const deal = record as Deal;
      if (!segment.counts(deal.customerId)) return;
      const created = Date.parse(deal.createdAt);
      const closed = deal.closedAt === undefined ? Infinity : Date.parse(deal.closedAt);
      if (!(created < context.to && closed >= context.from)) return;
      deals.push(deal);
      people.get(deal.stage)?.add(deal.customerId);
      if (deal.stage !== 'won' && deal.stage !== 'lost') open.add(deal.customerId);
      if (deal.stage === 'won' && closed < context.to) {
        wonDeals.push(deal);
        won.add(deal.customerId);
      }
    },
    finish() {
      const stages = pipelineByStage(deals);
      const openStages = stages.filter((s) => s.stage !== 'won' && s.stage !== 'lost');
      // Published totals: the open stages (open pipeline, weighted pipeline) and the won stage.
      const w = withhold(
        dealStages.map((stage) => people.get(stage)!),
        [[0, 1, 2, 3], [4]],
      );
      const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
      const wonTotal = sum(pipelineByStage(wonDeals).map((s) => s.amount));
      wonDeals = [];
      return {
        chart: 'bar',
        axis: 'stage',
        categories: dealStages,
        ...(deals[0] && {currency: deals[0].currency}),
        series: [
          series(
            'amount',
            'money',
            true,
            stages.map((s) => s.amount),
            w.cells,
          ),
          series(
            'weighted',
            'money',
            true,
            stages.map((s) => s.weighted),
            w.cells,
          ),
          series(
            'deals',
            'deals',
            false,
            stages.map((s) => s.deals),
            w.cells,
          ),
        ],
        figures: [
          figure('openAmount', 'money', sum(openStages.map((s) => s.amount)), open, w.totals[0]),
          figure(
            'openWeighted',
            'money',
            sum(openStages.map((s) => s.weighted)),
            open,
            w.totals[0],
          ),
          figure('wonAmount', 'money', wonTotal, won, w.totals[1]),
        ],
      };
    },
  };
}
