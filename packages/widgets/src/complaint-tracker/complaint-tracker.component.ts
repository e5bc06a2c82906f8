import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {
  actionsForRole,
  allowedActions,
  businessTimeBetween,
  complaintUpdateLimits,
  defaultComplaintPolicy,
  isRapportError,
  openComplaintStatuses,
  textLength,
  type BusinessHours,
  type Complaint,
  type ComplaintAction,
  type ComplaintPolicy,
  type ComplaintUpdate,
  type ComplaintUpdateInput,
  type DataChange,
  type Page,
  type RapportClient,
} from '@rapport/core';
import {defaultComplaintTracker, readSource, type PlanField} from '@rapport/schema';
import {Submission} from '../form/submission.js';
import {baseStyles} from '../shared/base.styles.js';
import {ComplaintBeforeUpdateEvent, ComplaintUpdatedEvent} from './complaint-tracker.events.js';
import {formatDate, formatNumber} from '../shared/format.js';
import {
  fieldPair,
  fieldsBySource,
  layoutWithout,
  renderLayout,
  ruleValues,
} from '../shared/layout.js';
import {ListController, LoadController} from '../shared/record.js';
import {messageState, warnOnce} from '../shared/states.js';
import {displayValue} from '../shared/value.js';
import {RapportWidget} from '../shared/widget.js';
import {formStyles} from '../form/form.styles.js';
import {trackerStyles} from './complaint-tracker.styles.js';
import {trackerStrings} from './complaint-tracker.strings.js';

// Shown on each complaint's disclosure button rather than in its panel.
const HEADER_SOURCES: ReadonlySet<string> = new Set(['reference', 'subject', 'status']);
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Updates read at most, newest first: past them a long thread shows its newest replies. */
const MAX_UPDATES = 1000;
/** Actions whose text (the reply box) is stored as the complaint's resolution. */
const RESOLVING: ReadonlySet<ComplaintAction> = new Set(['resolve', 'reject']);

/** What one complaint's reply box holds: the text, a note on it, and the update on its way. */
interface Reply {
  text: string;
  /** A problem found before sending. */
  note?: 'empty' | 'too-long' | 'needs-resolution' | undefined;
  /** The action of the last press (`undefined` for a reply alone). */
  action?: ComplaintAction | undefined;
  readonly submission: Submission<ComplaintUpdate>;
}

/**
 * @tag rapport-complaint-tracker
 * @summary A customer's complaints, each with its status, reply time and thread.
 *
 * Lists the customer's complaints, newest first, each as a disclosure: a button with its reference,
 * subject and status, and under it the time a first reply is due (in business hours when
 * `businessHours` is set). Opened, it shows the fields of the `complaint-tracker` layout for the active
 * role (an agent's layout shows more), the public thread of replies and status changes (oldest first),
 * a reply box and the steps the role may take from the complaint's status (a customer may reopen a
 * resolved complaint for a while; an agent moves it along; a supervisor may also close it). Resolving
 * or declining takes the reply box's text as the resolution. Each press sends the update once (one
 * idempotency key, reused by Retry); a reply that fails keeps its text, and a step the server refuses
 * says why. On a backend without complaint updates it lists the complaints without threads or replies;
 * on one without complaints it takes no room on the page (and fires `rapport-error`).
 *
 * @csspart base - The widget.
 * @csspart header - The title.
 * @csspart complaint - One complaint of the list.
 * @csspart summary - A complaint's disclosure button.
 * @csspart status - A complaint's status badge.
 * @csspart help-text - When a reply is due, and the reply's character count.
 * @csspart body - An opened complaint: its fields, thread and reply box.
 * @csspart label - A field's label, and the reply box's.
 * @csspart value - A field's value.
 * @csspart thread - The list of replies and status changes.
 * @csspart update - One reply or status change.
 * @csspart form-control - The reply box with its label and count.
 * @csspart input - The reply box.
 * @csspart error - What is wrong with a reply, and a failed or refused update.
 * @csspart footer - The send and action buttons.
 * @csspart submit - The send button.
 * @csspart action - A button for a step of the complaint's life cycle (`data-action` names it).
 * @csspart retry - The button that loads or sends again after a failure.
 * @cssproperty --rapport-color-accent - Buttons, focus rings, the customer's own replies.
 * @cssproperty --rapport-color-danger - Errors.
 * @cssproperty --rapport-color-border - Borders between complaints and of the reply box.
 * @cssproperty --rapport-color-subtle - Background of replies from the business.
 * @cssproperty --rapport-radius - Corner radius.
 * @event {ComplaintBeforeUpdateEvent} rapport-complaint-before-update - A reply or a step is about to be sent; cancelable. `event.input` holds it.
 * @event {ComplaintUpdatedEvent} rapport-complaint-updated - The backend stored the update; `event.update` has the complaint's new status.
 * @event {RapportErrorEvent} rapport-error - Loading complaints or their replies failed (also when the backend does not offer them), or the widget's own customization document is not valid.
 */
