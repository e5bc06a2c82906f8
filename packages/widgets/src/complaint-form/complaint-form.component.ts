import {Task, TaskStatus} from '@lit/task';
import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, query} from 'lit/decorators.js';
import {isRapportError, type Complaint, type ComplaintInput} from '@rapport/core';
import {
  complaintInputDefaults,
  complaintInputPlan,
  defaultComplaintForm,
  inputFromValues,
  type RenderPlan,
} from '@rapport/schema';
import {fieldControls, type FieldControls} from '../form/controls.js';
import {DraftController} from '../form/draft-controller.js';
import {FormController} from '../form/form-controller.js';
import {renderErrorSummary, renderFields} from '../form/render.js';
import {Submission} from '../form/submission.js';
import {
  ComplaintBeforeSubmitEvent,
  ComplaintFailedEvent,
  ComplaintSubmittedEvent,
} from '../shared/events.js';
import {formatDate} from '../shared/format.js';
import {reportLoadError} from '../shared/record.js';
import {customizationState, messageState, noClientState} from '../shared/states.js';
import {baseStyles} from '../shared/base.styles.js';
import {RapportWidget} from '../shared/widget.js';
import {formStyles} from '../form/form.styles.js';

const AUTOCOMPLETE: Readonly<Record<string, string>> = {
  'contact.name': 'name',
  'contact.email': 'email',
};

/** Answers about the customer that sending cannot fix; any other failed read leaves the form usable. */
const customerRefused = (error: unknown): boolean =>
  isRapportError(error, 'not_found') || isRapportError(error, 'forbidden');

/**
 * @tag rapport-complaint-form
 * @summary A complaint form that checks as the person types, never loses what they typed, and sends each complaint once.
 *
 * Shows the fields of the `complaint-form` layout for the active role. Without a customer (its own
 * `customer-id`, or the one a host shell names through the provider) it asks for a name and e-mail
 * address (anonymous visitors). Values are checked as the person types (once a field has been left)
 * and on submit, with messages tied to their inputs, an error summary and focus on the first field to
 * correct. A submission carries one idempotency key from the moment the person presses send, reused by
 * every retry, so it is stored once; on failure every value stays for another try. With `save-draft`, a draft survives a reload (sessionStorage, cleared on success).
 *
 * When the customer changes (a host shell moved to another record), what was typed stays and is sent
 * for the customer then shown; a previous customer's success or failure message goes.
 *
 * With `customer-id`, the form reads that customer as it connects (one batched, cached read shared
 * with the other widgets). If there is no such customer, or the signed-in person may not see them,
 * it shows a short message instead of its fields and fires `rapport-error`; while the read is on
 * its way, or when it fails otherwise, the form works as usual.
 *
 * Each field type has a control (label and input) from a table; `controls` replaces some of them,
 * for example every yes/no field as a switch. The form still checks, drafts and sends those fields.
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
 * @event {ComplaintBeforeSubmitEvent} rapport-complaint-before-submit - Valid values are about to be sent; cancelable. `event.input` holds them.
 * @event {ComplaintSubmittedEvent} rapport-complaint-submitted - The complaint is stored; `event.complaint` has its reference and due dates.
 * @event {ComplaintFailedEvent} rapport-complaint-failed - Sending failed for good; `event.error` says why, the values stay.
 * @event {RapportErrorEvent} rapport-error - The widget's own customization document is not valid, or the customer of `customer-id` does not exist or is not the signed-in person's.
 */
export class RapportComplaintForm extends RapportWidget {
  static override styles = [baseStyles, formStyles];

  protected readonly widgetName = 'complaint-form';
  protected readonly builtInCustomization = defaultComplaintForm;

  /** Keep an unsent draft in sessionStorage so it survives a reload. Off by default: drafts hold personal data. */
  @property({type: Boolean, attribute: 'save-draft'}) saveDraft = false;

  /** The channel recorded when the layout has no channel field. */
  @property() channel: ComplaintInput['channel'] = 'web';

  /**
   * Controls by field type, used instead of the built-in ones (merged over them): a function that
   * renders a field's label and input from its context (`id`, `label`, `value`, `error`,
   * `describedBy`, `required`, `set(value)`, `strings`, `locale`). The form adds the help, count and
   * message, and checks, drafts and sends the field as before. A field renders again when its value
   * or message changes (or the controls, strings or locale), not on every keystroke elsewhere.
   */
  @property({attribute: false}) controls?: Partial<FieldControls>;

  @query('.success') private successPanel?: HTMLElement;
  @query('.failure') private failurePanel?: HTMLElement;

  private readonly form = new FormController(this, {
    plan: () => this.formPlan,
    locale: () => this.activeLocale,
    changed: () => {
      this.submission.edited();
      this.draft.schedule();
    },
  });

  private readonly draft = new DraftController(this, {
    key: () =>
      this.saveDraft
        ? `rapport-complaint-draft:${this.activeCustomerId ?? 'anonymous'}`
        : undefined,
    values: () => this.form.values,
    restore: (values) => this.form.load(values),
  });

  private readonly submission = new Submission<Complaint>(this);

  private readonly customer = new Task(this, {
    task: async ([client, id], {signal}) => {
      if (!client || !id) return undefined;
      try {
        return await client.read('customers', id, {signal});
      } catch (error) {
        // Only refusals stop the form; other failures leave it usable (the visitor may still send).
        if (customerRefused(error)) reportLoadError(this, 'its customer', error);
        throw error;
      }
    },
    args: () => [this.activeClient, this.activeCustomerId] as const,
  });

