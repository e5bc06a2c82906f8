/**
 * @rapport/react: Rapport's elements as React components. Importing this module defines every element;
 * import one (`@rapport/react/customer-card`) to ship only that one.
 *
 * @packageDocumentation
 */
export {RapportProvider} from './provider.js';
export {RapportCustomerCard} from './customer-card.js';
export {RapportLoyaltyBalance} from './loyalty-balance.js';
export {RapportComplaintForm} from './complaint-form.js';
export {RapportRewards} from './rewards.js';
export {RapportComplaintTracker} from './complaint-tracker.js';
export {RapportSurvey} from './survey.js';
export {RapportReport} from './report.js';
export type {RapportIntrinsicElements} from './jsx.js';
