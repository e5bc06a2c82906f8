import {isEmail, isHttpsUrl, isPhone, ownValue, textLength, type FieldValue} from '@rapport/core';
import {valueMessage} from './messages.js';
import {patternVerdict} from '#pattern-check';
import {PATTERN_MAX_INPUT} from './limits.js';
import {
  isFilled,
  shownFields,
  type FieldValues,
  type PlanField,
  type RenderPlan,
} from './resolve.js';
import {writeSource} from './sources.js';

const NUMERIC_TYPES: ReadonlySet<string> = new Set(['number', 'money', 'points']);

/** The outcome of {@link validateValues}: a localized message per invalid field id. */
export interface ValuesResult {
  readonly valid: boolean;
  /** Messages keyed by field id, in the plan's field order. */
  readonly errors: Readonly<Record<string, string>>;
}

/** Options of {@link validateValues}. */
export interface ValuesOptions {
  /** Language of the messages; default the plan's locale. */
  readonly locale?: string;
  /** Check only these field ids (for validation as a person types). Default all. */
  readonly only?: readonly string[];
}

/**
 * Checks what a person entered against the plan's rules: required, lengths (in characters), pattern,
 * numeric range, and the field type (e-mail, phone, number, date, option). Only fields that are shown
 * (by their rules) and editable are checked. A small interpreter over the document's vocabulary, with
 * no eval, so the browser form and the server reach the same verdict.
 */
export function validateValues(
  plan: RenderPlan,
  values: FieldValues,
  options: ValuesOptions = {},
): ValuesResult {
  const locale = options.locale ?? plan.locale;
  const errors: Record<string, string> = {};
  for (const field of shownFields(plan, values)) {
    if (field.readOnly || (options.only && !options.only.includes(field.id))) continue;
    const message = validateValue(field, ownValue(values, field.id), locale);
    if (message !== undefined) errors[field.id] = message;
  }
  return {valid: Object.keys(errors).length === 0, errors};
}

/**
 * Checks one value against one field's rules, as {@link validateValues} does for each shown, editable
 * field (for validation as a person leaves a field): the message in `locale`, or `undefined` when the
 * value is fine. A pattern runs on values of at most 1,000 characters (a longer one gets the
 * `maxLength` message for 1,000), and a pattern that could backtrack catastrophically never runs: it
 * matches nothing, so such a document cannot freeze a form or the gateway even unvalidated.
 */
