import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, query, state} from 'lit/decorators.js';
import {
  isRapportError,
  RapportError,
  surveyScales,
  type DataChange,
  type Page,
  type RapportClient,
  type SurveyAnswer,
  type SurveyAnswerInput,
  type SurveyKind,
} from '@rapport/core';
import {
  defaultSurvey,
  inputFromValues,
  withoutFields,
  type PlanField,
  type RenderPlan,
} from '@rapport/schema';
import {fieldControls} from '../form/controls.js';
import {FormController} from '../form/form-controller.js';
import {renderFields} from '../form/render.js';
import {Submission} from '../form/submission.js';
import {formStyles} from '../form/form.styles.js';
import {baseStyles} from '../shared/base.styles.js';
import {RapportErrorEvent} from '../shared/events.js';
import {SurveyAnsweredEvent, SurveyBeforeAnswerEvent} from './survey.events.js';
import {formatNumber} from '../shared/format.js';
import {LoadController, reportLoadError} from '../shared/record.js';
import {messageState, warnOnce} from '../shared/states.js';
import {RapportWidget} from '../shared/widget.js';
import {surveyStyles} from './survey.styles.js';
import {surveyStrings} from './survey.strings.js';

/**
 * Where the survey stands for its customer, complaint and kind: `answer` once they answered it;
 * `complaint` is `resolved` when it may be asked (always, standalone), `open` while the complaint
 * is being handled, `unknown` when the backend cannot say (no complaints, or not this customer's).
 */
interface Standing {
  readonly answer: SurveyAnswer | undefined;
  readonly complaint: 'resolved' | 'open' | 'unknown';
}

// Enough to find one record in any customer's list; the contract's largest page is 100.
const PAGE = 100;
const MAX_PAGES = 20;

/** The first item of a customer's list that matches, reading page after page. */
async function findInList<T>(
  page: (cursor: string | undefined) => Promise<Page<T>>,
  matches: (item: T) => boolean,
): Promise<T | undefined> {
  let cursor: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const {items, nextCursor} = await page(cursor);
    const found = items.find(matches);
    if (found || nextCursor === null) return found;
    cursor = nextCursor;
  }
  return undefined;
}

const FINISHED: ReadonlySet<string> = new Set(['resolved', 'closed', 'rejected']);

/** The backend already holds an answer of this customer to this survey: a success for the person. */
const alreadyAnswered = (error: unknown): boolean =>
  isRapportError(error, 'conflict') &&
  (error as RapportError).details.reason === 'already_answered';

// The comment and any other field of the layout that is not the score: the form machinery's part.
const formPlans = new WeakMap<RenderPlan, RenderPlan>();
function formPlanOf(plan: RenderPlan): RenderPlan {
  let form = formPlans.get(plan);
  if (!form) {
    const skip = (f: PlanField): boolean => f.source === 'score' || f.readOnly;
    form = {
      ...plan,
      root: withoutFields(plan.root, skip),
      fields: plan.fields.filter((f) => !skip(f)),
    };
    formPlans.set(plan, form);
  }
  return form;
}

