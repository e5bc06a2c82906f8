import type {FieldValue} from '@rapport/core';
import {maskValue, type PlanField} from '@rapport/schema';
import {formatDate, formatMoney, formatNumber, formatRelative} from './format.js';
import type {Strings} from './strings.js';

/**
 * A field's value as text: masked as the plan says for the role, formatted for the locale, a list as
 * its items, a date in the field's style (`relative`: how long ago). `undefined` when there is no
 * value. The one formatting of values every renderer shares: the Lit widgets add links and elements
 * around it, a HubSpot card shows it in HubSpot's components.
 */
export function valueText(
  field: PlanField,
  raw: FieldValue | undefined,
  locale: string,
  strings: Pick<Strings, 'yes' | 'no'>,
): string | readonly string[] | undefined {
  if (raw === undefined || raw === null || raw === '' || (Array.isArray(raw) && raw.length === 0))
    return undefined;
  if (field.mask !== 'none') return String(maskValue(raw, field.mask));
  if (Array.isArray(raw)) return raw.map((item) => optionLabel(field, String(item)));
  const text = String(raw);
  switch (field.type) {
    case 'date':
    case 'datetime':
      return field.dateStyle === 'relative'
        ? formatRelative(text, locale)
        : fullDate(field, text, locale);
    case 'money':
      return typeof raw === 'number'
        ? field.currency
          ? formatMoney(raw, field.currency, locale)
          : formatNumber(raw, locale)
        : text;
    case 'number':
    case 'points':
      return typeof raw === 'number' ? formatNumber(raw, locale) : text;
    case 'boolean':
      return raw === true ? strings.yes : raw === false ? strings.no : text;
    case 'select':
      return optionLabel(field, text);
    default:
      return text;
  }
}

/** A date (and time, for `datetime`) in the field's style, or `medium` for a relative one. */
export function fullDate(field: PlanField, text: string, locale: string): string {
  const style =
    field.dateStyle === undefined || field.dateStyle === 'relative' ? 'medium' : field.dateStyle;
  return formatDate(text, locale, style, field.type === 'datetime');
}

/** An option's label in the plan's locale, or the value itself. */
export function optionLabel(field: PlanField, value: string): string {
  return field.options?.find((o) => o.value === value)?.label ?? value;
}
