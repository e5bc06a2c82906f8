import {invalidInput} from '../errors.js';
import {moneyIn} from '../customers/money.js';
import type {IsoDateTime} from '../time.js';

/** The stages of a sales pipeline, in order; `won` and `lost` close a deal. */
export const dealStages = [
  'qualification',
  'needs_analysis',
  'proposal',
  'negotiation',
  'won',
  'lost',
] as const;
/** One of {@link dealStages}. */
export type DealStage = (typeof dealStages)[number];

/**
 * How likely a deal in each stage is to be won, when the deal does not say: the usual weights of a
 * B2B pipeline (10, 25, 50 and 75 %; won 100 %, lost 0).
 */
export const defaultStageProbability: Readonly<Record<DealStage, number>> = {
  qualification: 0.1,
  needs_analysis: 0.25,
  proposal: 0.5,
  negotiation: 0.75,
  won: 1,
  lost: 0,
};

/** A sales opportunity with a customer. Amounts are in the currency's major unit. */
export interface Deal {
  readonly id: string;
  readonly customerId: string;
  readonly name: string;
  readonly stage: DealStage;
  readonly amount: number;
  /** ISO 4217 currency code. */
  readonly currency: string;
  /** Chance of winning it, 0 to 1; default the stage's ({@link defaultStageProbability}). */
  readonly probability?: number;
  readonly createdAt: IsoDateTime;
  /** When it was won or lost. */
  readonly closedAt?: IsoDateTime;
}

/** What one stage of a pipeline holds. */
export interface StageValue {
  readonly stage: DealStage;
  readonly deals: number;
  /** Sum of the deals' amounts. */
  readonly amount: number;
  /** Sum of amount × probability: what the stage is expected to bring. */
  readonly weighted: number;
}

/**
 * A pipeline by stage: every stage in order (empty ones kept), its deals, their amount and their
 * weighted value. Amounts are added up exactly in minor units, weighted values to the minor unit.
 *
 * @throws RapportError `invalid_input` for deals in several currencies, an amount with more decimals
 *   than its currency, an unknown stage or a probability outside 0 to 1.
 */
export function pipelineByStage(deals: readonly Deal[]): StageValue[] {
  const currency = deals[0]?.currency ?? '';
  const money = moneyIn(
    currency,
    `earlier deals are in ${currency}; convert to one currency first`,
    'deals',
  );
  const totals = new Map(dealStages.map((stage) => [stage, {deals: 0, minor: 0, weighted: 0}]));
  deals.forEach((deal, i) => {
    const total = totals.get(deal.stage);
    if (!total) throw invalidInput(`deals[${i}].stage`, `must be one of ${dealStages.join(', ')}`);
    const probability = deal.probability ?? defaultStageProbability[deal.stage];
    if (!(probability >= 0 && probability <= 1))
      throw invalidInput(`deals[${i}].probability`, 'must be between 0 and 1');
    const minor = money.minorOf(deal, i);
    total.deals++;
    total.minor += minor;
    total.weighted += Math.round(minor * probability);
  });
  return dealStages.map((stage) => {
    const total = totals.get(stage)!;
    return {
      stage,
      deals: total.deals,
      amount: money.toMajor(total.minor),
      weighted: money.toMajor(total.weighted),
    };
  });
}
