/**
 * A value a record holds in a standard or custom field: text, a number, a yes/no, nothing, or a list
 * of texts (for multi-select and tag fields). Dates travel as ISO 8601 strings.
 */
export type FieldValue = string | number | boolean | null | readonly string[];

/** A set of custom field values keyed by the custom field's key (as the backend names it). */
export type CustomFields = Readonly<Record<string, FieldValue>>;

/**
 * Text shown to people, either one string or a string per BCP 47 locale tag: `"Email"` or
 * `{"en": "Email", "zh-CN": "邮箱"}`. A locale it has no string for shows the translation registered
 * for its words (docs/i18n.md), else its words.
 */
export type LocalizedText = string | {readonly [locale: string]: string};

/** The kinds of record the model holds; customization documents and field catalogs name them. */
export const entities = ['customer', 'loyalty', 'complaint', 'reward', 'survey'] as const;
/** One of {@link entities}. */
export type Entity = (typeof entities)[number];

/**
 * The kinds of value a field holds. They decide how a widget shows and edits the field and which
 * validation rules apply to it.
 */
export const fieldTypes = [
  'text',
  'longtext',
  'email',
  'phone',
  'url',
  'number',
  'money',
  'date',
  'datetime',
  'boolean',
  'select',
  'multiselect',
  'tags',
  'points',
  'tier',
] as const;
/** One of {@link fieldTypes}. */
export type FieldType = (typeof fieldTypes)[number];

/** One choice of a select or multi-select field. */
export interface FieldOption {
  /** The value stored. */
  readonly value: string;
  /** The text shown. */
  readonly label: LocalizedText;
}

/** Whether `value` is a JSON object: not null, not a list. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The value of `record`'s own property `key`, never one it inherits: a field, role or locale named
 * "constructor" or "__proto__" is just a name.
 */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * The text of `text` for `locale`, falling back along the locale's chain (`zh-TW`, then `zh`), then to
 * `fallbackLocale`, then to the first text present. Plain strings are returned as they are.
 */
export function localize(text: LocalizedText, locale: string, fallbackLocale = 'en'): string {
  if (typeof text === 'string') return text;
  for (const tag of [...localeChain(locale), ...localeChain(fallbackLocale)]) {
    const value = ownValue(text, tag);
    if (value !== undefined) return value;
  }
  for (const value of Object.values(text)) return value;
  return '';
}

/** `zh-Hant-TW` gives `["zh-Hant-TW", "zh-Hant", "zh"]`: the tags to try, most specific first. */
export function localeChain(locale: string): string[] {
  const parts = locale.split('-').filter(Boolean);
  const chain: string[] = [];
  for (let n = parts.length; n > 0; n--) chain.push(parts.slice(0, n).join('-'));
  return chain;
}
