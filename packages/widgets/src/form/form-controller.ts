import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {ownValue, type FieldValue} from '@rapport/core';
import {
  coerceValue,
  shownFields,
  validateValue,
  validateValues,
  type FieldValues,
  type PlanField,
  type RenderPlan,
} from '@rapport/schema';

/**
 * The values as they would be sent, which is what the rules judge: tags typed as "a, b" are checked
 * as the list they become, a number as the number.
 */
function valuesAsSent(plan: RenderPlan, values: Readonly<Record<string, FieldValue>>): FieldValues {
  const result: Record<string, FieldValue | undefined> = {};
  for (const field of plan.fields)
    if (Object.hasOwn(values, field.id)) result[field.id] = coerceValue(field, values[field.id]);
  return result;
}

const CONTROL_PREFIX = 'f-';

/** The element id of a field's control: `f-<field id>`. Help, count and error ids add a suffix. */
export const controlId = (fieldId: string): string => `${CONTROL_PREFIX}${fieldId}`;

/** What a {@link FormController} reads from its host. */
export interface FormOptions {
  /** The plan the person fills in; `null` while there is none (no valid customization yet). */
  readonly plan: () => RenderPlan | null;
  /** The language of the messages. */
  readonly locale: () => string;
  /** Called after each value the person changes, with every value (to keep a draft, say). */
  readonly changed?: (values: Readonly<Record<string, FieldValue>>) => void;
}

/** Where a {@link FormController} looks for the controls to focus. */
export type FormHost = ReactiveControllerHost & {readonly renderRoot: ParentNode};

/**
 * A form's state over a render plan, for any widget that asks a person to fill in fields: the
 * values as typed, which fields the person has left, the messages in the plan's field order, and
 * whether the error summary shows. A field is checked once the person leaves it, then as they type;
 * {@link validate} checks every field on submit and moves focus to the first one to correct.
 */
export class FormController implements ReactiveController {
  /** The values as the person entered them, keyed by field id. */
  values: Readonly<Record<string, FieldValue>> = {};
  /** The messages shown, keyed by field id, in the plan's field order. */
  errors: Readonly<Record<string, string>> = {};
  /** The fields the person has left at least once (or every field, after a submit). */
  touched: ReadonlySet<string> = new Set();
  /** Whether the error summary shows: after a submit that found problems, until they are fixed. */
  showSummary = false;

  private readonly setters = new WeakMap<PlanField, (value: FieldValue) => void>();
  private checkedPlan: RenderPlan | null | undefined;

  constructor(
    private readonly host: FormHost,
    private readonly options: FormOptions,
  ) {
    host.addController(this);
  }

  /**
   * When the plan changes under a form being filled in (another locale, role or document), the
   * messages of the fields already checked follow it: in the new language, by the new rules.
   */
  hostUpdate(): void {
    const plan = this.options.plan();
    if (plan === this.checkedPlan) return;
    const before = this.checkedPlan;
    this.checkedPlan = plan;
    if (before === undefined || !plan || this.touched.size === 0) return;
    const {errors} = validateValues(plan, valuesAsSent(plan, this.values), {
      locale: this.options.locale(),
      only: [...this.touched],
    });
    this.errors = errors;
  }

  /** Stores a field's value as the person changed it, re-checking the field if it was checked before. */
  set(field: PlanField, value: FieldValue): void {
    this.values = {...this.values, [field.id]: value};
    if (this.touched.has(field.id) || this.showSummary) this.check(field.id);
    this.host.requestUpdate();
    this.options.changed?.(this.values);
  }

  /** {@link set} for one field, as one function per field (controls bind it on every render). */
  setter(field: PlanField): (value: FieldValue) => void {
    let set = this.setters.get(field);
    if (!set) this.setters.set(field, (set = (value) => this.set(field, value)));
    return set;
  }

  /** A `focusout` listener for the form: the person left a control, so its field is checked from now on. */
  readonly focusOut = (event: FocusEvent): void => {
    // The control's own id, or its group's (a multiselect's checkboxes sit in the field's fieldset).
    const id = (event.target as Element).closest(`[id^="${CONTROL_PREFIX}"]`)?.id;
    if (id) this.leave(id.slice(CONTROL_PREFIX.length));
  };

