import {plural, registerBuiltInTranslation, translate} from './translations.js';

/** Why a value was refused; each has a message in every registered language. */
export type ValueIssue =
  | 'required'
  | 'minLength'
  | 'maxLength'
  | 'pattern'
  | 'min'
  | 'max'
  | 'number'
  | 'email'
  | 'phone'
  | 'url'
  | 'date'
  | 'datetime'
  | 'option';

/**
 * The value messages of a translation, keyed `value.<issue>`: a function of the rule's number (the
 * length or bound) giving the message.
 */
export type ValueMessages = {
  readonly [issue in ValueIssue as `value.${issue}`]: (n: number) => string;
};

/** English, built in; other languages register through `registerTranslation`. */
export const englishValueMessages: ValueMessages = {
  'value.required': () => 'This field is required.',
  'value.minLength': (n) =>
    plural('en', n, {
      one: 'Enter at least {count} character.',
      other: 'Enter at least {count} characters.',
    }),
  'value.maxLength': (n) =>
    plural('en', n, {
      one: 'Enter at most {count} character.',
      other: 'Enter at most {count} characters.',
    }),
  'value.pattern': () => 'This value does not have the expected format.',
  'value.min': (n) => `Enter ${n} or more.`,
  'value.max': (n) => `Enter ${n} or less.`,
  'value.number': () => 'Enter a number.',
  'value.email': () => 'Enter an email address, such as name@example.com.',
  'value.phone': () => 'Enter a phone number, such as +44 20 7946 0000.',
  'value.url': () => 'Enter a web address starting with https://.',
  'value.date': () => 'Enter a date as YYYY-MM-DD.',
  'value.datetime': () => 'Enter a date and time.',
  'value.option': () => 'Choose one of the options.',
};

registerBuiltInTranslation({$code: 'en', $name: 'English', ...englishValueMessages});

/** The message for an issue in `locale` (falling back along its chain, then to English). */
export function valueMessage(issue: ValueIssue, locale: string, n = 0): string {
  const message = translate(locale, `value.${issue}`);
  return typeof message === 'function'
    ? String((message as (n: number) => unknown)(n))
    : englishValueMessages[`value.${issue}`](n);
}