/**
 * @tag rapport-survey
 * @summary Asks how a complaint was handled (CSAT), or how likely the customer is to recommend the business (NPS).
 *
 * The question is the `survey` layout's field whose source is `score` and whose maximum is the
 * kind's (`satisfaction`, 1 to 5, for `csat`; `recommend`, 0 to 10, for `nps`): its label, as the
 * document words it for the role and locale, is the legend of a group of radio buttons. Every other
 * field of the layout (the optional `comment`) is a field of the shared form machinery. Each press of
 * send carries one idempotency key, reused when the person tries again, so the answer is stored once.
 *
 * It never asks twice: it first reads the customer's survey answers and thanks them instead of asking
 * when it finds one for this complaint (any kind), or, standalone, one of this kind without a
 * complaint. A backend that refuses a second answer (`conflict`, reason `already_answered`) ends in
 * the thanks too. About a complaint, it asks only once the complaint is resolved, closed or declined; before,
 * it says it will ask then.
 *
 * It asks nothing, and shows nothing, when the answer could not be sent or it cannot tell whether to
 * ask: a backend without survey answers, a backend without complaints for a `complaint-id`, a
 * complaint that is not the customer's, a layout without the kind's question, an unknown `kind`. The
 * developer reads why in the console and in `rapport-error`.
 *
 * @csspart base - The widget.
 * @csspart question - The group of scores (a fieldset whose legend is the question).
 * @csspart label - The question, and the comment's label.
 * @csspart option - One score: its radio button, number and words.
 * @csspart ends - The words at the two ends of the 0 to 10 scale.
 * @csspart form-control - The comment (label, text area, count, message).
 * @csspart input - The comment's text area.
 * @csspart help-text - A field's hint.
 * @csspart error - "Choose a score", a field's message, and the failure message.
 * @csspart footer - The send button.
 * @csspart submit - The send button.
 * @csspart thanks - The thanks after an answer.
 * @csspart retry - The button that loads again after a failed load.
 * @cssproperty --rapport-color-accent - The chosen score, the send button and focus rings.
 * @cssproperty --rapport-color-danger - Errors.
 * @cssproperty --rapport-color-border - Score and input borders.
 * @cssproperty --rapport-radius - Corner radius.
 * @event {SurveyBeforeAnswerEvent} rapport-survey-before-answer - A score (and comment) is about to be sent; cancelable. `event.input` holds it.
 * @event {SurveyAnsweredEvent} rapport-survey-answered - The answer is stored; `event.answer` is the stored answer.
 * @event {RapportErrorEvent} rapport-error - Loading failed (also when the backend offers no survey answers, or no complaints for `complaint-id`), the layout has no question for the kind, or the widget's own customization document is not valid.
 */
export class RapportSurvey extends RapportWidget {
  static override styles = [baseStyles, formStyles, surveyStyles];

  protected readonly widgetName = 'survey';
  protected readonly builtInCustomization = defaultSurvey;

  /** The shared words and this widget's own, in the active locale. */
  protected override get strings(): ReturnType<typeof surveyStrings> {
    return surveyStrings(this.activeLocale);
  }

  /** Which question: `csat` (satisfaction, 1 to 5) or `nps` (likelihood to recommend, 0 to 10). */
  @property({reflect: true}) kind: SurveyKind = 'csat';

  /** The complaint the survey is about; absent for a standalone survey. */
  @property({attribute: 'complaint-id'}) complaintId?: string;

  /** The score the person chose. */
  @state() private score: number | undefined;
  /** Whether the person sent without choosing a score. */
  @state() private scoreMissing = false;

  @query('.thanks') private thanksPanel?: HTMLElement;
  @query('.failure') private failurePanel?: HTMLElement;

  private readonly form = new FormController(this, {
    plan: () => (this.plan ? formPlanOf(this.plan) : null),
    locale: () => this.activeLocale,
    changed: () => this.submission.edited(),
  });

  private readonly submission = new Submission<SurveyAnswer>(this);

  private readonly standing = new LoadController<Standing>(
    this,
    'surveyAnswers',
    () => [this.activeClient, this.activeCustomerId],
    (client, customerId, signal) => this.loadStanding(client, customerId, signal),
  );

  /** What the survey was last drawn for: another customer, complaint or kind starts afresh. */
  private drawnFor: string | null = null;

  protected override dataChanged(change: DataChange): void {
    if (
      (change.resource === 'surveyAnswers' ||
        (change.resource === 'complaints' && this.complaintId)) &&
      (change.customerId === undefined || change.customerId === this.activeCustomerId) &&
      this.submission.phase !== 'submitting'
    )
      this.standing.reload();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const subject = JSON.stringify([this.activeCustomerId, this.complaintId ?? null, this.kind]);
    if (this.drawnFor !== null && subject !== this.drawnFor) {
      this.score = undefined;
      this.scoreMissing = false;
      this.form.reset();
      this.submission.reset();
      // The customer is the load's key and reloads by itself; complaint and kind are read by the load.
      if (changed.has('complaintId') || changed.has('kind')) this.standing.reload();
    }
    this.drawnFor = subject;
    if (changed.has('kind') && !Object.hasOwn(surveyScales, this.kind)) {
      const error = new RapportError(
        'invalid_input',
        `<rapport-survey> kind must be one of ${Object.keys(surveyScales).join(', ')}, got ${JSON.stringify(this.kind)}; the survey asks nothing.`,
        {details: {reason: 'unknown_kind'}},
      );
      warnOnce(error.message);
      this.dispatchEvent(new RapportErrorEvent(error, this.localName));
    }
  }

