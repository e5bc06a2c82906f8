import {Task, TaskStatus} from '@lit/task';
import {html, nothing, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {
  isHttpsUrl,
  openComplaintStatuses,
  type Customer,
  type DataChange,
  type Interaction,
  type ResourceName,
} from '@rapport/core';
import {maskValue, readSource, withoutFields, type PlanField} from '@rapport/schema';
import {formatRelative} from '../shared/format.js';
import {fieldPair, renderLayout} from '../shared/layout.js';
import {customizationState, loadErrorState, loadingState, messageState} from '../shared/states.js';
import {displayValue, optionLabel} from '../shared/value.js';
import {baseStyles} from '../shared/base.styles.js';
import {RapportWidget} from '../shared/widget.js';
import {cardStyles} from './customer-card.styles.js';

// Fields the card shows in its header rather than in its body.
const HEADER_SOURCES = new Set([
  'displayName',
  'company',
  'avatarUrl',
  'lifecycleStage',
  'segment',
  'tags',
]);
// The footer's resources, beside the customer the layout describes.
const ACTIVITY: ReadonlySet<string> = new Set<ResourceName>(['complaints', 'interactions']);

/**
 * @tag rapport-customer-card
 * @summary One customer at a glance: who they are, how to reach them, where they stand, what is open.
 *
 * Follows the `customer-card` layout of the customization document for the active role: renamed,
 * hidden, masked and added fields, groups and grids. The header shows the name, company, avatar or
 * initials, life-cycle stage and RFM segment badges and tags, when the layout includes them.
 *
 * @slot actions - Buttons or links for the card's header, such as "Open in CRM".
 * @csspart base - The card.
 * @csspart header - Avatar, name, company and badges.
 * @csspart avatar - The picture or initials.
 * @csspart name - The customer's name.
 * @csspart badges - Life-cycle stage, segment and tags.
 * @csspart body - The customized fields.
 * @csspart label - A field's label.
 * @csspart value - A field's value.
 * @csspart footer - Open complaints and last contact.
 * @csspart retry - The button that loads again after a failure.
 * @cssproperty --rapport-color-accent - Accent colour: avatar, links, focus rings.
 * @cssproperty --rapport-color-surface - Card background.
 * @cssproperty --rapport-color-text - Main text colour.
 * @cssproperty --rapport-color-muted - Labels and secondary text.
 * @cssproperty --rapport-color-border - Card border and dividers.
 * @cssproperty --rapport-radius - Corner radius.
 * @cssproperty --rapport-spacing - Base spacing unit.
 * @cssproperty --rapport-font - Font family.
 * @event rapport-error - Loading failed, or the widget's own customization document is not valid.
 */
export class RapportCustomerCard extends RapportWidget {
  static override styles = [baseStyles, cardStyles];

  protected readonly widgetName = 'customer-card';

  /** The id of the customer to show. */
  @property({attribute: 'customer-id'}) customerId?: string;

  /** `full` shows contact details, custom fields and activity; `compact` only who the customer is. */
  @property({reflect: true}) variant: 'full' | 'compact' = 'full';

  @state() private reloads = 0;
  @state() private activityReloads = 0;

  /**
   * Whether the card has come near the viewport. Activity (complaints, interactions) is read only then:
   * a list page of a thousand cards should not send two thousand list requests for cards no one sees.
   */
  @state() private nearViewport = typeof IntersectionObserver === 'undefined';
  private observer: IntersectionObserver | undefined;

  private readonly customer = new Task(this, {
    task: async ([client, id], {signal}) =>
      client && id ? client.read('customers', id, {signal}) : undefined,
    args: () => [this.activeClient, this.customerId, this.reloads] as const,
  });

  private readonly activity = new Task(this, {
    task: async (
      [client, id, variant, near],
      {signal},
    ): Promise<{open: number; last: Interaction | undefined} | undefined> => {
      if (!client || !id || variant !== 'full' || !near) return undefined;
      const [complaints, interactions] = await Promise.all([
        client.list('complaints', id, {limit: 100}, {signal}),
        client.list('interactions', id, {limit: 1}, {signal}),
      ]);
      return {
        open: complaints.items.filter((c) => openComplaintStatuses.includes(c.status)).length,
        last: interactions.items[0],
      };
    },
    args: () =>
      [
        this.activeClient,
        this.customerId,
        this.variant,
        this.nearViewport,
        this.activityReloads,
      ] as const,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.nearViewport) return;
    this.observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        this.nearViewport = true;
        this.observer?.disconnect();
      },
      {rootMargin: '600px'},
    );
    this.observer.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer?.disconnect();
    this.observer = undefined;
  }

  protected override get loading(): boolean {
    return this.customer.status === TaskStatus.PENDING;
  }

  protected override dataChanged(change: DataChange): void {
    if (change.customerId !== undefined && change.customerId !== this.customerId) return;
    if (change.resource === this.resource) this.reloads++;
    if (ACTIVITY.has(change.resource)) this.activityReloads++;
  }

  protected override render(): TemplateResult {
    const s = this.strings;
    const body = (): TemplateResult => {
      if (!this.resolvedCustomization.ok) return customizationState(this.resolvedCustomization, s);
      if (!this.activeClient) return messageState(s.noClient, 'no-client');
      if (!this.customerId) return messageState(s.noCustomer);
      const loading = () => loadingState(s, 3, this.slowLoad);
      return this.customer.render({
        initial: loading,
        pending: loading,
        error: (error) => loadErrorState(error, s, () => this.reloads++),
        complete: (customer) => (customer ? this.renderCustomer(customer) : loading()),
      });
    };
    return html`<article
      class="base" part="base"
      aria-label=${s.customerCard}
      aria-busy=${this.loading ? 'true' : 'false'}
    >
      ${body()}
    </article>`;
  }

  private renderCustomer(customer: Customer): TemplateResult {
    const s = this.strings;
    const locale = this.activeLocale;
    const fields = this.plan?.fields ?? [];
    const bySource = new Map(fields.map((f) => [f.source, f]));
    const value = (field: PlanField) => readSource(customer, field.source);
    const values = Object.fromEntries(fields.map((f) => [f.id, value(f)]));
    const nameField = bySource.get('displayName');
    const name = nameField ? String(displayText(nameField, value(nameField))) : s.customerCard;
    const company = bySource.get('company');
    const avatar = bySource.get('avatarUrl');
    const avatarUrl = avatar && avatar.mask === 'none' ? value(avatar) : undefined;
    const badge = (source: string, kind: string) => {
      const field = bySource.get(source);
      const raw = field ? value(field) : undefined;
      return field && typeof raw === 'string' && raw !== ''
        ? html`<span class="badge ${kind}" title=${field.label}
            ><span class="visually-hidden">${field.label}: </span
            >${field.mask === 'none' ? optionLabel(field, raw) : displayValue(field, raw, locale, s)}</span
          >`
        : nothing;
    };
    const tags = bySource.get('tags');
    const tagValues = tags ? value(tags) : undefined;
    const root = withoutFields(this.plan?.root ?? null, (f) => HEADER_SOURCES.has(f.source));

    return html`
      <header class="header" part="header">
        <div class="avatar" part="avatar" aria-hidden="true">
          ${typeof avatarUrl === 'string' && isHttpsUrl(avatarUrl) ? html`<img src=${avatarUrl} alt="" />` : initials(name)}
        </div>
        <div class="identity">
          <p class="name" part="name">${name}</p>
          ${company && value(company) ? html`<p class="company">${displayValue(company, value(company), locale, s)}</p>` : nothing}
          <div class="badges" part="badges">
            ${badge('lifecycleStage', 'stage')} ${badge('segment', 'segment')}
            ${tags && Array.isArray(tagValues) && tagValues.length > 0 ? html`<span class="visually-hidden">${tags.label}: </span>${displayValue(tags, tagValues, locale, s)}` : nothing}
          </div>
        </div>
        <slot name="actions"></slot>
      </header>
      ${
        this.variant === 'full' && root
          ? html`<div class="body" part="body">
              ${renderLayout(root, values, (field) =>
                fieldPair(field, displayValue(field, value(field), locale, s)),
              )}
            </div>`
          : nothing
      }
      ${this.variant === 'full' ? this.renderActivity() : nothing}
    `;
  }

  private renderActivity(): TemplateResult {
    const s = this.strings;
    const content = this.activity.render({
      pending: () => html`<span class="skeleton narrow" aria-hidden="true"></span>`,
      error: () =>
        html`<span>${s.loadFailed}</span
          ><button
            type="button"
            class="secondary"
            part="retry"
            @click=${() => this.activityReloads++}
          >
            ${s.retry}
          </button>`,
      complete: (activity) =>
        activity
          ? html`<span class=${activity.open > 0 ? 'open' : ''}
                >${activity.open > 0 ? s.openComplaints(activity.open) : s.noOpenComplaints}</span
              >
              <span
                >${s.lastContact}:
                ${activity.last ? html`${activity.last.summary === undefined ? '' : html`${activity.last.summary} · `}<time datetime=${activity.last.at}>${formatRelative(activity.last.at, this.activeLocale)}</time>` : s.noContact}</span
              >`
          : nothing,
    });
    return html`<footer class="footer" part="footer" aria-live="polite">${content}</footer>`;
  }
}

function displayText(field: PlanField, raw: Parameters<typeof maskValue>[0]): string {
  return String(maskValue(raw, field.mask) ?? '');
}

/** Up to two initials: "Emma Wilson" gives "EW", "王芳" gives "王". */
function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const first = (word: string) => Array.from(word)[0] ?? '';
  return words.length === 1 || /[\u3040-\u30ff\u3400-\u9fff]/.test(words[0]!)
    ? first(words[0]!)
    : `${first(words[0]!)}${first(words.at(-1)!)}`.toUpperCase();
}
