// The widgets' own words (field labels come from the customization document). English is built in;
// every other language is a translation module that registers itself (src/translations/zh-CN.ts), and
// a host registers its own the same way, through @rapport/schema's registerTranslation, which also
// holds the value messages: one mechanism for every text Rapport shows.
//
// Why not @lit/localize: its locale is one global for the page (configureLocalization may be called
// once), while Rapport widgets take their locale from their provider or attribute, so two widgets on
// one page may speak two languages, and a host app using @lit/localize itself must not clash with us.
import {plural, registerBuiltInTranslation, translate, translationsVersion} from '@rapport/schema';

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

registerBuiltInTranslation({$code: 'en', $name: 'English', ...en});

/**
 * A widget's own words, kept with the widget so that a page without it does not carry them: registers
 * `en` as built-in English and returns a lookup that gives the shared words and these in a locale, as
 * {@link stringsFor} does (translations register the same keys: src/translations/zh-CN.ts).
 */
export function ownStrings<T extends Record<string, unknown>>(
  en: T,
): (locale: string) => Strings & T {
  registerBuiltInTranslation({$code: 'en', $name: 'English', ...en});
  const own = new Map<string, Strings & T>();
  let ownVersion = -1;
  return (locale) => {
    if (ownVersion !== translationsVersion()) {
      own.clear();
      ownVersion = translationsVersion();
    }
    let strings = own.get(locale);
    if (!strings) {
      const texts: Record<string, unknown> = {...stringsFor(locale)};
      for (const key of Object.keys(en)) texts[key] = translate(locale, key) ?? en[key];
      strings = texts as Strings & T;
      own.set(locale, strings);
    }
    return strings;
  };
}

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
