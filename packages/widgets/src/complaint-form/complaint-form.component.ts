import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, query, state} from 'lit/decorators.js';
import {
  isRapportError,
  ownValue,
  randomId,
  stableStringify,
  type Complaint,
  type ComplaintInput,
  type FieldValue,
} from '@rapport/core';
import {
  complaintInputDefaults,
  complaintInputPlan,
  shownFields,
  validateValue,
  validateValues,
  writeSource,
  type FieldValues,
  type PlanField,
  type RenderPlan,
} from '@rapport/schema';
import {
  ComplaintBeforeSubmitEvent,
  ComplaintFailedEvent,
  ComplaintSubmittedEvent,
} from '../shared/events.js';
import {formatDate, formatNumber} from '../shared/format.js';
import {renderLayout} from '../shared/layout.js';
import {customizationState, messageState} from '../shared/states.js';
import {baseStyles} from '../shared/base.styles.js';
import {RapportWidget} from '../shared/widget.js';
import {formStyles} from './complaint-form.styles.js';

const NUMERIC = new Set(['number', 'money', 'points']);
const AUTOCOMPLETE: Record<string, string> = {'contact.name': 'name', 'contact.email': 'email'};

type Phase = 'editing' | 'submitting' | 'failed' | 'succeeded';

/**
 * @tag rapport-complaint-form
 * @summary A complaint form that checks as the person types, never loses what they typed, and sends each complaint once.
 *
 * Shows the fields of the `complaint-form` layout for the active role. Without `customer-id` it asks
 * for a name and e-mail address (anonymous visitors). Values are checked as the person types (once a
 * field has been left) and on submit, with messages tied to their inputs, an error summary and focus
 * on the first field to correct. A submission carries one idempotency key from the moment the person
 * presses send, reused by every retry, so it is stored once; on failure every value stays for another
 * try. With `save-draft`, a draft survives a reload (sessionStorage, cleared on success).
 *
 * @slot footer - Content beside the send button, such as a privacy note.
 * @csspart base - The form's container.
 * @csspart form-control - One field: label, input, help, error.
 * @csspart label - A field's label.
 * @csspart input - A field's input, select or textarea.
 * @csspart help-text - A field's hint.
 * @csspart error - A field's error message, and the failure message.
 * @csspart error-summary - The list of fields to correct.
 * @csspart footer - The send button and the footer slot.
 * @csspart submit - The send button.
 * @cssproperty --rapport-color-accent - Send button and focus rings.
 * @cssproperty --rapport-color-danger - Errors.
 * @cssproperty --rapport-color-border - Input borders.
 * @cssproperty --rapport-radius - Corner radius.
 * @event rapport-complaint-before-submit - Valid values are about to be sent; cancelable. `event.input` holds them.
 * @event rapport-complaint-submitted - The complaint is stored; `event.complaint` has its reference and due dates.
 * @event rapport-complaint-failed - Sending failed for good; `event.error` says why, the values stay.
 * @event rapport-error - The widget's own customization document is not valid.
 */
export class RapportComplaintForm extends RapportWidget {
  static override styles = [baseStyles, formStyles];

  protected readonly widgetName = 'complaint-form';

  /** The customer complaining. Without it, the form asks for a name and e-mail address. */
  @property({attribute: 'customer-id'}) customerId?: string;

  /** Keep an unsent draft in sessionStorage so it survives a reload. Off by default: drafts hold personal data. */
  @property({type: Boolean, attribute: 'save-draft'}) saveDraft = false;

  /** The channel recorded when the layout has no channel field. */
  @property() channel: ComplaintInput['channel'] = 'web';

  @state() private values: Record<string, FieldValue> = {};
  @state() private errors: Readonly<Record<string, string>> = {};
  @state() private touched: ReadonlySet<string> = new Set();
  @state() private showSummary = false;
  @state() private phase: Phase = 'editing';
  @state() private failure?: unknown;
  @state() private complaint: Complaint | undefined;
  @state() private draftRestored = false;

