/**
 * JSX types for the raw `<rapport-*>` tags in React 19, which sets a custom element's properties
 * (objects such as `client` included) and listens to its events itself:
 *
 * ```tsx
 * import type {} from '@rapport/react/jsx';
 * <rapport-customer-card customer-id="c-001" client={client} onrapport-error={(e) => log(e.error)} />
 * ```
 *
 * Properties go by their name (`customerId`, `client`), attributes by theirs (`customer-id`), events as
 * `on` + the event's name (`onrapport-error`). React 18 sets everything as attributes and listens to
 * no custom event: use the components of `@rapport/react` there.
 *
 * @packageDocumentation
 */
import type {DetailedHTMLProps, HTMLAttributes} from 'react';
import type {
  ComplaintBeforeSubmitEvent,
  ComplaintBeforeUpdateEvent,
  ComplaintFailedEvent,
  ComplaintSubmittedEvent,
  ComplaintUpdatedEvent,
  RapportComplaintForm,
  RapportComplaintTracker,
  RapportCustomerCard,
  RapportErrorEvent,
  RapportLoyaltyBalance,
  RapportProvider,
  RapportReport,
  RapportRewards,
  RapportSurvey,
  RewardBeforeRedeemEvent,
  RewardRedeemedEvent,
  SurveyAnsweredEvent,
  SurveyBeforeAnswerEvent,
  Theme,
} from '@rapport/widgets';

/** Listeners by event name, as React 19 takes them on custom elements: `onrapport-error`. */
type On<Events> = {[Name in keyof Events & string as `on${Name}`]?: (event: Events[Name]) => void};

/** What every tag takes: HTML's own attributes, the shared properties and attributes, `rapport-error`. */
type Tag<E extends HTMLElement, Properties extends keyof E, Attributes, Events = object> = Omit<
  DetailedHTMLProps<HTMLAttributes<E>, E>,
  Properties | keyof Attributes
> &
  Partial<Pick<E, Properties>> &
  Attributes &
  On<Events & {'rapport-error': RapportErrorEvent}> & {
    'viewer-role'?: string | undefined;
    locale?: string | undefined;
    theme?: Theme | undefined;
  };

/** The properties every widget shares with the provider. */
type Shared = 'client' | 'customization' | 'config' | 'viewerRole' | 'locale' | 'theme';
type Widget = Shared | 'customerId';
interface CustomerAttributes {
  'customer-id'?: string | undefined;
}

export interface RapportIntrinsicElements {
  'rapport-provider': Tag<RapportProvider, Shared | 'host', object>;
  'rapport-customer-card': Tag<
    RapportCustomerCard,
    Widget | 'variant',
    CustomerAttributes & {variant?: RapportCustomerCard['variant']}
  >;
  'rapport-loyalty-balance': Tag<
    RapportLoyaltyBalance,
    Widget | 'variant',
    CustomerAttributes & {variant?: RapportLoyaltyBalance['variant']}
  >;
  'rapport-complaint-form': Tag<
    RapportComplaintForm,
    Widget | 'saveDraft' | 'channel' | 'controls',
    CustomerAttributes & {'save-draft'?: boolean; channel?: RapportComplaintForm['channel']},
    {
      'rapport-complaint-before-submit': ComplaintBeforeSubmitEvent;
      'rapport-complaint-submitted': ComplaintSubmittedEvent;
      'rapport-complaint-failed': ComplaintFailedEvent;
    }
  >;
  'rapport-rewards': Tag<
    RapportRewards,
    Widget,
    CustomerAttributes,
    {
      'rapport-reward-before-redeem': RewardBeforeRedeemEvent;
      'rapport-reward-redeemed': RewardRedeemedEvent;
    }
  >;
  'rapport-complaint-tracker': Tag<
    RapportComplaintTracker,
    Widget | 'businessHours' | 'complaintPolicy',
    CustomerAttributes,
    {
      'rapport-complaint-before-update': ComplaintBeforeUpdateEvent;
      'rapport-complaint-updated': ComplaintUpdatedEvent;
    }
  >;
  'rapport-survey': Tag<
    RapportSurvey,
    Widget | 'kind' | 'complaintId',
    CustomerAttributes & {kind?: RapportSurvey['kind']; 'complaint-id'?: string | undefined},
    {
      'rapport-survey-before-answer': SurveyBeforeAnswerEvent;
      'rapport-survey-answered': SurveyAnsweredEvent;
    }
  >;
  'rapport-report': Tag<
    RapportReport,
    Widget | 'name' | 'range' | 'from' | 'to' | 'segment' | 'category',
    CustomerAttributes
  >;
}

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- React's JSX types live in this namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into React's interface
    interface IntrinsicElements extends RapportIntrinsicElements {}
  }
}
