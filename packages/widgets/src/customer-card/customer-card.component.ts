import {Task} from '@lit/task';
import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {
  isHttpsUrl,
  isRapportError,
  openComplaintStatuses,
  type Customer,
  type DataChange,
  type FieldValue,
  type Interaction,
  type Page,
  type ResourceName,
} from '@rapport/core';
import {defaultCustomerCard, isShown, maskValue, type PlanField, readSource} from '@rapport/schema';
import {formatRelative} from '../shared/format.js';
import {
  fieldPair,
  fieldsBySource,
  layoutWithout,
  renderChildren,
  renderLayout,
  ruleValues,
  sectionClass,
} from '../shared/layout.js';
import {RecordController, reportLoadError} from '../shared/record.js';
import {warnOnce} from '../shared/states.js';
import {displayValue} from '../shared/value.js';
import {optionLabel} from '../shared/value-text.js';
import {ownSources} from '../shared/own-sources.js';
import {baseStyles} from '../shared/base.styles.js';
import {RapportWidget} from '../shared/widget.js';
import {cardStyles} from './customer-card.styles.js';

// Fields the card shows in its header rather than in its body.
const HEADER_SOURCES = ownSources['customer-card'];
// The footer's resources, beside the customer the layout describes.
const ACTIVITY: ReadonlySet<string> = new Set<ResourceName>(['complaints', 'interactions']);

/** The footer's figures; `null` where the backend does not offer the resource. */
interface Activity {
  readonly open: number | null;
  readonly last: Interaction | undefined | null;
}

// One observer for every card of the page: a list of a thousand cards is a thousand targets of one
// observer, not a thousand observers.
let observer: IntersectionObserver | undefined;
const onNear = new WeakMap<Element, () => void>();
function watchNear(card: Element, near: () => void): void {
  if (typeof IntersectionObserver === 'undefined') return;
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer!.unobserve(entry.target);
        onNear.get(entry.target)?.();
      }
    },
    {rootMargin: '600px'},
  );
  onNear.set(card, near);
  observer.observe(card);
}

/** A list, or `null` when the backend does not offer it (said once in the console). */
async function offered<T>(what: string, list: Promise<Page<T>>): Promise<Page<T> | null> {
  try {
    return await list;
  } catch (error) {
    if (!isRapportError(error, 'unsupported')) throw error;
    warnOnce(`the backend does not offer ${what}: <rapport-customer-card> leaves them out.`);
    return null;
  }
}

/**
 * @tag rapport-customer-card
 * @summary One customer at a glance: who they are, how to reach them, where they stand, what is open.
 *
 * Follows the `customer-card` layout of the customization document for the active role: renamed,
 * hidden, masked and added fields, groups and grids. The header shows the name, company, avatar or
 * initials, life-cycle stage and RFM segment badges and tags, when the layout includes them. Grids
 * become one column when the card is narrower than about 480 px. The footer is left out when the
 * backend offers neither complaints nor interactions.
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
 * @cssproperty --rapport-gap - Space below the card when another element follows it (default 1rem).
 * @event {RapportErrorEvent} rapport-error - Loading failed (also when the backend does not offer customers), or the widget's own customization document is not valid. The page shows only a short neutral message; `error` has the detail.
 */
export class RapportCustomerCard extends RapportWidget {
  static override styles = [baseStyles, cardStyles];

  protected readonly widgetName = 'customer-card';
  protected readonly builtInCustomization = defaultCustomerCard;

  /** `full` shows contact details, custom fields and activity; `compact` only who the customer is. */
  @property({reflect: true}) variant: 'full' | 'compact' = 'full';

  /**
   * Whether the card has come near the viewport. Activity (complaints, interactions) is read only then:
   * a list page of a thousand cards should not send two thousand list requests for cards no one sees.
   */
  @state() private nearViewport = typeof IntersectionObserver === 'undefined';

  private readonly customer = new RecordController(this, 'customers', () => [
    this.activeClient,
    this.activeCustomerId,
  ]);

  private readonly activity = new Task(this, {
    task: async ([client, id, variant, near], {signal}): Promise<Activity | undefined> => {
      if (!client || !id || variant !== 'full' || !near) return undefined;
      const [complaints, interactions] = await Promise.all([
        offered('complaints', client.list('complaints', id, {limit: 100}, {signal})),
        offered('interactions', client.list('interactions', id, {limit: 1}, {signal})),
      ]);
      return {
        open:
          complaints &&
          complaints.items.filter((c) => openComplaintStatuses.includes(c.status)).length,
        last: interactions && interactions.items[0],
      };
    },
    args: () =>
      [this.activeClient, this.activeCustomerId, this.variant, this.nearViewport] as const,
    // An unknown customer is reported once, by the customer's own load.
    onError: (error) =>
      isRapportError(error, 'not_found') || reportLoadError(this, 'the customer’s activity', error),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.nearViewport && this.variant === 'full') watchNear(this, this.cameNear);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    observer?.unobserve(this);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // A compact card shows no activity, so it need not be watched until it becomes full.
    if (changed.has('variant') && !this.nearViewport && this.variant === 'full')
      watchNear(this, this.cameNear);
  }

  /** Called when the card comes within 600 px of the viewport. */
  private readonly cameNear = (): void => {
    this.nearViewport = true;
  };