export class RapportComplaintTracker extends RapportWidget {
  // The reply box looks like the complaint form's fields: its styles are in the bundle already.
  static override styles = [baseStyles, formStyles, trackerStyles];

  protected readonly widgetName = 'complaint-tracker';
  protected readonly builtInCustomization = defaultComplaintTracker;

  /** The shared words and this widget's own, in the active locale. */
  protected override get strings(): ReturnType<typeof trackerStrings> {
    return trackerStrings(this.activeLocale);
  }

  /** The hours in which reply times count (core's `BusinessHours`). Default none: calendar hours. */
  @property({attribute: false}) businessHours?: BusinessHours;

  /**
   * Which role may take which step, and how long a customer may reopen (core's `ComplaintPolicy`).
   * It decides which buttons show; the server enforces its own. Default `defaultComplaintPolicy`.
   */
  @property({attribute: false}) complaintPolicy: ComplaintPolicy = defaultComplaintPolicy;

  @state() private expanded: ReadonlySet<string> = new Set();

  private readonly replies = new Map<string, Reply>();
  private shownFor?: readonly [RapportClient | undefined, string | undefined];

  private readonly complaints = new ListController(this, 'complaints', () => [
    this.activeClient,
    this.activeCustomerId,
  ]);

  // Every page of the customer's updates (newest first): a thread of an older complaint is complete
  // however many replies the newer ones have.
  private readonly updates = new LoadController(
    this,
    'complaintUpdates',
    () => [this.activeClient, this.activeCustomerId],
    async (client, customerId, signal): Promise<Page<ComplaintUpdate>> => {
      const items: ComplaintUpdate[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<ComplaintUpdate> = await client.list(
          'complaintUpdates',
          customerId,
          cursor ? {limit: 100, cursor} : {limit: 100},
          {signal},
        );
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor && items.length < MAX_UPDATES);
      return {items, nextCursor: cursor};
    },
  );

  protected override dataChanged(change: DataChange): void {
    if (change.customerId !== undefined && change.customerId !== this.activeCustomerId) return;
    const list =
      change.resource === 'complaints'
        ? this.complaints
        : change.resource === 'complaintUpdates'
          ? this.updates
          : undefined;
    list?.reload();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const client = this.activeClient;
    const customer = this.activeCustomerId;
    // Another customer (or backend): nothing of the previous one is shown or sent.
    if (this.shownFor && (this.shownFor[0] !== client || this.shownFor[1] !== customer)) {
      this.replies.clear();
      this.expanded = new Set();
    }
    this.shownFor = [client, customer];
  }

  private get staff(): boolean {
    return this.activeRole !== 'customer';
  }

  protected override render(): TemplateResult {
    const s = this.strings;
    // Without a plan (a document that cannot be used) the list's own states say so.
    const stale = this.plan ? this.complaints.shown : undefined;
    // A backend without complaints: nothing to follow, and nothing a retry would change.
    this.quiet = this.complaints.unsupported;
    return html`<section class="base" part="base" aria-labelledby="title"><p class="title" id="title" part="header">${this.staff ? s.complaintTrackerStaff : s.complaintTracker}</p>${
      stale
        ? this.renderComplaints(stale)
        : this.complaints.render(this.recordView(3), (page) => this.renderComplaints(page))
    }</section>`;
  }

  private renderComplaints(page: Page<Complaint>): TemplateResult {
    const s = this.strings;
    if (page.items.length === 0)
      return messageState(this.staff ? s.noComplaintsStaff : s.noComplaints);
    return html`<ul class="complaints">${page.items.map((complaint, index) => this.renderComplaint(complaint, `complaint-${index}`))}</ul>`;
  }

