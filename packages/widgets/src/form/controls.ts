import {html, nothing, type TemplateResult} from 'lit';
import type {FieldType, FieldValue} from '@rapport/core';
import type {PlanField} from '@rapport/schema';
import type {Strings} from '../shared/strings.js';

/** What a control needs to render one field; built by the form for each field on each render. */
export interface ControlContext {
  /** The field, as the plan resolved it for the role and locale (label, options, rules). */
  readonly field: PlanField;
  /**
   * The id the control's focusable element carries (`f-<field id>`): its label's `for`, where the
   * error summary moves focus, and the form's way to tell which field a person left.
   */
  readonly id: string;
  /** The label's content: the field's label, and a marker for a required field. */
  readonly label: TemplateResult;
  /** The value as the person entered it so far (text as typed), or `undefined`. */
  readonly value: FieldValue | undefined;
  /** The field's message, once it is shown; `undefined` while the field is fine. */
  readonly error: string | undefined;
  /** The ids of the field's help, character count and message, for `aria-describedby`. */
  readonly describedBy: string | typeof nothing;
  /** Whether the field must be filled in. */
  readonly required: boolean;
  /** The `autocomplete` token the form gives this field, if any. */
  readonly autocomplete: string | typeof nothing;
  /** Stores a new value: call it from the control's `input` or `change` listener. */
  readonly set: (value: FieldValue) => void;
  /** The widgets' own strings in the form's locale. */
  readonly strings: Strings;
  /** The form's BCP 47 locale. */
  readonly locale: string;
}

/**
 * Renders one field's control: its label and its input. The form wraps it with the help text,
 * character count and message. A control labels itself because where the label goes depends on the
 * control (before a text box, after a checkbox, as the legend of a group of checkboxes).
 */
export type ControlRenderer = (context: ControlContext) => TemplateResult;

/** A control renderer for each field type. A form takes a partial table merged over {@link fieldControls}. */
export type FieldControls = Readonly<Record<FieldType, ControlRenderer>>;

const NUMERIC: ReadonlySet<string> = new Set(['number', 'money', 'points']);
const INPUT_TYPES: Partial<Record<FieldType, string>> = {
  email: 'email',
  phone: 'tel',
  url: 'url',
  date: 'date',
  datetime: 'datetime-local',
};

const invalid = (c: ControlContext): 'true' | 'false' => (c.error ? 'true' : 'false');

/** A one-line text box; numbers, dates, addresses and tags (comma separated) are typed as text too. */
const input: ControlRenderer = (c) =>
  html`<label class="label" part="label" for=${c.id}>${c.label}</label><input
      id=${c.id}
      part="input"
      type=${INPUT_TYPES[c.field.type] ?? 'text'}
      inputmode=${NUMERIC.has(c.field.type) ? 'decimal' : nothing}
      autocomplete=${c.autocomplete}
      ?required=${c.required}
      .value=${Array.isArray(c.value) ? c.value.join(', ') : String(c.value ?? '')}
      placeholder=${c.field.placeholder ?? nothing}
      aria-invalid=${invalid(c)}
      aria-describedby=${c.describedBy}
      @input=${(e: Event) => c.set((e.target as HTMLInputElement).value)}
    />`;

const longtext: ControlRenderer = (c) =>
  html`<label class="label" part="label" for=${c.id}>${c.label}</label><textarea
      id=${c.id}
      part="input"
      rows="5"
      ?required=${c.required}
      .value=${String(c.value ?? '')}
      placeholder=${c.field.placeholder ?? nothing}
      aria-invalid=${invalid(c)}
      aria-describedby=${c.describedBy}
      @input=${(e: Event) => c.set((e.target as HTMLTextAreaElement).value)}
    ></textarea>`;

const select: ControlRenderer = (c) =>
  html`<label class="label" part="label" for=${c.id}>${c.label}</label><select
      id=${c.id}
      part="input"
      ?required=${c.required}
      aria-invalid=${invalid(c)}
      aria-describedby=${c.describedBy}
      @change=${(e: Event) => c.set((e.target as HTMLSelectElement).value)}
    >
      <option value="" ?selected=${!c.value}>${c.strings.choose}</option>
      ${(c.field.options ?? []).map((o) => html`<option value=${o.value} ?selected=${c.value === o.value}>${o.label}</option>`)}
    </select>`;

const multiselect: ControlRenderer = (c) => {
  const chosen = Array.isArray(c.value) ? c.value : [];
  return html`<fieldset id=${c.id} aria-invalid=${invalid(c)} aria-describedby=${c.describedBy}>
    <legend class="label" part="label">${c.label}</legend>
    ${(c.field.options ?? []).map(
      (o) =>
        html`<label class="check"
          ><input
            type="checkbox"
            part="input"
            .checked=${chosen.includes(o.value)}
            @change=${(e: Event) =>
              c.set(
                (e.target as HTMLInputElement).checked
                  ? [...chosen, o.value]
                  : chosen.filter((v) => v !== o.value),
              )}
          />${o.label}</label
        >`,
    )}
  </fieldset>`;
};

const boolean: ControlRenderer = (c) =>
  html`<label class="check"
    ><input
      id=${c.id}
      type="checkbox"
      part="input"
      .checked=${c.value === true}
      aria-describedby=${c.describedBy}
      @change=${(e: Event) => c.set((e.target as HTMLInputElement).checked)}
    />${c.label}</label
  >`;

/**
 * The built-in controls: a text box for most types (with the keyboard and `type` suited to e-mail,
 * phone, URL, date and numbers), a text area for `longtext`, a select, a group of checkboxes for
 * `multiselect`, and a checkbox for `boolean`. Every control binds its value as a property and its
 * texts as text, so typing in one field changes nothing in the others.
 */
export const fieldControls: FieldControls = {
  text: input,
  longtext,
  email: input,
  phone: input,
  url: input,
  number: input,
  money: input,
  date: input,
  datetime: input,
  boolean,
  select,
  multiselect,
  tags: input,
  points: input,
  tier: input,
};
