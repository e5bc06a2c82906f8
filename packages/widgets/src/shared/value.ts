import {html, type TemplateResult} from 'lit';
import {isEmail, isHttpsUrl, isPhone, type FieldValue} from '@rapport/core';
import {maskValue, type PlanField} from '@rapport/schema';
import {formatDate, formatMoney, formatNumber, formatRelative} from './format.js';
import type {Strings} from './strings.js';

/** A value ready for a Lit binding: text, or elements for links, times, lists and empty values. */
export type Shown = TemplateResult | string | readonly TemplateResult[];

/**
 * A field's value for display: masked as the plan says for the role, formatted for the locale, and
 * linked (mailto:, tel:, https:) only when the unmasked value passed validation. Always rendered as
 * text, never as HTML: plain values come back as strings (a text node, the cheapest thing to render),
 * links, dates shown relative, lists and empty values as templates.
 */
export function displayValue(
  field: PlanField,
  raw: FieldValue | undefined,
  locale: string,
  strings: Strings,
): Shown {
  if (raw === undefined || raw === null || raw === '' || (Array.isArray(raw) && raw.length === 0))
    return html`<span class="empty"><span class="visually-hidden">${strings.notSet}</span></span>`;
  if (field.mask !== 'none') return String(maskValue(raw, field.mask));
  if (Array.isArray(raw))
    return raw.map((item) => html`<span class="badge">${optionLabel(field, item)}</span>`);
  const text = String(raw);
  switch (field.type) {
    case 'email':
      // isEmail accepts one plain address only: no "?", "&", "%", "#" or ",", so nothing in the text
      // can become a header (?bcc=, &subject=), an escape or another recipient of the link.
      return isEmail(text) ? html`<a href=${`mailto:${text}`}>${text}</a>` : text;
    case 'phone':
      return isPhone(text)
        ? html`<a href=${`tel:${text.replace(/[^\d+]/g, '')}`}>${text}</a>`
        : text;
    case 'url':
      return isHttpsUrl(text)
        ? html`<a href=${text} rel="noopener noreferrer" target="_blank">${text}</a>`
        : text;
    case 'date':
    case 'datetime':
      return dateValue(field, text, locale);
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

/**
 * A date in the field's style; `relative` says how long ago ("3 days ago"), with the full date as the
 * element's title and machine-readable `datetime`.
 */
function dateValue(field: PlanField, text: string, locale: string): TemplateResult | string {
  const withTime = field.type === 'datetime';
  const style =
    field.dateStyle === undefined || field.dateStyle === 'relative' ? 'medium' : field.dateStyle;
  const full = formatDate(text, locale, style, withTime);
  if (field.dateStyle !== 'relative' || full === text) return full;
  return html`<time datetime=${text} title=${full}>${formatRelative(text, locale)}</time>`;
}

/** An option's label in the plan's locale, or the value itself. */
export function optionLabel(field: PlanField, value: string): string {
  return field.options?.find((o) => o.value === value)?.label ?? value;
}
