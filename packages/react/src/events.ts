import type {EventName} from '@lit/react';
import type {
  ComplaintBeforeSubmitEvent,
  ComplaintBeforeUpdateEvent,
  ComplaintFailedEvent,
  ComplaintSubmittedEvent,
  ComplaintUpdatedEvent,
  RapportErrorEvent,
  RewardBeforeRedeemEvent,
  RewardRedeemedEvent,
  SurveyAnsweredEvent,
  SurveyBeforeAnswerEvent,
} from '@rapport/widgets';

// Each element's events as React props: `rapport-complaint-submitted` is `onRapportComplaintSubmitted`,
// called with the element's own event class.

const error = {onRapportError: 'rapport-error' as EventName<RapportErrorEvent>};

/** The `on…` props of each element's wrapper, by tag, and the events they listen to. */
export const events = {
  'rapport-provider': error,
  'rapport-customer-card': error,
  'rapport-loyalty-balance': error,
  'rapport-report': error,
  'rapport-complaint-form': {
    ...error,
    onRapportComplaintBeforeSubmit:
      'rapport-complaint-before-submit' as EventName<ComplaintBeforeSubmitEvent>,
    onRapportComplaintSubmitted:
      'rapport-complaint-submitted' as EventName<ComplaintSubmittedEvent>,
    onRapportComplaintFailed: 'rapport-complaint-failed' as EventName<ComplaintFailedEvent>,
  },
  'rapport-complaint-tracker': {
    ...error,
    onRapportComplaintBeforeUpdate:
      'rapport-complaint-before-update' as EventName<ComplaintBeforeUpdateEvent>,
    onRapportComplaintUpdated: 'rapport-complaint-updated' as EventName<ComplaintUpdatedEvent>,
  },
  'rapport-rewards': {
    ...error,
    onRapportRewardBeforeRedeem:
      'rapport-reward-before-redeem' as EventName<RewardBeforeRedeemEvent>,
    onRapportRewardRedeemed: 'rapport-reward-redeemed' as EventName<RewardRedeemedEvent>,
  },
  'rapport-survey': {
    ...error,
    onRapportSurveyBeforeAnswer:
      'rapport-survey-before-answer' as EventName<SurveyBeforeAnswerEvent>,
    onRapportSurveyAnswered: 'rapport-survey-answered' as EventName<SurveyAnsweredEvent>,
  },
};
