import {html, type TemplateResult} from 'lit';
import {isEmail, isHttpsUrl, isPhone, type FieldValue} from '@rapport/core';
import type {PlanField} from '@rapport/schema';
import type {Strings} from './strings.js';
import {fullDate, valueText} from './value-text.js';

/** A value ready for a Lit binding: text, or elements for links, times, lists and empty values. */
export type Shown = TemplateResult | string | readonly TemplateResult[];

/**
 * A field's value for display: its text (see `valueText`), linked (mailto:, tel:, https:) only when
 * the unmasked value passed validation. Always rendered as text, never as HTML: plain values come back
 * as strings (a text node, the cheapest thing to render), links, dates shown relative, lists and empty
 * values as templates.
 */
export function displayValue(
  field: PlanField,
  raw: FieldValue | undefined,
  locale: string,
  strings: Strings,
): Shown {
  const shown = valueText(field, raw, locale, strings);
  if (shown === undefined)
    return html`<span class="empty"><span class="visually-hidden">${strings.notSet}</span></span>`;
  if (typeof shown !== 'string')
    return shown.map((item) => html`<span class="badge">${item}</span>`);
  if (field.mask !== 'none') return shown;
  switch (field.type) {
    case 'email':
      // isEmail accepts one plain address only: no "?", "&", "%", "#" or ",", so nothing in the text
      // can become a header (?bcc=, &subject=), an escape or another recipient of the link.
      return isEmail(shown) ? html`<a href=${`mailto:${shown}`}>${breakable(shown)}</a>` : shown;
    case 'phone':
      return isPhone(shown)
        ? html`<a href=${`tel:${shown.replace(/[^\d+]/g, '')}`}>${shown}</a>`
        : shown;
    case 'url':
      return isHttpsUrl(shown)
        ? html`<a href=${shown} rel="noopener noreferrer" target="_blank">${shown}</a>`
        : shown;
    case 'date':
    case 'datetime': {
      // Relative: how long ago, with the full date as the title and a machine-readable datetime.
      if (field.dateStyle !== 'relative') return shown;
      const text = String(raw);
      const full = fullDate(field, text, locale);
      return full === text ? full : html`<time datetime=${text} title=${full}>${shown}</time>`;
    }
    default:
      return shown;
  }
}

const wbr = html`<wbr />`;

/**
 * An e-mail address with the places a long one may wrap: after the "@" and before each ".", where a
 * reader expects it (the style guides' rule), rather than anywhere. Copied text is unchanged.
 */
function breakable(address: string): (string | TemplateResult)[] {
  return address.split(/(?<=@)|(?=\.)/).flatMap((piece, i) => (i === 0 ? [piece] : [wbr, piece]));
}
