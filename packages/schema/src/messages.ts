import {localeChain} from '@rapport/core';

/** Why a value was refused; each has a message in every built-in language. */
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

type Catalog = Readonly<Record<ValueIssue, (n: number) => string>>;

const catalogs: Readonly<Record<string, Catalog>> = {
  en: {
    required: () => 'This field is required.',
    minLength: (n) => `Enter at least ${n} characters.`,
    maxLength: (n) => `Enter at most ${n} characters.`,
    pattern: () => 'This value does not have the expected format.',
    min: (n) => `Enter ${n} or more.`,
    max: (n) => `Enter ${n} or less.`,
    number: () => 'Enter a number.',
    email: () => 'Enter an email address, such as name@example.com.',
    phone: () => 'Enter a phone number, such as +44 20 7946 0000.',
    url: () => 'Enter a web address starting with https://.',
    date: () => 'Enter a date as YYYY-MM-DD.',
    datetime: () => 'Enter a date and time.',
    option: () => 'Choose one of the options.',
  },
  zh: {
    required: () => '此项为必填项。',
    minLength: (n) => `请至少输入 ${n} 个字符。`,
    maxLength: (n) => `最多输入 ${n} 个字符。`,
    pattern: () => '格式不正确。',
    min: (n) => `请输入不小于 ${n} 的数值。`,
    max: (n) => `请输入不大于 ${n} 的数值。`,
    number: () => '请输入数字。',
    email: () => '请输入有效的邮箱地址，例如 name@example.com。',
    phone: () => '请输入有效的电话号码，例如 +86 138 0013 8000。',
    url: () => '请输入以 https:// 开头的网址。',
    date: () => '请按 YYYY-MM-DD 格式输入日期。',
    datetime: () => '请输入日期和时间。',
    option: () => '请从选项中选择。',
  },
};

/** The languages that have built-in validation messages. */
export const messageLocales = Object.keys(catalogs);

/** The message for an issue in `locale` (falling back along its chain, then to English). */
export function valueMessage(issue: ValueIssue, locale: string, n = 0): string {
  for (const tag of localeChain(locale)) {
    // Own keys only: a locale such as "constructor" is not a catalog.
    if (Object.hasOwn(catalogs, tag)) return catalogs[tag]![issue](n);
  }
  return catalogs.en![issue](n);
}
