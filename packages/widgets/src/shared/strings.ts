// The widgets' own words (field labels come from the customization document). English is built in;
// every other language is a translation module that registers itself (src/translations/zh-CN.ts), and
// a host registers its own the same way, through @rapport/schema's registerTranslation, which also
// holds the value messages: one mechanism for every text Rapport shows.
//
// Why not @lit/localize: its locale is one global for the page (configureLocalization may be called
// once), while Rapport widgets take their locale from their provider or attribute, so two widgets on
// one page may speak two languages, and a host app using @lit/localize itself must not clash with us.
import {
  plural,
  registerBuiltInTranslation,
  translate,
  translationsVersion,
  type Translation,
  type ValueMessages,
} from '@rapport/schema';

const en = {
  loading: 'Loading…',
  retry: 'Try again',
  noCustomer: 'No customer selected.',
  notFound: 'This customer could not be found.',
  forbidden: 'You do not have access to this information.',
  loadFailed: 'The information could not be loaded.',
  unavailable: 'This information is not available right now.',
  notSet: 'Not set',
  yes: 'Yes',
  no: 'No',
  openComplaints: (n: number) =>
    plural('en', n, {one: '{count} open complaint', other: '{count} open complaints'}),
  noOpenComplaints: 'No open complaints',
  lastContact: 'Last contact',
  noContact: 'No contact yet',
  customerCard: 'Customer',
  points: 'points',
  pending: (n: string) => `${n} pending`,
  toNextTier: (n: string, tier: string) => `${n} points to ${tier}`,
  topTier: 'Top tier reached',
  progressLabel: (tier: string) => `Progress to ${tier}`,
  expiring: (n: string, date: string) => `${n} points expire on ${date}`,
  noExpiring: 'No points expire soon',
  loyalty: 'Loyalty',
  complaintForm: 'Tell us what went wrong',
  choose: 'Choose…',
  characters: (n: string, max: string) => `${n} of ${max} characters`,
  submit: 'Send complaint',
  submitting: 'Sending…',
  fixProblems: (n: number) =>
    plural('en', n, {
      one: 'Please correct {count} field:',
      other: 'Please correct {count} fields:',
    }),
  thanks: 'Thank you, we have your complaint.',
  reference: 'Your reference',
  replyBy: (date: string, hours: string) => `We will reply by ${date} (within ${hours}).`,
  another: 'Send another complaint',
  submitFailed: 'Your complaint could not be sent. Everything you typed is still here.',
  draftRestored: 'We restored the draft you started.',
  customerUnknown: 'We could not find your customer record. Please contact us another way.',
  hours: (n: number) => plural('en', n, {one: '{count} hour', other: '{count} hours'}),

  // <rapport-rewards>
  rewards: 'Rewards',
  rewardsEmpty: 'There are no rewards to show right now.',
  tierBenefits: (tier: string) => `${tier} benefits`,
  redeem: 'Redeem',
  pointsShort: (n: string) => `${n} more points`,
  forTier: (tier: string) => `For ${tier} members`,
  outOfStock: 'Out of stock',
  limitReached: 'Already redeemed as often as allowed',
  notOffered: 'Not available at the moment',
  confirmRedeem: (name: string, cost: string) => `Redeem ${name} for ${cost} points?`,
  confirm: 'Confirm',
  cancel: 'Cancel',
  redeeming: 'Redeeming…',
  redeemFailed: 'Could not redeem. Try again.',
  redeemUnavailable: 'Redeeming is not available right now.',
  refusedPoints: 'Not redeemed: you do not have enough points for this reward.',
  refusedTier: 'Not redeemed: this reward is for a higher tier.',
  refusedStock: 'Not redeemed: this reward has just run out.',
  refusedLimit: 'Not redeemed: you have redeemed this reward as often as allowed.',
  refusedOffer: 'Not redeemed: this reward is not offered at the moment.',
  redeemed: (name: string) => `You redeemed ${name}.`,
  yourCode: 'Your code',
  copy: 'Copy code',
  copied: 'Copied',
  copyByHand: 'Press Ctrl+C to copy',
  itemRedeemed: (name: string) => `${name} is yours. Show this message when you collect it.`,
  close: 'Close',
  history: 'Points history',
  yourRewards: 'Your redeemed rewards',
  noRedemptions: 'You have not redeemed any rewards yet.',
  activity: 'Points activity',
  noActivity: 'No points activity yet.',
  earned: 'Earned',
  spent: 'Redeemed',
  expired: 'Expired',
  adjusted: 'Adjusted',
  expiringSoon: 'Expiring soon',

  // <rapport-complaint-tracker>
  complaintTracker: 'Your complaints',
  complaintTrackerStaff: 'Complaints',
  noComplaints: 'You have not sent any complaints.',
  noComplaintsStaff: 'No complaints for this customer.',
  replyDue: (n: number, working: boolean) =>
    working
      ? plural('en', n, {
          one: 'Reply due within {count} working hour',
          other: 'Reply due within {count} working hours',
        })
      : plural('en', n, {
          one: 'Reply due within {count} hour',
          other: 'Reply due within {count} hours',
        }),
  replyOverdue: 'Reply overdue: we are on it.',
  thread: 'Replies',
  noReplies: 'No replies yet',
  repliesUnavailable: 'Replies are not available here.',
  repliesFailed: 'The replies could not be loaded.',
  you: 'You',
  support: 'Support',
  replyLabel: 'Your reply',
  sendReply: 'Send reply',
  replyEmpty: 'Write your reply first.',
  replySent: 'Your reply was sent.',
  replyFailed: 'Your reply could not be sent. Your text is still here.',
  replyTooLong: (max: string) => `Please shorten your reply to at most ${max} characters.`,
  needsResolution: 'First write what was done: it becomes the resolution.',
  complaintActions: {
    acknowledge: 'Acknowledge',
    start: 'Start work',
    resolve: 'Resolve',
    reject: 'Decline',
    reopen: 'Reopen',
    close: 'Close',
  } as Record<string, string>,
  complaintActionsDone: {
    acknowledge: 'Acknowledged',
    start: 'Work started',
    resolve: 'Marked as resolved',
    reject: 'Declined',
    reopen: 'Reopened',
    close: 'Closed',
  } as Record<string, string>,
  updateRefused: {
    action_not_allowed: 'Your role may not take this step.',
    reopen_window_passed: 'It is too late to reopen this complaint.',
    invalid_transition: 'The complaint has moved on: this step is no longer possible.',
  } as Partial<Record<string, string>>,

  // <rapport-survey>
  survey: 'Tell us how it went',
  surveyWaiting: 'We will ask how it went once your complaint is resolved.',
  surveyChooseScore: 'Choose a score',
  surveySatisfaction: (score: number) =>
    [
      'Very dissatisfied',
      'Dissatisfied',
      'Neither satisfied nor dissatisfied',
      'Satisfied',
      'Very satisfied',
    ][score - 1] ?? '',
  surveyUnlikely: 'Not at all likely',
  surveyLikely: 'Extremely likely',
  surveySend: 'Send answer',
  surveyThanks: 'Thank you for telling us.',
  surveyFailed: 'Your answer could not be sent. Your score and comment are still here.',

  errors: {
    invalid_input: 'Some of the information was not accepted.',
    unauthorized: 'Your session has expired. Please sign in again.',
    forbidden: 'You are not allowed to do this.',
    rate_limited: 'Too many requests right now. Please wait a moment.',
    unavailable: 'The service is unavailable right now.',
    timeout: 'The service took too long to answer.',
    conflict: 'This was already sent with different details.',
  } as Partial<Record<string, string>>,
};

export type Strings = typeof en;

/**
 * A translation a host registers (`registerTranslation` from `@rapport/widgets`): `$code`, `$name`,
 * and any of the widgets' texts and value messages; what it leaves out falls back to English.
 */
export type RapportTranslation = Translation & Partial<Strings> & Partial<ValueMessages>;

registerBuiltInTranslation({$code: 'en', $name: 'English', ...en});

const cache = new Map<string, Strings>();
let cachedVersion = -1;

/**
 * The widgets' texts for `locale`, key by key along its translation chain (see
 * `translationChain` in @rapport/schema: `zh-TW` falls back to `zh-Hant`, then to `zh-CN`), then
 * English. Register translations before the widgets render.
 */
export function stringsFor(locale: string): Strings {
  if (cachedVersion !== translationsVersion()) {
    cache.clear();
    cachedVersion = translationsVersion();
  }
  let strings = cache.get(locale);
  if (!strings) {
    const texts: Record<string, unknown> = {};
    for (const key of Object.keys(en))
      texts[key] = translate(locale, key) ?? en[key as keyof Strings];
    texts.errors = {...en.errors, ...(texts.errors as Strings['errors'])};
    strings = texts as Strings;
    cache.set(locale, strings);
  }
  return strings;
}
