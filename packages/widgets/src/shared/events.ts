import type {Complaint, ComplaintInput, RapportError} from '@rapport/core';

/** How every Rapport event travels: it bubbles and leaves shadow roots. */
export const init = {bubbles: true, composed: true} as const;

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
    'rapport-error': RapportErrorEvent;
  }
}
