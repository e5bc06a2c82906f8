import {invalidInput} from '../errors.js';
import type {Opportunity, Pipeline} from './sales.js';

/** Deals in one stage. */
export interface StageTotal {
  readonly stageId: string;
  readonly count: number;
  /** Sum of deal amounts. */
  readonly amount: number;
  /** Sum of amounts times their probability. */
  readonly weighted: number;
}

/** A pipeline's value, by stage and in total. */
export interface PipelineValue {
  /** One entry per stage, in pipeline order. */
  readonly byStage: readonly StageTotal[];
  /** Sum of amounts of open deals (not in a closed stage). */
  readonly openAmount: number;
  /** Sum of open deals' amounts weighted by probability: the expected revenue. */
  readonly weightedAmount: number;
  /** Sum of amounts of deals closed won. */
  readonly wonAmount: number;
}

/**
 * The value of a pipeline: each deal's amount weighted by its own probability or else its stage's.
 * Amounts are assumed to be in one currency.
 *
 * @throws RapportError `invalid_input` for a deal in a stage the pipeline does not have, or a
 *   probability outside 0..1.
 */
export function pipelineValue(
  opportunities: readonly Opportunity[],
  pipeline: Pipeline,
): PipelineValue {
  const totals = new Map(
    pipeline.stages.map((stage) => [
      stage.id,
      {stageId: stage.id, count: 0, amount: 0, weighted: 0},
    ]),
  );
  const stages = new Map(pipeline.stages.map((stage) => [stage.id, stage]));
  let openAmount = 0;
  let weightedAmount = 0;
  let wonAmount = 0;
  opportunities.forEach((deal, i) => {
    const stage = stages.get(deal.stageId);
    const total = totals.get(deal.stageId);
    if (!stage || !total) {
      throw invalidInput(
        `opportunities[${i}].stageId`,
        `"${deal.stageId}" is not a stage of pipeline ${pipeline.id}`,
      );
    }
    const probability = deal.probability ?? stage.probability;
    if (!(probability >= 0 && probability <= 1)) {
      throw invalidInput(`opportunities[${i}].probability`, 'must be between 0 and 1');
    }
    const weighted = deal.amount * probability;
    total.count++;
    total.amount += deal.amount;
    total.weighted += weighted;
    if (stage.closed === 'won') wonAmount += deal.amount;
    if (stage.closed === undefined) {
      openAmount += deal.amount;
      weightedAmount += weighted;
    }
  });
  return {byStage: [...totals.values()], openAmount, weightedAmount, wonAmount};
}