  private formPlanCache?: {source: RenderPlan | null; anonymous: boolean; plan: RenderPlan | null};
  /** The customer the form was last drawn for (`null` before the first update). */
  private drawnFor: string | undefined | null = null;
  private controlsCache?: {own: Partial<FieldControls>; all: FieldControls};

  /** The plan without what this form does not ask: contact fields when the customer is known, backend-only fields. */
  private get formPlan(): RenderPlan | null {
    const anonymous = !this.activeCustomerId;
    const cache = this.formPlanCache;
    if (cache && cache.source === this.plan && cache.anonymous === anonymous) return cache.plan;
    const plan = this.plan ? complaintInputPlan(this.plan, {anonymous}) : null;
    this.formPlanCache = {source: this.plan, anonymous, plan};
    return plan;
  }

  private get allControls(): FieldControls {
    const own = this.controls;
    if (!own) return fieldControls;
    if (this.controlsCache?.own !== own)
      this.controlsCache = {own, all: {...fieldControls, ...own}};
    return this.controlsCache.all;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const customer = this.activeCustomerId;
    // Another customer on screen (a host moved to another record): what was typed stays, and goes to
    // the customer shown when it is sent; the outcome of a previous customer's submission does not.
    if (
      this.drawnFor !== null &&
      customer !== this.drawnFor &&
      this.submission.phase !== 'submitting'
    )
      this.submission.reset();
    this.drawnFor = customer;
  }

  protected override render(): TemplateResult {
    const s = this.strings;
    const content = (): TemplateResult => {
      if (!this.resolvedCustomization.ok) return customizationState(s);
      // Waiting for a client: an empty status until it comes, so the form never flashes a message.
      if (!this.activeClient)
        return this.clientMissing ? noClientState(s) : messageState('', 'loading');
      const customer = this.customer;
      if (customer.status === TaskStatus.ERROR && customerRefused(customer.error))
        return isRapportError(customer.error, 'not_found')
          ? messageState(s.customerUnknown, 'not-found')
          : messageState(s.forbidden, 'forbidden');
      const {phase, result} = this.submission;
      if (phase === 'succeeded' && result) return this.renderSuccess(result);
      return this.renderForm();
    };
    return html`<div class="base" part="base" aria-busy=${this.waitingForClient ? 'true' : nothing}>${content()}</div>`;
  }

  private renderForm(): TemplateResult {
    const s = this.strings;
    const plan = this.formPlan;
    const submitting = this.submission.phase === 'submitting';
    return html`
      <p class="title" id="title">${s.complaintForm}</p>
      <form
        novalidate
        aria-labelledby="title"
        aria-busy=${submitting ? 'true' : 'false'}
        @submit=${this.onSubmit}
        @focusout=${this.form.focusOut}
      >
        ${this.draft.restored ? html`<p class="notice" role="status">${s.draftRestored}</p>` : nothing}
        ${renderErrorSummary(this.form, s)}
        ${
          plan
            ? renderFields(this.form, plan, {
                controls: this.allControls,
                strings: s,
                locale: this.activeLocale,
                autocomplete: AUTOCOMPLETE,
              })
            : nothing
        }
        ${this.submission.phase === 'failed' ? this.renderFailure() : nothing}
        <div class="footer" part="footer">
          <slot name="footer"></slot>
          <button type="submit" part="submit" aria-disabled=${submitting ? 'true' : 'false'}>
            ${submitting ? s.submitting : s.submit}
          </button>
        </div>
      </form>
    `;
  }

  private renderFailure(): TemplateResult {
    const s = this.strings;
    const failure = this.submission.error;
    const detail = isRapportError(failure) ? s.errors[failure.code] : undefined;
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

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.activeClient;
    const plan = this.formPlan;
    if (this.submission.phase === 'submitting' || !client || !plan) return;
    if (!this.form.validate()) return;
    const input = this.buildInput(plan);
    const before = new ComplaintBeforeSubmitEvent(input);
    this.dispatchEvent(before);
    if (before.defaultPrevented) return;

    const stored = await this.submission.submit(input, (idempotencyKey) =>
      client.create('complaints', input, {idempotencyKey}),
    );
    if (stored) {
      this.draft.clear();
      this.dispatchEvent(new ComplaintSubmittedEvent(this.submission.result!));
      await this.updateComplete;
      this.successPanel?.focus();
      return;
    }
    const error = this.submission.error;
    if (isRapportError(error, 'invalid_input')) this.form.serverErrors(error.fields);
    this.dispatchEvent(
      new ComplaintFailedEvent(error instanceof Error ? error : new Error(String(error)), input),
    );
    await this.updateComplete;
    if (!this.form.focusFirstError()) this.failurePanel?.focus();
  }

  /** The complaint as the backend takes it: typed values at their paths, over the channel and defaults. */
  private buildInput(plan: RenderPlan): ComplaintInput {
    const record: Record<string, unknown> = {
      channel: this.channel,
      ...complaintInputDefaults,
      ...inputFromValues(plan, this.form.values),
    };
    if (this.activeCustomerId) record.customerId = this.activeCustomerId;
    return record as unknown as ComplaintInput;
  }

  private reset(): void {
    this.form.reset();
    this.submission.reset();
    this.draft.restored = false;
  }
}