  /** Marks a field as left and checks it, the first time. */
  leave(fieldId: string): void {
    if (this.touched.has(fieldId)) return;
    this.touched = new Set([...this.touched, fieldId]);
    this.check(fieldId);
    this.host.requestUpdate();
  }

  /** Re-checks one field, keeping the others' messages. A hidden or read-only field has none. */
  check(fieldId: string): void {
    const plan = this.options.plan();
    if (!plan) return;
    const field = plan.fields.find((f) => f.id === fieldId);
    const shown = field && shownFields(plan, this.values).includes(field);
    const message =
      field && shown && !field.readOnly
        ? validateValue(
            field,
            coerceValue(field, ownValue(this.values, fieldId)),
            this.options.locale(),
          )
        : undefined;
    const {[fieldId]: _old, ...others} = this.errors;
    this.errors = this.ordered(message === undefined ? others : {...others, [fieldId]: message});
    this.host.requestUpdate();
  }

  /**
   * Checks every field, as on submit. When one needs correcting, shows the summary, moves focus to
   * the first such field and returns `false`.
   */
  validate(): boolean {
    const plan = this.options.plan();
    if (!plan) return false;
    const result = validateValues(plan, valuesAsSent(plan, this.values), {
      locale: this.options.locale(),
    });
    this.errors = result.errors;
    this.touched = new Set(plan.fields.map((f) => f.id));
    this.showSummary = !result.valid;
    this.host.requestUpdate();
    if (!result.valid) this.focusFirstError();
    return result.valid;
  }

  /**
   * Puts a backend's per-field refusals (keyed by source path, as `invalid_input` errors carry them)
   * under their fields: our own message in the person's language where the form's rules find the
   * problem too, the backend's words otherwise. Shows the summary when any field has a message.
   */
  serverErrors(fields: Readonly<Record<string, string>>): void {
    const plan = this.options.plan();
    if (!plan) return;
    const errors: Record<string, string> = {...this.errors};
    for (const [path, message] of Object.entries(fields)) {
      const field = plan.fields.find((f) => f.source === path);
      if (field)
        errors[field.id] =
          validateValue(
            field,
            coerceValue(field, ownValue(this.values, field.id)),
            this.options.locale(),
          ) ?? message;
    }
    this.errors = this.ordered(errors);
    this.showSummary = Object.keys(this.errors).length > 0;
    this.host.requestUpdate();
  }

  /** Moves focus to the first field with a message, once rendered; whether there was one. */
  focusFirstError(): boolean {
    const first = Object.keys(this.errors)[0];
    if (first !== undefined) this.focus(first);
    return first !== undefined;
  }

  /** Moves focus to a field's control once the host has rendered (into a group, to its first input). */
  focus(fieldId: string): void {
    void this.host.updateComplete.then(() => {
      const element = this.host.renderRoot.querySelector<HTMLElement>(
        `#${CSS.escape(controlId(fieldId))}`,
      );
      const target =
        element && element.tabIndex < 0
          ? element.querySelector<HTMLElement>('input, select, textarea, button, [tabindex]')
          : element;
      target?.focus();
    });
  }

  /** The field's label in the plan, for the summary. */
  label(fieldId: string): string {
    return this.options.plan()?.fields.find((f) => f.id === fieldId)?.label ?? fieldId;
  }

  /** Replaces every value, as when a draft is restored (messages and touched fields stay as they are). */
  load(values: Readonly<Record<string, FieldValue>>): void {
    this.values = values;
    this.host.requestUpdate();
  }

  /** Empties the form: no values, no messages, nothing touched. */
  reset(): void {
    this.values = {};
    this.errors = {};
    this.touched = new Set();
    this.showSummary = false;
    this.host.requestUpdate();
  }

  private ordered(errors: Record<string, string>): Record<string, string> {
    const order = this.options.plan()?.fields.map((f) => f.id) ?? [];
    return Object.fromEntries(
      order.filter((id) => Object.hasOwn(errors, id)).map((id) => [id, errors[id]!]),
    );
  }
}
