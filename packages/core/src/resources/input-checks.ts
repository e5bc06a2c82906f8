import {validateComplaintInput} from '../complaints/validate-input.js';
import {validateComplaintUpdateInput} from '../complaints/updates.js';
import {validateRedemptionInput} from '../loyalty/rewards.js';
import {validateSurveyAnswerInput} from '../metrics/surveys.js';
import type {Catalogue, InputOf, RapportCatalogue, ResourcesWith} from './catalogue.js';

/**
 * How a server checks each create's input before a backend sees it: one function per resource that
 * offers `create`, returning the input typed and nothing else the request carried.
 * @throws RapportError `invalid_input` from each function, naming the field and what is wrong.
 */
export type InputChecks<C extends Catalogue = RapportCatalogue> = {
  readonly [N in ResourcesWith<C, 'create'>]: (input: unknown) => InputOf<C[N]>;
};

/**
 * The input checks of Rapport's catalogue. They sit beside the catalogue, not in it: browsers import
 * the catalogue for routes and invalidation, and need not carry checks that only the gateway runs.
 */
export const inputChecks: InputChecks = {
  complaints: validateComplaintInput,
  redemptions: validateRedemptionInput,
  complaintUpdates: validateComplaintUpdateInput,
  surveyAnswers: validateSurveyAnswerInput,
};