  private renderComplaint(complaint: Complaint, id: string): TemplateResult {
    const s = this.strings;
    const locale = this.activeLocale;
    const bySource = fieldsBySource(this.plan!);
    const shown = (field: PlanField) =>
      displayValue(field, readSource(complaint, field.source), locale, s);
    const reference = bySource.get('reference');
    const subject = bySource.get('subject');
    const status = bySource.get('status');
    const open = this.expanded.has(complaint.id);
    const due = this.dueText(complaint);
    return html`<li class="complaint" part="complaint" data-status=${complaint.status}><button type="button" class="summary" part="summary" id=${`${id}-summary`} aria-expanded=${open ? 'true' : 'false'} aria-controls=${open ? `${id}-body` : nothing} @click=${() => this.toggle(complaint.id)}><span class="ref">${reference ? shown(reference) : reference === undefined && !subject ? complaint.reference : nothing}</span> ${subject ? html`<span class="subject">${shown(subject)}</span>` : nothing} ${status ? html`<span class="badge status" part="status"><span class="visually-hidden">${status.label}: </span>${shown(status)}</span>` : nothing}</button>${due ? html`<p class="due" part="help-text">${due}</p>` : nothing}${open ? this.renderBody(complaint, id) : nothing}</li>`;
  }

  private renderBody(complaint: Complaint, id: string): TemplateResult {
    const s = this.strings;
    const locale = this.activeLocale;
    const plan = this.plan!;
    const rest = layoutWithout(plan, 'tracker-body', HEADER_SOURCES);
    return html`<div class="body" part="body" id=${`${id}-body`} role="region" aria-labelledby=${`${id}-summary`}>${
      rest
        ? html`<div class="fields">${renderLayout(rest, ruleValues(plan, complaint), (field) =>
            fieldPair(field, displayValue(field, readSource(complaint, field.source), locale, s)),
          )}</div>`
        : nothing
    }${this.renderThread(complaint, id)}</div>`;
  }

  private renderThread(complaint: Complaint, id: string): TemplateResult {
    const s = this.strings;
    const list = this.updates;
    const status = list.status;
    if (status === 'unavailable' || status === 'forbidden')
      return messageState(s.repliesUnavailable, 'replies-unavailable');
    const page = list.shown;
    let thread: TemplateResult;
    if (page) {
      const updates = this.threadOf(page, complaint.id);
      thread =
        updates.length === 0
          ? html`<p class="no-replies">${s.noReplies}</p>`
          : html`<ol class="thread" part="thread" aria-labelledby=${`${id}-thread`}>${updates.map((update) => this.renderUpdate(update))}</ol>`;
    } else if (status === 'error' || status === 'not-found')
      thread = html`<div class="state" role="alert" data-kind="error" data-state="replies-error"><span>${s.repliesFailed}</span><button type="button" class="secondary" part="retry" @click=${() => list.reload()}>${s.retry}</button></div>`;
    else thread = html`<p class="no-replies" role="status">${s.loading}</p>`;
    return html`<p class="thread-title" id=${`${id}-thread`}>${s.thread}</p>${thread} ${this.renderReply(complaint, id)}`;
  }

  private renderUpdate(update: ComplaintUpdate): TemplateResult {
    const s = this.strings;
    const locale = this.activeLocale;
    const mine = update.author.kind === 'customer';
    const who = this.staff ? this.roleLabel(update.author.role) : mine ? s.you : s.support;
    return html`<li class="update" part="update" data-author=${update.author.kind}><p class="meta"><span class="author">${who}</span> <time datetime=${update.at}>${formatDate(update.at, locale, 'medium', true)}</time></p>${update.action ? html`<p class="change">${s.complaintActionsDone[update.action] ?? update.action}</p>` : nothing}${update.body !== null && update.body !== '' ? html`<p class="text">${update.body}</p>` : nothing}</li>`;
  }