  protected override dataChanged(change: DataChange): void {
    if (change.customerId !== undefined && change.customerId !== this.activeCustomerId) return;
    if (change.resource === this.resource) this.customer.reload();
    if (ACTIVITY.has(change.resource)) void this.activity.run();
  }

  protected override render(): TemplateResult {
    const s = this.strings;
    return html`<article class="base" part="base" aria-label=${s.customerCard} aria-busy=${this.busy(this.customer)}>${this.customer.render(
      this.recordView(3),
      (customer) => this.renderCustomer(customer),
    )}</article>`;
  }

  private renderCustomer(customer: Customer): TemplateResult {
    const s = this.strings;
    const locale = this.activeLocale;
    const plan = this.plan!;
    const fields = fieldsBySource(plan);
    const nameField = fields.get('displayName');
    const name = nameField
      ? String(maskValue(readSource(customer, nameField.source), nameField.mask) ?? '')
      : s.customerCard;
    const company = fields.get('company');
    const companyValue = company && readSource(customer, company.source);
    const avatar = fields.get('avatarUrl');
    const avatarUrl =
      avatar && avatar.mask === 'none' ? readSource(customer, avatar.source) : undefined;
    const full = this.variant === 'full';
    const root = full ? layoutWithout(plan, 'card-body', HEADER_SOURCES) : null;
    const values = root ? ruleValues(plan, customer) : undefined;
    const field = (f: PlanField) =>
      fieldPair(f, displayValue(f, readSource(customer, f.source), locale, s));
    return html`<header class="header" part="header"><div class="avatar" part="avatar" aria-hidden="true">${typeof avatarUrl === 'string' && isHttpsUrl(avatarUrl) ? html`<img src=${avatarUrl} alt="" />` : initials(name)}</div><div class="identity"><p class="name" part="name">${name}</p>${companyValue ? html`<p class="company">${displayValue(company!, companyValue, locale, s)}</p>` : nothing}${this.renderBadges(customer, fields)}</div><slot name="actions"></slot></header>${
      root && isShown(root, values!)
        ? root.kind === 'control' || root.kind === 'group'
          ? html`<div class="body" part="body">${renderLayout(root, values!, field)}</div>`
          : html`<div class="body ${sectionClass(root)}" part="body">${renderChildren(root, values!, field)}</div>`
        : nothing
    }${full ? this.renderActivity() : nothing}`;
  }

  /**
   * The header's badges: life-cycle stage, segment and tags, each titled with its field's label. Screen
   * readers get them as one sentence that names each ("Lifecycle stage: Loyal. Tags: VIP"), so a card
   * holds one visually hidden text rather than one per badge (each is a box of its own to lay out).
   */
  private renderBadges(
    customer: Customer,
    fields: ReadonlyMap<string, PlanField>,
  ): TemplateResult | typeof nothing {
    const spoken: string[] = [];
    const shown: TemplateResult[] = [];
    for (const [source, kind] of BADGES) {
      const field = fields.get(source);
      const texts = field ? badgeTexts(field, readSource(customer, field.source)) : [];
      if (texts.length === 0) continue;
      spoken.push(`${field!.label}: ${texts.join(', ')}`);
      for (const text of texts)
        shown.push(html`<span class="badge ${kind}" title=${field!.label}>${text}</span>`);
    }
    if (shown.length === 0) return nothing;
    return html`<span class="visually-hidden">${spoken.join('. ')}</span><div class="badges" part="badges" aria-hidden="true">${shown}</div>`;
  }

  private renderActivity(): TemplateResult | typeof nothing {
    const s = this.strings;
    const activity = this.activity.value;
    // A backend without complaints or interactions gets no footer rather than one that cannot load.
    if (activity && activity.open === null && activity.last === null) return nothing;
    const content = this.activity.render({
      pending: () => html`<span class="skeleton narrow" aria-hidden="true"></span>`,
      error: () =>
        html`<span>${s.loadFailed}</span><button type="button" class="secondary" part="retry" @click=${() => void this.activity.run()}>${s.retry}</button>`,
      complete: (done) => (done ? this.renderFigures(done) : nothing),
    });
    return html`<footer class="footer" part="footer" aria-live="polite">${content}</footer>`;
  }

  private renderFigures({open, last}: Activity): TemplateResult {
    const s = this.strings;
    const openText =
      open === null
        ? nothing
        : html`<span class=${open > 0 ? 'open' : ''}>${open > 0 ? s.openComplaints(open) : s.noOpenComplaints}</span>`;
    if (last === null) return html`${openText}`;
    if (last === undefined) return html`${openText}<span>${s.lastContact}: ${s.noContact}</span>`;
    return html`${openText}<span>${s.lastContact}: ${last.summary === undefined ? '' : `${last.summary} · `}<time datetime=${last.at}>${formatRelative(last.at, this.activeLocale)}</time></span>`;
  }
}

// The header's badges, in order: the field's source and the badge's class.
const BADGES = [
  ['lifecycleStage', 'stage'],
  ['segment', 'segment'],
  ['tags', 'tag'],
] as const;

/** A badge field's texts: option labels, each item of a list, or the value as masked for the role. */
function badgeTexts(field: PlanField, raw: FieldValue | undefined): string[] {
  if (raw === undefined || raw === null || raw === '') return [];
  if (field.mask !== 'none') return [String(maskValue(raw, field.mask))];
  const items = Array.isArray(raw) ? raw : [raw];
  return items.map((item) => optionLabel(field, String(item)));
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
