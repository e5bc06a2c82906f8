import type {
  Complaint,
  ComplaintInput,
  ComplaintUpdate,
  ComplaintUpdateInput,
  RapportError,
  Redemption,
  Reward,
  SurveyAnswer,
  SurveyAnswerInput,
} from '@rapport/core';

const init = {bubbles: true, composed: true} as const;

/**
 * Fired by `<rapport-complaint-form>` when the person submits valid values, before anything is sent.
 * Cancel it (`event.preventDefault()`) to stop the submission, for example to ask for confirmation.
 */
export class ComplaintBeforeSubmitEvent extends Event {
  static readonly eventName = 'rapport-complaint-before-submit';
  constructor(
    /** What is about to be submitted. */
    readonly input: ComplaintInput,
  ) {
    super(ComplaintBeforeSubmitEvent.eventName, {...init, cancelable: true});
  }
}

/** Fired by `<rapport-complaint-form>` when the backend has stored the complaint. */
export class ComplaintSubmittedEvent extends Event {
  static readonly eventName = 'rapport-complaint-submitted';
  constructor(
    /** The stored complaint, with its reference and due dates. */
    readonly complaint: Complaint,
  ) {
    super(ComplaintSubmittedEvent.eventName, init);
  }
}

/** Fired by `<rapport-complaint-form>` when a submission failed for good (after the client's retries). */
export class ComplaintFailedEvent extends Event {
  static readonly eventName = 'rapport-complaint-failed';
  constructor(
    readonly error: RapportError | Error,
    /** What was being submitted; the form keeps it for another try. */
    readonly input: ComplaintInput,
  ) {
    super(ComplaintFailedEvent.eventName, init);
  }
}

/**
 * Fired by `<rapport-rewards>` when the person confirms a redemption, before anything is sent. Cancel
 * it to stop the redemption.
 */
export class RewardBeforeRedeemEvent extends Event {
  static readonly eventName = 'rapport-reward-before-redeem';
  constructor(
    /** The reward about to be redeemed. */
    readonly reward: Reward,
  ) {
    super(RewardBeforeRedeemEvent.eventName, {...init, cancelable: true});
  }
}

/** Fired by `<rapport-rewards>` when the backend has redeemed the reward. */
export class RewardRedeemedEvent extends Event {
  static readonly eventName = 'rapport-reward-redeemed';
  constructor(
    /** The redemption, with its coupon code. */
    readonly redemption: Redemption,
  ) {
    super(RewardRedeemedEvent.eventName, init);
  }
}

/**
 * Fired by `<rapport-complaint-tracker>` when the person sends a reply or takes an action, before
 * anything is sent. Cancel it to stop the update.
 */
export class ComplaintBeforeUpdateEvent extends Event {
  static readonly eventName = 'rapport-complaint-before-update';
  constructor(
    /** What is about to be sent. */
    readonly input: ComplaintUpdateInput,
  ) {
    super(ComplaintBeforeUpdateEvent.eventName, {...init, cancelable: true});
  }
}

/** Fired by `<rapport-complaint-tracker>` when the backend has stored a reply or an action. */
export class ComplaintUpdatedEvent extends Event {
  static readonly eventName = 'rapport-complaint-updated';
  constructor(
    /** The stored update, with the complaint's new status. */
    readonly update: ComplaintUpdate,
  ) {
    super(ComplaintUpdatedEvent.eventName, init);
  }
}

/** Fired by `<rapport-survey>` when the person sends an answer, before anything is sent. Cancel it to stop it. */
export class SurveyBeforeAnswerEvent extends Event {
  static readonly eventName = 'rapport-survey-before-answer';
  constructor(
    /** What is about to be sent. */
    readonly input: SurveyAnswerInput,
  ) {
    super(SurveyBeforeAnswerEvent.eventName, {...init, cancelable: true});
  }
}

/** Fired by `<rapport-survey>` when the backend has stored the answer. */
export class SurveyAnsweredEvent extends Event {
  static readonly eventName = 'rapport-survey-answered';
  constructor(
    /** The stored answer. */
    readonly answer: SurveyAnswer,
  ) {
    super(SurveyAnsweredEvent.eventName, init);
  }
}

/** Fired by any widget that cannot show its data: loading failed, or the customization is not valid. */
export class RapportErrorEvent extends Event {
  static readonly eventName = 'rapport-error';
  constructor(
    readonly error: RapportError | Error,
    /** The widget's tag name. */
    readonly widget: string,
  ) {
    super(RapportErrorEvent.eventName, init);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rapport-complaint-before-submit': ComplaintBeforeSubmitEvent;
    'rapport-complaint-submitted': ComplaintSubmittedEvent;
    'rapport-complaint-failed': ComplaintFailedEvent;
    'rapport-reward-before-redeem': RewardBeforeRedeemEvent;
    'rapport-reward-redeemed': RewardRedeemedEvent;
    'rapport-complaint-before-update': ComplaintBeforeUpdateEvent;
    'rapport-complaint-updated': ComplaintUpdatedEvent;
    'rapport-survey-before-answer': SurveyBeforeAnswerEvent;
    'rapport-survey-answered': SurveyAnsweredEvent;
    'rapport-error': RapportErrorEvent;
  }
}