  private renderReply(complaint: Complaint, id: string): TemplateResult {
    const s = this.strings;
    const locale = this.activeLocale;
    const reply = this.replyFor(complaint.id);
    const {phase} = reply.submission;
    const sending = phase === 'submitting';
    const actions = this.actionsFor(complaint);
    const field = `${id}-reply`;
    const max = this.limitFor(reply.action);
    const noteText =
      reply.note === 'empty'
        ? s.replyEmpty
        : reply.note === 'too-long'
          ? s.replyTooLong(formatNumber(max, locale))
          : reply.note === 'needs-resolution'
            ? s.needsResolution
            : undefined;
    const describedBy = noteText ? `${field}-count ${field}-note` : `${field}-count`;
    const busy = (action: ComplaintAction | undefined) =>
      sending && reply.action === action ? s.submitting : undefined;
    return html`<form class="reply" novalidate aria-busy=${sending ? 'true' : 'false'} @submit=${(
      event: Event,
    ) => {
      event.preventDefault();
      void this.send(complaint, id);
    }}><div class="form-control" part="form-control"><label class="label" part="label" for=${field}>${s.replyLabel}</label><textarea id=${field} part="input" rows="3" .value=${reply.text} aria-invalid=${noteText ? 'true' : 'false'} aria-describedby=${describedBy} @input=${(event: Event) => this.edit(reply, (event.target as HTMLTextAreaElement).value)}></textarea><div class="count" part="help-text" id=${`${field}-count`}>${s.characters(formatNumber(textLength(reply.text), locale), formatNumber(complaintUpdateLimits.body, locale))}</div>${noteText ? html`<div class="error" part="error" id=${`${field}-note`}>${noteText}</div>` : nothing}</div>${this.renderOutcome(complaint, reply, id)}<div class="footer" part="footer"><button type="submit" part="submit" aria-disabled=${sending ? 'true' : 'false'}>${busy(undefined) ?? s.sendReply}</button>${actions.map(
      (action) =>
        html`<button type="button" class="secondary" part="action" data-action=${action} aria-disabled=${sending ? 'true' : 'false'} @click=${() => void this.send(complaint, id, action)}>${busy(action) ?? s.complaintActions[action] ?? action}</button>`,
    )}</div></form>`;
  }

  private renderOutcome(
    complaint: Complaint,
    reply: Reply,
    id: string,
  ): TemplateResult | typeof nothing {
    const s = this.strings;
    const {phase, error} = reply.submission;
    if (phase === 'succeeded')
      return html`<p class="notice" id=${`${id}-outcome`} role="status" tabindex="-1">${reply.action ? (s.complaintActionsDone[reply.action] ?? reply.action) : s.replySent}</p>`;
    if (phase !== 'failed') return nothing;
    const reason = isRapportError(error) ? error.details.reason : undefined;
    // Only what may pass on another try offers one (core's retryable codes, or a lost connection).
    const refused = isRapportError(error) && !error.retryable;
    const said =
      (typeof reason === 'string' ? s.updateRefused[reason] : undefined) ??
      (isRapportError(error) ? s.updateRefused[error.code] : undefined);
    const detail = isRapportError(error) ? s.errors[error.code] : undefined;
    return html`<div class="failure" part="error" id=${`${id}-outcome`} role="alert" tabindex="-1"><p>${said ?? `${s.replyFailed}${detail ? ` ${detail}` : ''}`}</p>${
      refused
        ? nothing
        : html`<button type="button" class="secondary" part="retry" @click=${() => void this.send(complaint, id, reply.action)}>${s.retry}</button>`
    }</div>`;
  }

  /** The steps the active role may take from the complaint's status, as the policy says. */
  private actionsFor(complaint: Complaint): ComplaintAction[] {
    const role = this.activeRole;
    const own = actionsForRole(this.complaintPolicy, role);
    return allowedActions(complaint.status).filter(
      (action) =>
        own.includes(action) &&
        // A customer may reopen only for a while after the resolution; the server says the same.
        !(
          action === 'reopen' &&
          !this.staff &&
          complaint.resolvedAt !== undefined &&
          Date.now() >
            Date.parse(complaint.resolvedAt) + this.complaintPolicy.reopenWithinDays * DAY_MS
        ),
    );
  }

