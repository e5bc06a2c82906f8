import {invalidInput, refuseInput, requireObject} from '../errors.js';
import {textLength} from '../text.js';
import type {IsoDateTime} from '../time.js';
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

/** The two questions a survey asks: satisfaction (CSAT, 1 to 5) or likelihood to recommend (NPS, 0 to 10). */
export const surveyKinds = ['csat', 'nps'] as const;
/** One of {@link surveyKinds}. */
export type SurveyKind = (typeof surveyKinds)[number];

/** The scale of each survey kind: the lowest and highest score. */
export const surveyScales: Readonly<
  Record<SurveyKind, {readonly min: number; readonly max: number}>
> = {csat: {min: 1, max: 5}, nps: {min: 0, max: 10}};

/** One customer's answer to a survey; feeds {@link csat} and {@link netPromoterScore}. */
export interface SurveyAnswer {
  /** Stable id. */
  readonly id: string;
  readonly customerId: string;
  /** The complaint it is about, or `null` for a standalone survey. */
  readonly complaintId: string | null;
  readonly kind: SurveyKind;
  /** A whole number on the kind's scale. */
  readonly score: number;
  /** What the customer added in their own words. */
  readonly comment?: string;
  readonly createdAt: IsoDateTime;
}

/** What a customer submits. One answer per customer per complaint: a second is refused. */
export interface SurveyAnswerInput {
  readonly customerId: string;
  readonly complaintId?: string;
  readonly kind: SurveyKind;
  readonly score: number;
  readonly comment?: string;
}

/** Length limit of a survey comment, in characters (code points). */
export const surveyLimits = {comment: 2000} as const;

/**
 * Checks a survey answer and returns it typed, with the comment trimmed.
 *
 * @throws RapportError `invalid_input` naming each field at fault.
 */
export function validateSurveyAnswerInput(input: unknown): SurveyAnswerInput {
  requireObject('survey answer', input);
  const problems: Record<string, string> = {};
  const {customerId, complaintId, kind, score, comment} = input;
  if (typeof customerId !== 'string' || customerId === '')
    problems.customerId = 'must be a non-empty id';
  if (complaintId !== undefined && (typeof complaintId !== 'string' || complaintId === ''))
    problems.complaintId = 'must be a non-empty id';
  const scale = (surveyKinds as readonly unknown[]).includes(kind)
    ? surveyScales[kind as SurveyKind]
    : undefined;
  if (!scale) problems.kind = `must be one of ${surveyKinds.join(', ')}`;
  else if (
    !Number.isInteger(score) ||
    (score as number) < scale.min ||
    (score as number) > scale.max
  )
    problems.score = `must be a whole number from ${scale.min} to ${scale.max}`;
  if (comment !== undefined && typeof comment !== 'string') problems.comment = 'must be text';
  else if (typeof comment === 'string' && textLength(comment) > surveyLimits.comment)
    problems.comment = `must be at most ${surveyLimits.comment} characters`;
  refuseInput('survey answer', problems);
  const trimmed = typeof comment === 'string' ? comment.trim() : '';
  return {
    customerId: customerId as string,
    ...(complaintId !== undefined && {complaintId: complaintId as string}),
    kind: kind as SurveyKind,
    score: score as number,
    ...(trimmed !== '' && {comment: trimmed}),
  };
}
