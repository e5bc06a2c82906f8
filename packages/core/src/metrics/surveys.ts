import {invalidInput} from '../errors.js';
import {ratio, type Ratio} from './ratio.js';

/**
 * Customer satisfaction (CSAT): the share of answers of 4 or 5 on a 1 to 5 scale.
 *
 * @throws RapportError `invalid_input` for an answer that is not a whole number from 1 to 5.
 */
export function csat(scores: readonly number[]): Ratio {
  let satisfied = 0;
  scores.forEach((score, i) => {
    if (!Number.isInteger(score) || score < 1 || score > 5) {
      throw invalidInput(`scores[${i}]`, `must be a whole number from 1 to 5, got ${score}`);
    }
    if (score >= 4) satisfied++;
  });
  return ratio(satisfied, scores.length);
}

/** Net Promoter Score and its make-up. */
export interface NetPromoterScore {
  /** Answers of 9 or 10. */
  readonly promoters: number;
  /** Answers of 7 or 8. */
  readonly passives: number;
  /** Answers of 0 to 6. */
  readonly detractors: number;
  /** Percentage of promoters minus percentage of detractors, from −100 to 100; `null` without answers. */
  readonly score: number | null;
}

/**
 * Net Promoter Score from answers to "how likely are you to recommend us" on a 0 to 10 scale.
 *
 * @throws RapportError `invalid_input` for an answer that is not a whole number from 0 to 10.
 */
export function netPromoterScore(scores: readonly number[]): NetPromoterScore {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  scores.forEach((score, i) => {
    if (!Number.isInteger(score) || score < 0 || score > 10) {
      throw invalidInput(`scores[${i}]`, `must be a whole number from 0 to 10, got ${score}`);
    }
    if (score >= 9) promoters++;
    else if (score >= 7) passives++;
    else detractors++;
  });
  const score = scores.length === 0 ? null : ((promoters - detractors) * 100) / scores.length;
  return {promoters, passives, detractors, score};
}
