import {csat, netPromoterScore, type SurveyAnswer} from '../metrics/surveys.js';
import {figure, months, People, series, withhold, type Fold, type FoldContext} from './tally.js';

/** CSAT and NPS per month of the range, with how many answers each rests on. */
export function satisfaction(context: FoldContext): Fold {
  const k = context.minimumGroupSize;
  const month = months(context.from, context.to);
  const kinds = ['csat', 'nps'] as const;
  const scores = {
    csat: month.names.map((): number[] => []),
    nps: month.names.map((): number[] => []),
  };
  const people = {
    csat: month.names.map(() => new People(k)),
    nps: month.names.map(() => new People(k)),
  };
  const everyone = {csat: new People(k), nps: new People(k)};
  return {
    add(_resource, record) {
      const answer = record as SurveyAnswer;
      const at = Date.parse(answer.createdAt);
      if (!(at >= context.from && at < context.to) || !kinds.includes(answer.kind)) return;
      const i = month.indexOf(at);
      scores[answer.kind][i]!.push(answer.score);
      people[answer.kind][i]!.add(answer.customerId);
      everyone[answer.kind].add(answer.customerId);
    },
    finish() {
      const csatOf = (values: readonly number[]) => {
        const rate = csat(values).rate;
        return rate === null ? null : rate * 100;
      };
      const npsOf = (values: readonly number[]) => netPromoterScore(values).score;
      const w = {csat: withhold(people.csat), nps: withhold(people.nps)};
      return {
        chart: 'line',
        axis: 'month',
        categories: month.names,
        series: [
          series('csat', 'percent', true, scores.csat.map(csatOf), w.csat.cells),
          series('nps', 'score', true, scores.nps.map(npsOf), w.nps.cells),
          series(
            'csatAnswers',
            'answers',
            false,
            scores.csat.map((s) => s.length),
            w.csat.cells,
          ),
          series(
            'npsAnswers',
            'answers',
            false,
            scores.nps.map((s) => s.length),
            w.nps.cells,
          ),
        ],
        figures: [
          figure('csat', 'percent', csatOf(scores.csat.flat()), everyone.csat, w.csat.totals[0]),
          figure('nps', 'score', npsOf(scores.nps.flat()), everyone.nps, w.nps.totals[0]),
        ],
      };
    },
  };
}
