import {csat, netPromoterScore, type SurveyAnswer} from '../metrics/surveys.js';
import {figure, months, People, series, type Fold, type FoldContext} from './tally.js';

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
      return {
        chart: 'line',
        axis: 'month',
        categories: month.names,
        series: [
          series('csat', 'percent', true, scores.csat.map(csatOf), (i) => people.csat[i]!.few),
          series('nps', 'score', true, scores.nps.map(npsOf), (i) => people.nps[i]!.few),
          series(
            'csatAnswers',
            'answers',
            false,
            scores.csat.map((s) => s.length),
            (i) => people.csat[i]!.few,
          ),
          series(
            'npsAnswers',
            'answers',
            false,
            scores.nps.map((s) => s.length),
            (i) => people.nps[i]!.few,
          ),
        ],
        figures: [
          figure('csat', 'percent', csatOf(scores.csat.flat()), everyone.csat),
          figure('nps', 'score', npsOf(scores.nps.flat()), everyone.nps),
        ],
      };
    },
  };
}