  @query('.success') private successPanel?: HTMLElement;
  @query('.failure') private failurePanel?: HTMLElement;

  /** The key of the submission being sent or retried, with the input it was made for. */
  private submission: {key: string; fingerprint: string} | undefined;
  private formPlanCache?: {source: RenderPlan | null; anonymous: boolean; plan: RenderPlan | null};
  private draftTimer: ReturnType<typeof setTimeout> | undefined;

  /** The plan without what this form does not ask: contact fields when the customer is known, backend-only fields. */
  private get formPlan(): RenderPlan | null {
    const anonymous = !this.customerId;
    const cache = this.formPlanCache;
    if (cache && cache.source === this.plan && cache.anonymous === anonymous) return cache.plan;
    const plan = this.plan ? complaintInputPlan(this.plan, {anonymous}) : null;
    this.formPlanCache = {source: this.plan, anonymous, plan};
    return plan;
  }

  private get draftKey(): string {
    return `rapport-complaint-draft:${this.customerId ?? 'anonymous'}`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (
      (changed.has('saveDraft') || changed.has('customerId')) &&
      this.saveDraft &&
      Object.keys(this.values).length === 0
    )
      this.restoreDraft();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.draftTimer !== undefined) {
      clearTimeout(this.draftTimer);
      this.storeDraft();
    }
  }

  protected override render(): TemplateResult {
    const s = this.strings;
    const content = (): TemplateResult => {
      if (!this.resolvedCustomization.ok) return customizationState(this.resolvedCustomization, s);
      if (!this.activeClient) return messageState(s.noClient, 'no-client');
      if (this.phase === 'succeeded' && this.complaint) return this.renderSuccess(this.complaint);
      return this.renderForm();
    };
    return html`<div class="base" part="base">${content()}</div>`;
  }

  private renderForm(): TemplateResult {
    const s = this.strings;
    const plan = this.formPlan;
    const errors = Object.entries(this.errors);
    const submitting = this.phase === 'submitting';
    return html`
      <p class="title" id="title">${s.complaintForm}</p>
      <form
        novalidate
        aria-labelledby="title"
        aria-busy=${submitting ? 'true' : 'false'}
        @submit=${this.onSubmit}
        @focusout=${this.onFocusOut}
      >
        ${this.draftRestored ? html`<p class="notice" role="status">${s.draftRestored}</p>` : nothing}
        ${
          this.showSummary && errors.length > 0
            ? html`<div class="error-summary" part="error-summary" role="alert">
                <p>${s.fixProblems(errors.length)}</p>
                <ul>
                  ${errors.map(
                    ([id, message]) =>
                      html`<li>
                        <a href=${`#f-${id}`} @click=${(e: Event) => this.focusField(id, e)}
                          >${this.label(id)}: ${message}</a
                        >
                      </li>`,
                  )}
                </ul>
              </div>`
            : nothing
        }
        ${plan?.root ? renderLayout(plan.root, this.values as FieldValues, (field) => this.renderControl(field)) : nothing}
        ${this.phase === 'failed' ? this.renderFailure() : nothing}
        <div class="footer" part="footer">
          <slot name="footer"></slot>
          <button type="submit" part="submit" aria-disabled=${submitting ? 'true' : 'false'}>
            ${submitting ? s.submitting : s.submit}
          </button>
        </div>
      </form>
    `;
  }

  private renderControl(field: PlanField): TemplateResult {
    const s = this.strings;
    const id = `f-${field.id}`;
    const error = ownValue(this.errors, field.id);
    const value = ownValue(this.values, field.id);
    const max = field.validation.maxLength;
    const counted = max !== undefined && (field.type === 'longtext' || field.type === 'text');
    const describedBy =
      [field.help && `${id}-help`, counted && `${id}-count`, error && `${id}-error`]
        .filter(Boolean)
        .join(' ') || nothing;
    const required = field.validation.required === true;
    const label = html`${field.label}${required ? html`<span class="required" aria-hidden="true"> *</span>` : nothing}`;
    const invalid = error ? 'true' : 'false';
    const control = (() => {
      switch (field.type) {
        case 'select':
          return html`<select
            id=${id}
            part="input"
            ?required=${required}
            aria-invalid=${invalid}
            aria-describedby=${describedBy}
            @change=${(e: Event) => this.setValue(field, (e.target as HTMLSelectElement).value)}
          >
            <option value="" ?selected=${!value}>${s.choose}</option>
            ${(field.options ?? []).map((o) => html`<option value=${o.value} ?selected=${value === o.value}>${o.label}</option>`)}
          </select>`;
        case 'multiselect': {
          const chosen = Array.isArray(value) ? value : [];
          return html`<fieldset
            id=${id}
            aria-invalid=${invalid}
            aria-describedby=${describedBy}
          >
            <legend class="label" part="label">${label}</legend>
            ${(field.options ?? []).map(
              (o) =>
                html`<label class="check"
                  ><input
                    type="checkbox"
                    part="input"
                    .checked=${chosen.includes(o.value)}
                    @change=${(e: Event) =>
                      this.setValue(
                        field,
                        (e.target as HTMLInputElement).checked
                          ? [...chosen, o.value]
                          : chosen.filter((v) => v !== o.value),
                      )}
                  />${o.label}</label
                >`,
            )}
          </fieldset>`;
        }
        case 'boolean':
          return html`<label class="check"
            ><input
              id=${id}
              type="checkbox"
              part="input"
              .checked=${value === true}
              aria-describedby=${describedBy}
              @change=${(e: Event) => this.setValue(field, (e.target as HTMLInputElement).checked)}
            />${label}</label
          >`;
        case 'longtext':
          return html`<textarea
            id=${id}
            part="input"
            rows="5"
            ?required=${required}
            .value=${String(value ?? '')}
            placeholder=${field.placeholder ?? nothing}
            aria-invalid=${invalid}
            aria-describedby=${describedBy}
            @input=${(e: Event) => this.setValue(field, (e.target as HTMLTextAreaElement).value)}
          ></textarea>`;
        default:
          return html`<input
            id=${id}
            part="input"
            type=${inputType(field)}
            inputmode=${NUMERIC.has(field.type) ? 'decimal' : nothing}
            autocomplete=${AUTOCOMPLETE[field.source] ?? nothing}
            ?required=${required}
            .value=${Array.isArray(value) ? value.join(', ') : String(value ?? '')}
            placeholder=${field.placeholder ?? nothing}
            aria-invalid=${invalid}
            aria-describedby=${describedBy}
            @input=${(e: Event) => this.setValue(field, (e.target as HTMLInputElement).value)}
          />`;
      }
    })();
    const ownLabel = field.type !== 'multiselect' && field.type !== 'boolean';
    return html`<div class="form-control" part="form-control">
      ${ownLabel ? html`<label class="label" part="label" for=${id}>${label}</label>` : nothing} ${control}
      ${field.help ? html`<div class="help-text" part="help-text" id=${`${id}-help`}>${field.help}</div>` : nothing}
      ${
        counted
          ? html`<div class="count" id=${`${id}-count`}>
              ${s.characters(formatNumber(Array.from(String(value ?? '')).length, this.activeLocale), formatNumber(max, this.activeLocale))}
            </div>`
          : nothing
      }
      ${error ? html`<div class="error" part="error" id=${`${id}-error`}>${error}</div>` : nothing}
    </div>`;
  }

  private renderFailure(): TemplateResult {
    const s = this.strings;
    const detail = isRapportError(this.failure) ? s.errors[this.failure.code] : undefined;
    return html`<div class="error failure" part="error" role="alert" tabindex="-1">
      <p>${s.submitFailed}${detail ? html` ${detail}` : nothing}</p>
      <button type="submit" class="secondary">${s.retry}</button>
    </div>`;
  }

  private renderSuccess(complaint: Complaint): TemplateResult {
    const s = this.strings;
    const locale = this.activeLocale;
    const hours = Math.max(
      1,
      Math.round(
        (Date.parse(complaint.responseDueAt) - Date.parse(complaint.createdAt)) / 3_600_000,
      ),
    );
    return html`<div class="success" role="status" tabindex="-1">
      <p class="title">${s.thanks}</p>
      <p>${s.reference}: <span class="reference">${complaint.reference}</span></p>
      <p>
        ${s.replyBy(formatDate(complaint.responseDueAt, locale, 'medium', true), s.hours(hours))}
      </p>
      <button type="button" class="secondary" @click=${this.reset}>${s.another}</button>
    </div>`;
  }

  private setValue(field: PlanField, value: FieldValue): void {
    this.values = {...this.values, [field.id]: value};
    if (this.phase === 'failed') this.phase = 'editing';
    if (this.touched.has(field.id) || this.showSummary) this.check(field.id);
    this.scheduleDraft();
  }

  private onFocusOut(event: FocusEvent): void {
    const id = (event.target as HTMLElement).id;
    if (!id.startsWith('f-')) return;
    const fieldId = id.slice(2);
    if (this.touched.has(fieldId)) return;
    this.touched = new Set([...this.touched, fieldId]);
    this.check(fieldId);
  }

  /** Re-checks one field, keeping the others' messages. */
  private check(fieldId: string): void {
    const plan = this.formPlan;
    if (!plan) return;
    const field = plan.fields.find((f) => f.id === fieldId);
    const shown = field && shownFields(plan, this.values).includes(field);
    const message =
      field && shown && !field.readOnly
        ? validateValue(field, ownValue(this.values, fieldId), this.activeLocale)
        : undefined;
    const {[fieldId]: _old, ...others} = this.errors;
    this.errors = this.orderErrors(
      message === undefined ? others : {...others, [fieldId]: message},
    );
  }

  private orderErrors(errors: Record<string, string>): Record<string, string> {
    const order = this.formPlan?.fields.map((f) => f.id) ?? [];
    return Object.fromEntries(
      order.filter((id) => errors[id] !== undefined).map((id) => [id, errors[id]!]),
    );
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.activeClient;
    const plan = this.formPlan;
    if (this.phase === 'submitting' || !client || !plan) return;
    const result = validateValues(plan, this.values, {locale: this.activeLocale});
    this.errors = result.errors;
    this.touched = new Set(plan.fields.map((f) => f.id));
    if (!result.valid) {
      this.showSummary = true;
      this.focusField(Object.keys(result.errors)[0]!);
      return;
    }
    this.showSummary = false;
    const input = this.buildInput(plan);
    const fingerprint = stableStringify(input);
    if (this.submission?.fingerprint !== fingerprint)
      this.submission = {key: randomId(), fingerprint};
    const before = new ComplaintBeforeSubmitEvent(input);
    this.dispatchEvent(before);
    if (before.defaultPrevented) return;

    this.phase = 'submitting';
    try {
      const complaint = await client.create('complaints', input, {
        idempotencyKey: this.submission.key,
      });
      this.complaint = complaint;
      this.phase = 'succeeded';
      this.submission = undefined;
      this.clearDraft();
      this.dispatchEvent(new ComplaintSubmittedEvent(complaint));
      await this.updateComplete;
      this.successPanel?.focus();
    } catch (error) {
      this.failure = error;
      this.phase = 'failed';
      if (isRapportError(error, 'invalid_input')) this.showServerErrors(plan, error.fields);
      this.dispatchEvent(
        new ComplaintFailedEvent(error instanceof Error ? error : new Error(String(error)), input),
      );
      await this.updateComplete;
      if (Object.keys(this.errors).length > 0) this.focusField(Object.keys(this.errors)[0]!);
      else this.failurePanel?.focus();
    }
  }

  /** Puts the backend's per-field refusals under their fields, in the person's language where we can. */
  private showServerErrors(plan: RenderPlan, fields: Readonly<Record<string, string>>): void {
    const errors: Record<string, string> = {...this.errors};
    for (const [path, message] of Object.entries(fields)) {
      const field = plan.fields.find((f) => f.source === path);
      if (field)
        errors[field.id] =
          validateValue(field, ownValue(this.values, field.id), this.activeLocale) ?? message;
    }
    this.errors = this.orderErrors(errors);
    this.showSummary = Object.keys(this.errors).length > 0;
  }

  private buildInput(plan: RenderPlan): ComplaintInput {
    const record: Record<string, unknown> = {channel: this.channel, ...complaintInputDefaults};
    for (const field of shownFields(plan, this.values)) {
      const value = ownValue(this.values, field.id);
      if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
        continue;
      const typed =
        typeof value !== 'string'
          ? value
          : NUMERIC.has(field.type)
            ? Number(value)
            : field.type === 'tags'
              ? value
                  .split(',')
                  .map((tag) => tag.trim())
                  .filter(Boolean)
              : value.trim();
      writeSource(record, field.source, typed);
    }
    if (this.customerId) record.customerId = this.customerId;
    return record as unknown as ComplaintInput;
  }

  private focusField(id: string, event?: Event): void {
    event?.preventDefault();
    void this.updateComplete.then(() => {
      const element = this.renderRoot.querySelector<HTMLElement>(`#f-${CSS.escape(id)}`);
      (element?.matches('fieldset')
        ? element.querySelector<HTMLElement>('input')
        : element
      )?.focus();
    });
  }

  private label(id: string): string {
    return this.formPlan?.fields.find((f) => f.id === id)?.label ?? id;
  }

  private reset(): void {
    this.values = {};
    this.errors = {};
    this.touched = new Set();
    this.showSummary = false;
    this.complaint = undefined;
    this.phase = 'editing';
    this.draftRestored = false;
  }

  private scheduleDraft(): void {
    if (!this.saveDraft) return;
    if (this.draftTimer !== undefined) clearTimeout(this.draftTimer);
    this.draftTimer = setTimeout(() => this.storeDraft(), 300);
  }

  private storeDraft(): void {
    this.draftTimer = undefined;
    if (!this.saveDraft) return;
    try {
      sessionStorage.setItem(this.draftKey, JSON.stringify(this.values));
    } catch {
      // Storage may be full or forbidden (a sandboxed frame); the draft is a convenience, not a duty.
    }
  }

  private restoreDraft(): void {
    try {
      const saved = JSON.parse(sessionStorage.getItem(this.draftKey) ?? 'null') as unknown;
      if (
        saved !== null &&
        typeof saved === 'object' &&
        !Array.isArray(saved) &&
        Object.keys(saved).length > 0
      ) {
        this.values = saved as Record<string, FieldValue>;
        this.draftRestored = true;
      }
    } catch {
      // An unreadable draft is dropped, as if there were none.
    }
  }

  private clearDraft(): void {
    if (this.draftTimer !== undefined) clearTimeout(this.draftTimer);
    this.draftTimer = undefined;
    try {
      sessionStorage.removeItem(this.draftKey);
    } catch {
      // Nothing to clear where storage is forbidden.
    }
  }
}

function inputType(field: PlanField): string {
  switch (field.type) {
    case 'email':
      return 'email';
    case 'phone':
      return 'tel';
    case 'url':
      return 'url';
    case 'date':
      return 'date';
    case 'datetime':
      return 'datetime-local';
    default:
      return 'text';
  }
}