export function validateValue(
  field: PlanField,
  value: FieldValue | undefined,
  locale: string,
): string | undefined {
  const rules = field.validation;
  if (!isFilled(value)) return rules.required ? valueMessage('required', locale) : undefined;
  // The value's shape must be the field's: a list only for multiselect and tags, of texts; never an
  // object (a script posting {} or ["…"] to a text field gets the format message, not a pass).
  const listField = field.type === 'multiselect' || field.type === 'tags';
  if (Array.isArray(value) !== listField || (typeof value === 'object' && !Array.isArray(value)))
    return valueMessage('pattern', locale);
  if (typeof value === 'boolean' && field.type !== 'boolean')
    return valueMessage('pattern', locale);
  if (Array.isArray(value)) {
    if (!value.every((v) => typeof v === 'string')) return valueMessage('pattern', locale);
    if (
      field.type === 'multiselect' &&
      field.options &&
      !value.every((v) => field.options!.some((o) => o.value === v))
    ) {
      return valueMessage('option', locale);
    }
    // Tags: each one is checked against the field's length and pattern rules.
    if (field.type === 'tags') {
      const each: PlanField = {...field, type: 'text', validation: {...rules, required: false}};
      for (const item of value) {
        const message = validateValue(each, item, locale);
        if (message !== undefined) return message;
      }
    }
    return undefined;
  }
  const text = String(value).trim();
  switch (field.type) {
    case 'email':
      if (!isEmail(text)) return valueMessage('email', locale);
      break;
    case 'phone':
      if (!isPhone(text)) return valueMessage('phone', locale);
      break;
    case 'url':
      if (!isHttpsUrl(text)) return valueMessage('url', locale);
      break;
    case 'date':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(`${text}T00:00:00Z`)))
        return valueMessage('date', locale);
      break;
    case 'datetime':
      if (Number.isNaN(Date.parse(text))) return valueMessage('datetime', locale);
      break;
    case 'select':
      if (field.options && !field.options.some((o) => o.value === text))
        return valueMessage('option', locale);
      break;
  }
  if (NUMERIC_TYPES.has(field.type) || typeof value === 'number') {
    const n = typeof value === 'number' ? value : Number(text);
    if (text === '' || !Number.isFinite(n)) return valueMessage('number', locale);
    if (rules.min !== undefined && n < rules.min) return valueMessage('min', locale, rules.min);
    if (rules.max !== undefined && n > rules.max) return valueMessage('max', locale, rules.max);
  }
  const length = textLength(text);
  if (rules.minLength !== undefined && length < rules.minLength)
    return valueMessage('minLength', locale, rules.minLength);
  if (rules.maxLength !== undefined && length > rules.maxLength)
    return valueMessage('maxLength', locale, rules.maxLength);
  if (rules.pattern !== undefined) {
    // A pattern is run on values of up to PATTERN_MAX_INPUT characters only, which bounds its time.
    if (length > PATTERN_MAX_INPUT) return valueMessage('maxLength', locale, PATTERN_MAX_INPUT);
    if (!matchesWhole(rules.pattern, text))
      return field.patternMessage ?? valueMessage('pattern', locale);
  }
  return undefined;
}

const patterns = new Map<string, RegExp | boolean>();

/**
 * Whether the whole text matches. A pattern that does not compile, or that could take exponential or
 * very long time (see pattern.ts), is never run and matches nothing; validation reports it. A
 * production browser build skips a pattern it cannot cheaply tell is safe (see pattern-check.quick.ts):
 * such a value passes here and is checked by the server.
 */
function matchesWhole(pattern: string, text: string): boolean {
  let regexp = patterns.get(pattern);
  if (regexp === undefined) {
    try {
      const verdict = patternVerdict(pattern);
      regexp = verdict === 'run' ? new RegExp(`^(?:${pattern})$`, 'u') : verdict === 'skip';
    } catch {
      regexp = false;
    }
    patterns.set(pattern, regexp);
  }
  return typeof regexp === 'boolean' ? regexp : regexp.test(text);
}

/**
 * What a person typed in one field, as the model's type: a number for `number`, `money` and `points`
 * (`"12.5"` gives `12.5`), a list of trimmed tags for `tags` (`"vip, tea ,"` gives `["vip", "tea"]`),
 * trimmed text otherwise. Non-text values (a checkbox's `true`, a multiselect's list) are kept as they
 * are. An empty value (nothing, blank text, an empty list) gives `undefined`: there is nothing to send.
 * Coerce only values {@link validateValue} accepted; a number field's `"abc"` gives `NaN`.
 */
export function coerceValue(
  field: PlanField,
  value: FieldValue | undefined,
): FieldValue | undefined {
  if (!isFilled(value)) return undefined;
  if (typeof value !== 'string') return value;
  if (NUMERIC_TYPES.has(field.type)) return Number(value);
  if (field.type === 'tags') {
    const tags = value
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean);
    return tags.length > 0 ? tags : undefined;
  }
  return value.trim();
}

/**
 * The record a form sends: each shown, editable field's {@link coerceValue | coerced} value written
 * at its source path (`contact.email` becomes `{contact: {email}}`), empty fields left out. What the
 * form adds of its own (defaults, the customer) it merges over or under this record.
 */
export function inputFromValues(plan: RenderPlan, values: FieldValues): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const field of shownFields(plan, values)) {
    if (field.readOnly) continue;
    const value = coerceValue(field, ownValue(values, field.id));
    if (value !== undefined) writeSource(record, field.source, value);
  }
  return record;
}
