import {html, nothing, type TemplateResult} from 'lit';
import type {DirectiveResult} from 'lit/directive.js';
import {guard} from 'lit/directives/guard.js';
import {ownValue} from '@rapport/core';
import type {PlanField, RenderPlan} from '@rapport/schema';
import {formatNumber} from '../shared/format.js';
import {renderLayout} from '../shared/layout.js';
import type {Strings} from '../shared/strings.js';
import type {FieldControls} from './controls.js';
import {controlId, type FormController} from './form-controller.js';

/** How {@link renderFields} renders each field. */
export interface FieldsOptions {
  /** The control renderer per field type. */
  readonly controls: FieldControls;
  readonly strings: Strings;
  readonly locale: string;
  /** `autocomplete` tokens by source path (`{'contact.email': 'email'}`). */
  readonly autocomplete?: Readonly<Record<string, string>>;
}

const REQUIRED = html`<span class="required" aria-hidden="true"> *</span>`;

// A field's label depends only on the plan, and plans are resolved once per document, role and
// locale: one label template per field, not one per field and render.
const labels = new WeakMap<PlanField, TemplateResult>();
function labelOf(field: PlanField): TemplateResult {
  let label = labels.get(field);
  if (!label)
    labels.set(
      field,
      (label = html`${field.label}${field.validation.required === true ? REQUIRED : nothing}`),
    );
  return label;
}

/**
 * The plan's layout with each shown field's control, for the form's current values. A field renders
 * again only when its value, its message or the options change: typing in
 * one field costs that field, not the form.
 */
export function renderFields(
  form: FormController,
  plan: RenderPlan,
  options: FieldsOptions,
): TemplateResult | DirectiveResult | typeof nothing {
  const {values, errors} = form;
  const {controls, strings, locale, autocomplete} = options;
  return plan.root
    ? renderLayout(plan.root, values, (field) =>
        guard(
          [
            field,
            ownValue(values, field.id),
            ownValue(errors, field.id),
            controls,
            strings,
            locale,
            autocomplete,
          ],
          () => renderField(form, field, options),
        ),
      )
    : nothing;
}

/**
 * One field: its control from the table, then its help, its character count (a text with a maximum
 * length) and its message, each tied to the control with `aria-describedby`. One wrapper element and
 * no template of its own for what a field does not have, because the whole form re-renders on each
 * keystroke.
 */
export function renderField(
  form: FormController,
  field: PlanField,
  options: FieldsOptions,
): TemplateResult {
  const id = controlId(field.id);
  const value = ownValue(form.values, field.id);
  const error = ownValue(form.errors, field.id);
  const max = field.validation.maxLength;
  const counted = max !== undefined && (field.type === 'longtext' || field.type === 'text');
  let describedBy = field.help ? `${id}-help` : '';
  if (counted) describedBy += describedBy ? ` ${id}-count` : `${id}-count`;
  if (error) describedBy += describedBy ? ` ${id}-error` : `${id}-error`;
  const control = ownValue(options.controls, field.type) ?? options.controls.text;
  const s = options.strings;
  return html`<div class="form-control" part="form-control">
    ${control({
      field,
      id,
      label: labelOf(field),
      value,
      error,
      describedBy: describedBy || nothing,
      required: field.validation.required === true,
      autocomplete:
        (options.autocomplete && ownValue(options.autocomplete, field.source)) ?? nothing,
      set: form.setter(field),
      strings: s,
      locale: options.locale,
    })}
    ${field.help ? html`<div class="help-text" part="help-text" id=${`${id}-help`}>${field.help}</div>` : nothing}
    ${counted ? html`<div class="count" id=${`${id}-count`}>${s.characters(formatNumber(Array.from(String(value ?? '')).length, options.locale), formatNumber(max, options.locale))}</div>` : nothing}
    ${error ? html`<div class="error" part="error" id=${`${id}-error`}>${error}</div>` : nothing}
  </div>`;
}

/**
 * The list of fields to correct, after a submit that found problems: an alert, each entry a link that
 * moves focus to its field.
 */
export function renderErrorSummary(
  form: FormController,
  strings: Strings,
): TemplateResult | typeof nothing {
  const errors = Object.entries(form.errors);
  if (!form.showSummary || errors.length === 0) return nothing;
  return html`<div class="error-summary" part="error-summary" role="alert">
    <p>${strings.fixProblems(errors.length)}</p>
    <ul>
      ${errors.map(
        ([id, message]) =>
          html`<li>
            <a
              href=${`#${controlId(id)}`}
              @click=${(event: Event) => {
                event.preventDefault();
                form.focus(id);
              }}
              >${form.label(id)}: ${message}</a
            >
          </li>`,
      )}
    </ul>
  </div>`;
}
