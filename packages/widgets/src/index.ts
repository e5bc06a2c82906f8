/**
 * @rapport/widgets: Lit web components for CRM data. Importing this module defines nothing; import a
 * define module (`@rapport/widgets/customer-card`, or `@rapport/widgets/all`) to register the tags.
 *
 * @packageDocumentation
 */
export {RapportProvider} from './provider/provider.component.js';
export {RapportCustomerCard} from './customer-card/customer-card.component.js';
export {RapportLoyaltyBalance} from './loyalty-balance/loyalty-balance.component.js';
export {RapportComplaintForm} from './complaint-form/complaint-form.component.js';
export {RapportRewards} from './rewards/rewards.component.js';
export {RapportComplaintTracker} from './complaint-tracker/complaint-tracker.component.js';
export {RapportSurvey} from './survey/survey.component.js';
export {RapportReport} from './report/report.component.js';
export {RapportWidget} from './shared/widget.js';
export {
  ComplaintBeforeSubmitEvent,
  ComplaintFailedEvent,
  ComplaintSubmittedEvent,
  RapportErrorEvent,
} from './shared/events.js';
export {RewardBeforeRedeemEvent, RewardRedeemedEvent} from './rewards/rewards.events.js';
export {
  ComplaintBeforeUpdateEvent,
  ComplaintUpdatedEvent,
} from './complaint-tracker/complaint-tracker.events.js';
export {SurveyAnsweredEvent, SurveyBeforeAnswerEvent} from './survey/survey.events.js';
export {environmentContext} from './shared/context.js';
export type {RapportEnvironment} from './shared/context.js';
export {defineElement} from './shared/define.js';
export type {HostView, RapportHost} from './host/host.js';
export {setShadowRootMode} from './host/shadow-root.js';
export {fieldControls} from './form/controls.js';
export type {ControlContext, ControlRenderer, FieldControls} from './form/controls.js';
export type {RapportTranslation} from './translation.js';
export type {Theme} from './shared/context.js';
export {registerTranslation} from '@rapport/schema';