  private async loadStanding(
    client: RapportClient,
    customerId: string,
    signal: AbortSignal,
  ): Promise<Standing> {
    const complaintId = this.complaintId;
    const kind = this.kind;
    const page =
      <N extends 'surveyAnswers' | 'complaints'>(resource: N) =>
      (cursor: string | undefined) =>
        client.list(
          resource,
          customerId,
          cursor === undefined ? {limit: PAGE} : {limit: PAGE, cursor},
          {signal},
        );
    const [answer, complaint] = await Promise.all([
      findInList(page('surveyAnswers'), (a) =>
        complaintId ? a.complaintId === complaintId : a.complaintId === null && a.kind === kind,
      ),
      complaintId
        ? this.complaintStanding(page('complaints'), customerId, complaintId)
        : ('resolved' as const),
    ]);
    return {answer, complaint};
  }

  /** Whether the complaint is resolved; `unknown` (told to the developer) when the backend cannot say. */
  private async complaintStanding(
    page: (cursor: string | undefined) => Promise<Page<{id: string; status: string}>>,
    customerId: string,
    complaintId: string,
  ): Promise<Standing['complaint']> {
    try {
      const complaint = await findInList(page, (c) => c.id === complaintId);
      if (complaint) return FINISHED.has(complaint.status) ? 'resolved' : 'open';
      reportLoadError(
        this,
        'its complaint',
        new RapportError(
          'not_found',
          `complaint ${JSON.stringify(complaintId)} is not among customer ${JSON.stringify(customerId)}'s complaints; the survey asks nothing.`,
          {details: {resource: 'complaints', id: complaintId}},
        ),
      );
      return 'unknown';
    } catch (error) {
      if (!isRapportError(error, 'unsupported')) throw error;
      // Without complaints there is no knowing whether it is resolved; asking too early is worse.
      reportLoadError(
        this,
        'complaints, so it cannot tell whether the complaint is resolved',
        error,
      );
      return 'unknown';
    }
  }

  /** The layout's question for the kind: the score field with the kind's maximum. */
  private get question(): PlanField | undefined {
    const scale = Object.hasOwn(surveyScales, this.kind) ? surveyScales[this.kind] : undefined;
    return scale
      ? this.plan?.fields.find((f) => f.source === 'score' && f.validation.max === scale.max)
      : undefined;
  }

  protected override render(): TemplateResult {
    const s = this.strings;
    const content = this.content();
    this.quiet = content === nothing;
    return html`<section class="base" part="base" aria-label=${s.survey}>${content}</section>`;
  }

  private content(): TemplateResult | typeof nothing {
    const {phase} = this.submission;
    if (phase === 'succeeded' || (phase === 'failed' && alreadyAnswered(this.submission.error)))
      return this.renderThanks();
    const load = this.standing;
    const status = load.status;
    if (status === 'unavailable') return nothing;
    // Reloading (another widget changed the data) keeps what the person is filling in on screen;
    // another customer or complaint waits for its own standing.
    const value = load.shown;
    if (value && this.resolvedCustomization.ok && this.activeClient && this.activeCustomerId)
      return this.renderStanding(value);
    // The states before the data (no client, no customer, loading, failures); the data is drawn above.
    return load.render(this.recordView(3), (standing) => html`${this.renderStanding(standing)}`);
  }

  private renderStanding(standing: Standing): TemplateResult | typeof nothing {
    if (standing.answer) return this.renderThanks();
    if (standing.complaint === 'unknown') return nothing;
    if (standing.complaint === 'open') return messageState(this.strings.surveyWaiting, 'waiting');
    const question = this.question;
    if (!question) {
      if (Object.hasOwn(surveyScales, this.kind))
        warnOnce(
          `<rapport-survey kind="${this.kind}"> has no question: its layout shows no field with source "score" and validation.max ${surveyScales[this.kind].max} for role "${this.activeRole}"; the survey asks nothing.`,
        );
      return nothing;
    }
    return this.renderForm(question);
  }