  /** "Reply due within 3 working hours" for an open complaint not answered yet, or "overdue". */
  private dueText(complaint: Complaint): string | undefined {
    if (!openComplaintStatuses.includes(complaint.status) || complaint.firstResponseAt)
      return undefined;
    const s = this.strings;
    const now = Date.now();
    const due = Date.parse(complaint.responseDueAt);
    if (Number.isNaN(due)) return undefined;
    if (due <= now) return s.replyOverdue;
    let hours = this.businessHours;
    let ms: number;
    try {
      ms = businessTimeBetween(now, due, hours);
    } catch (error) {
      // A setting the page got wrong (a misspelt time zone): calendar hours rather than nothing.
      warnOnce(`<${this.localName}> counts calendar hours: ${(error as Error).message}`);
      hours = undefined;
      ms = due - now;
    }
    return s.replyDue(Math.max(1, Math.ceil(ms / HOUR_MS)), hours !== undefined);
  }

  private roleLabel(role: string): string {
    const customization = this.resolvedCustomization;
    const found = customization.ok
      ? customization.document.roles.find((r) => r.id === role)
      : undefined;
    return found ? this.documentText(found.label) : role;
  }

  /** A complaint's thread, oldest first (the list comes newest first). */
  private threadOf(page: Page<ComplaintUpdate>, complaintId: string): ComplaintUpdate[] {
    return page.items.filter((update) => update.complaintId === complaintId).reverse();
  }

  private replyFor(complaintId: string): Reply {
    let reply = this.replies.get(complaintId);
    if (!reply)
      this.replies.set(complaintId, (reply = {text: '', submission: new Submission(this)}));
    return reply;
  }

  private limitFor(action: ComplaintAction | undefined): number {
    return action && RESOLVING.has(action)
      ? complaintUpdateLimits.resolution
      : complaintUpdateLimits.body;
  }

  private edit(reply: Reply, text: string): void {
    reply.text = text;
    reply.note = undefined;
    if (reply.submission.phase === 'succeeded') reply.submission.reset();
    else reply.submission.edited();
    this.requestUpdate();
  }

  private toggle(complaintId: string): void {
    const expanded = new Set(this.expanded);
    if (!expanded.delete(complaintId)) expanded.add(complaintId);
    this.expanded = expanded;
  }

  /** Sends the reply box's text, with `action` when a step's button was pressed. */
  private async send(complaint: Complaint, id: string, action?: ComplaintAction): Promise<void> {
    const client = this.activeClient;
    const customerId = this.activeCustomerId;
    const reply = this.replyFor(complaint.id);
    if (!client || !customerId || reply.submission.phase === 'submitting') return;
    const text = reply.text.trim();
    const note =
      text === '' && action === undefined
        ? 'empty'
        : text === '' && action && RESOLVING.has(action)
          ? 'needs-resolution'
          : textLength(text) > this.limitFor(action)
            ? 'too-long'
            : undefined;
    this.edit(reply, reply.text);
    reply.action = action;
    reply.note = note;
    if (note) {
      await this.updateComplete;
      this.shadowRoot?.getElementById(`${id}-reply`)?.focus();
      return;
    }
    const input: ComplaintUpdateInput = {
      complaintId: complaint.id,
      customerId,
      ...(text !== '' && {body: text}),
      ...(action !== undefined && {action}),
      ...(text !== '' && action !== undefined && RESOLVING.has(action) && {resolution: text}),
      // Behind a gateway the author comes from the signed-in person's token whatever this says; a
      // backend used directly needs to be told that staff wrote.
      ...(this.staff && {author: {kind: 'staff', role: this.activeRole}}),
    };
    const before = new ComplaintBeforeUpdateEvent(input);
    this.dispatchEvent(before);
    if (before.defaultPrevented) return;
    const stored = await reply.submission.submit(input, (idempotencyKey) =>
      client.create('complaintUpdates', input, {idempotencyKey}),
    );
    if (stored) {
      reply.text = '';
      this.dispatchEvent(new ComplaintUpdatedEvent(reply.submission.result!));
    } else {
      const error = reply.submission.error;
      warnOnce(
        `<${this.localName}> could not update ${complaint.reference}: ${(error as Error).message}`,
      );
    }
    await this.updateComplete;
    // A step's button may be gone once the complaint moves on: the outcome takes focus instead.
    if (!stored || action !== undefined) this.shadowRoot?.getElementById(`${id}-outcome`)?.focus();
  }
}