  private renderForm(question: PlanField): TemplateResult {
    const s = this.strings;
    const locale = this.activeLocale;
    const {min, max} = surveyScales[this.kind];
    const submitting = this.submission.phase === 'submitting';
    const nps = this.kind === 'nps';
    const invalid = this.scoreMissing;
    const scores = Array.from({length: max - min + 1}, (_, i) => min + i);
    const describedBy = (score: number): string | typeof nothing =>
      nps && score === min ? 'low' : nps && score === max ? 'high' : nothing;
    return html`<form
      novalidate
      aria-busy=${submitting ? 'true' : 'false'}
      @submit=${this.onSubmit}
      @focusout=${this.form.focusOut}
    >
      <fieldset
        part="question"
        class=${`question ${this.kind}`}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${invalid ? 'score-error' : nothing}
      >
        <legend class="label" part="label">${question.label}</legend>
        <div class="scale">
          ${scores.map(
            (score) => html`<label class="option" part="option"
              ><input
                type="radio"
                name="score"
                .value=${String(score)}
                .checked=${this.score === score}
                aria-describedby=${describedBy(score)}
                @change=${() => this.choose(score)}
              /><span class="number">${formatNumber(score, locale)}</span>${
                nps ? nothing : html` <span class="words">${s.surveySatisfaction(score)}</span>`
              }</label
            >`,
          )}
        </div>
        ${
          nps
            ? html`<div class="ends" part="ends">
                <span id="low">${formatNumber(min, locale)}: ${s.surveyUnlikely}</span>
                <span id="high">${formatNumber(max, locale)}: ${s.surveyLikely}</span>
              </div>`
            : nothing
        }
        ${invalid ? html`<p class="error" part="error" id="score-error">${s.surveyChooseScore}</p>` : nothing}
      </fieldset>
      ${renderFields(this.form, formPlanOf(this.plan!), {controls: fieldControls, strings: s, locale})}
      ${this.submission.phase === 'failed' ? this.renderFailure() : nothing}
      <div class="footer" part="footer">
        <button type="submit" part="submit" aria-disabled=${submitting ? 'true' : 'false'}>
          ${submitting ? s.submitting : s.surveySend}
        </button>
      </div>
    </form>`;
  }

  private renderFailure(): TemplateResult {
    const s = this.strings;
    const failure = this.submission.error;
    const detail = isRapportError(failure) ? s.errors[failure.code] : undefined;
    return html`<div class="error failure" part="error" role="alert" tabindex="-1">
      <p>${s.surveyFailed}${detail ? html` ${detail}` : nothing}</p>
      <button type="submit" class="secondary">${s.retry}</button>
    </div>`;
  }

  private renderThanks(): TemplateResult {
    return html`<div class="thanks" part="thanks" role="status" tabindex="-1" data-state="answered">
      <p class="title">${this.strings.surveyThanks}</p>
    </div>`;
  }

  private choose(score: number): void {
    this.score = score;
    this.scoreMissing = false;
    this.submission.edited();
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.activeClient;
    const customerId = this.activeCustomerId;
    const plan = this.plan;
    if (this.submission.phase === 'submitting' || !client || !customerId || !plan) return;
    const score = this.score;
    if (score === undefined) {
      this.scoreMissing = true;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('input[name="score"]')?.focus();
      return;
    }
    if (!this.form.validate()) return;
    const input = {
      ...inputFromValues(formPlanOf(plan), this.form.values),
      customerId,
      kind: this.kind,
      score,
      ...(this.complaintId && {complaintId: this.complaintId}),
    } as SurveyAnswerInput;
    const before = new SurveyBeforeAnswerEvent(input);
    this.dispatchEvent(before);
    if (before.defaultPrevented) return;

    const stored = await this.submission.submit(input, (idempotencyKey) =>
      client.create('surveyAnswers', input, {idempotencyKey}),
    );
    if (stored) this.dispatchEvent(new SurveyAnsweredEvent(this.submission.result!));
    else {
      const error = this.submission.error;
      if (isRapportError(error, 'invalid_input')) this.form.serverErrors(error.fields);
      if (!alreadyAnswered(error)) {
        await this.updateComplete;
        if (!this.form.focusFirstError()) this.failurePanel?.focus();
        return;
      }
    }
    await this.updateComplete;
    this.thanksPanel?.focus();
  }
}
