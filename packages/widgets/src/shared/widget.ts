import {consume} from '@lit/context';
import {LitElement, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import {
  RapportError,
  type DataChange,
  type LocalizedText,
  type RapportClient,
  type ResourceName,
} from '@rapport/core';
import {
  documentText,
  resolveLayout,
  translationsVersion,
  watchTranslations,
  widgetResource,
  type CustomizationDocument,
  type RenderPlan,
  type WidgetName,
} from '@rapport/schema';
import {baseStyles} from './base.styles.js';
import {environmentContext, type RapportEnvironment, type Theme} from './context.js';
import {
  applyTheme,
  customizationFor,
  resolveCustomization,
  layoutFailure,
  type CustomizationState,
} from './customization.js';
import {upgradeProperty} from './define.js';
import {RapportErrorEvent} from './events.js';
import type {LoadController, RecordView} from './record.js';
import {warnOnce} from './states.js';
import {stringsFor, type Strings} from './strings.js';

/**
 * How long a widget waits for a client before it tells the developer it has none and shows the
 * visitor the neutral state: a page that creates its client after an await (a session, its own
 * configuration) gets no warning, and its visitors see the widget loading meanwhile.
 */
const CLIENT_WAIT_MS = 2000;

let plans = new WeakMap<CustomizationDocument, Map<string, RenderPlan>>();
let plansVersion = -1;

/**
 * The render plan, resolved once per document, widget, role and locale however many widgets show it,
 * until a language is registered (a plan holds its labels' translations).
 */
function planFor(
  document: CustomizationDocument,
  widget: WidgetName,
  role: string,
  locale: string,
): RenderPlan {
  if (plansVersion !== translationsVersion()) {
    plans = new WeakMap();
    plansVersion = translationsVersion();
  }
  let byKey = plans.get(document);
  if (!byKey) plans.set(document, (byKey = new Map()));
  const key = `${widget}\u0000${role}\u0000${locale}`;
  let plan = byKey.get(key);
  if (!plan) byKey.set(key, (plan = resolveLayout(document, widget, {role, locale})));
  return plan;
}

/**
 * What every Rapport widget shares: it takes its client, customization, role and locale from the
 * nearest `<rapport-provider>` or from its own properties (which win), validates the customization once,
 * resolves its render plan for the role and locale, applies the document's theme tokens, and reloads
 * when the client says its data changed.
 *
 * Every widget honours the design tokens of base.styles.ts. custom-elements.json lists them with the
 * defaults read from the styles; the document's tokens take their meaning from the schema, the others
 * from here:
 * @cssproperty --rapport-color-subtle - Quiet backgrounds: skeletons, badges, the progress track.
 * @cssproperty --rapport-gap - Space below a widget when another element follows it.
 */
export abstract class RapportWidget extends LitElement {
  static override styles = [baseStyles];

  /**
   * The id of the customer the widget is about. Default: the provider's, when a host shell tells it
   * the customer on screen.
   */
  @property({attribute: 'customer-id'}) customerId?: string;

  /** The client to load data through. Default: the provider's. */
  @property({attribute: false}) client?: RapportClient;

  /** A customization document, as an object or JSON text. Default: the provider's, else the built-in one. */
  @property({attribute: false}) customization: CustomizationDocument | string | undefined;

  /**
   * The customization document.
   * @deprecated Use `customization`; `config` is an alias that reads and sets it.
   */
  get config(): CustomizationDocument | string | undefined {
    return this.customization;
  }
  set config(value: CustomizationDocument | string | undefined) {
    this.customization = value;
  }

  /**
   * The role of the person looking (`customer`, `agent`...), as the customization document names it.
   * Default: the provider's, else `customer`. (Not `role`, which is the element's ARIA role.)
   */
  @property({attribute: 'viewer-role'}) viewerRole?: string;

  /** BCP 47 locale of texts, numbers and dates. Default: the provider's, else the page's language. */
  @property() locale?: string;

  /**
   * Colour scheme: `light`, `dark`, or `auto` to follow the visitor's system setting. Default: the
   * provider's, else `light`, so a page that is white stays white for a visitor whose system is dark.
   */
  @property({reflect: true}) theme?: Theme;

  @consume({context: environmentContext, subscribe: true})
  @state()
  protected environment?: RapportEnvironment;

  /**
   * Which layout of the customization document this widget follows; `null` for one without a layout
   * (a report: its part of the document is the `reports` section).
   */
  protected abstract readonly widgetName: WidgetName | null;

  /**
   * The widget's part of the built-in document (`defaultCustomerCard`...): what it shows without a
   * document, and where a partial document's missing parts come from.
   */
  protected abstract readonly builtInCustomization: CustomizationDocument;

  /** The customization in use (the widget's own, else the provider's, else the built-in one), checked. */
  protected resolvedCustomization!: CustomizationState;

  /** The render plan for the current role and locale; `null` while the customization is not valid. */
  protected plan: RenderPlan | null = null;

  /**
   * Whether the last render had nothing for the person to see (the backend does not offer what the
   * widget is about, say): set by `render`; the element then takes no room on the page (`data-quiet`).
   */
  protected quiet = false;

  private clientCheck: ReturnType<typeof setTimeout> | undefined;
  /**
   * Whether the widget waited {@link CLIENT_WAIT_MS} without a client (and so said it has none); a
   * client coming resets it, so a widget whose client goes again waits again.
   */
  private saidNoClient = false;
  private themeProperties: ReadonlySet<string> = new Set();
  private subscribedClient: RapportClient | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor() {
    super();
    upgradeProperty(this, 'config');
  }

  /** The catalogue resource whose records the widget's layout describes (`customers` for the card). */
  protected get resource(): ResourceName {
    return widgetResource[this.widgetName!];
  }

  /** The customer in use. */
  protected get activeCustomerId(): string | undefined {
    return this.customerId ?? this.environment?.customerId;
  }

  /** The client in use. */
  protected get activeClient(): RapportClient | undefined {
    return this.client ?? this.environment?.client;
  }

  /** The role in use. */
  protected get activeRole(): string {
    return this.viewerRole ?? this.environment?.viewerRole ?? 'customer';
  }

  /** The locale in use. */
  protected get activeLocale(): string {
    return (
      this.locale ??
      this.environment?.locale ??
      (document.documentElement.lang || navigator.language || 'en')
    );
  }

  /**
   * Whether the widget has no client and has stopped waiting for one: draw the neutral no-client
   * state. While it is still waiting, draw loading.
   */
  protected get clientMissing(): boolean {
    return this.saidNoClient && !this.activeClient;
  }

  /** Whether the widget has no client yet and is still waiting for one: it is loading. */
  protected get waitingForClient(): boolean {
    return !this.saidNoClient && !this.activeClient;
  }

  /** `aria-busy` for a widget that shows `load`: while it loads, and while it waits for a client. */
  protected busy(load: LoadController<unknown>): 'true' | 'false' {
    return load.status === 'loading' || this.waitingForClient ? 'true' : 'false';
  }

  /** What a {@link LoadController} needs to draw the states before its data. */
  protected recordView(lines: number): RecordView {
    return {
      strings: this.strings,
      customization: this.resolvedCustomization,
      lines,
      clientMissing: this.clientMissing,
    };
  }

  /** A text of the customization document (a report's title, a role's name) in the active locale. */
  protected documentText(text: LocalizedText): string {
    const customization = this.resolvedCustomization;
    const fallback = customization.ok ? customization.document.defaultLocale : undefined;
    return documentText(text, this.activeLocale, fallback);
  }

  /** The widgets' own strings in the active locale. */
  protected get strings(): Strings {
    return stringsFor(this.activeLocale);
  }

  /** Stops re-rendering on translations registered later (see connectedCallback). */
  private unwatchTranslations?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    this.subscribe();
    if (this.hasUpdated) this.waitForClient();
    // A language registered after the widget rendered (its script loaded late) shows at once.
    this.unwatchTranslations = watchTranslations(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unwatchTranslations?.();
    clearTimeout(this.clientCheck);
    this.clientCheck = undefined;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.subscribedClient = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    let customization = customizationFor(
      this.customization !== undefined
        ? resolveCustomization(this.customization)
        : this.environment?.customization,
      this.builtInCustomization,
    );
    // Plans are cached per document, role and locale, so this costs a lookup on most updates.
    this.plan = null;
    let planFailed = false;
    if (customization.ok && this.widgetName !== null) {
      const failed = layoutFailure(customization.document, this.localName);
      if (failed) customization = failed;
      else {
        try {
          this.plan = planFor(
            customization.document,
            this.widgetName,
            this.activeRole,
            this.activeLocale,
          );
        } catch (error) {
          // Only a document that skipped validation gets here (the production build checks roughly).
          customization = layoutFailure(customization.document, this.localName, error)!;
          planFailed = true;
        }
      }
    }
    if (customization !== this.resolvedCustomization) {
      this.resolvedCustomization = customization;
      this.themeProperties = applyTheme(
        this,
        customization.ok ? customization.document.theme : undefined,
        this.themeProperties,
      );
      // The provider reports its own document's problems; a widget reports only a document given to
      // it, or one it could not lay out.
      if (!customization.ok && (this.customization !== undefined || planFailed))
        this.dispatchEvent(new RapportErrorEvent(customization.error, this.localName));
    }
    const theme = this.theme ?? this.environment?.theme ?? 'light';
    if (this.dataset.theme !== theme) this.dataset.theme = theme;
    this.subscribe();
  }

  /**
   * Renders; if rendering throws on a document that was usable on paper (only one that skipped
   * validation can make it: the production build checks roughly), shows the visitor the neutral
   * state instead and tells the developer, rather than leaving a broken widget.
   */
  protected override update(changed: PropertyValues<this>): void {
    try {
      super.update(changed);
    } catch (error) {
      if (!this.resolvedCustomization.ok) throw error;
      const failure = layoutFailure(this.resolvedCustomization.document, this.localName, error)!;
      this.resolvedCustomization = failure;
      this.plan = null;
      if (!failure.ok) this.dispatchEvent(new RapportErrorEvent(failure.error, this.localName));
      super.update(changed);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.toggleAttribute('data-quiet', this.quiet);
    this.waitForClient();
  }

  /**
   * Starts waiting {@link CLIENT_WAIT_MS} for a client when the widget has none, and stops when one
   * comes. Called after each update and on connecting (a widget moved in the page is not updated).
   */
  private waitForClient(): void {
    if (this.activeClient) {
      clearTimeout(this.clientCheck);
      this.clientCheck = undefined;
      this.saidNoClient = false;
    } else if (!this.saidNoClient && this.clientCheck === undefined && this.isConnected) {
      this.clientCheck = setTimeout(() => this.reportNoClient(), CLIENT_WAIT_MS);
    }
  }

  /**
   * Tells the developer, once, that the widget still has no client: in the console and as
   * `rapport-error`; the visitor then reads the neutral no-client state instead of loading.
   */
  private reportNoClient(): void {
    this.clientCheck = undefined;
    if (!this.isConnected || this.activeClient || this.saidNoClient) return;
    this.saidNoClient = true;
    this.requestUpdate();
    const waited = `${CLIENT_WAIT_MS / 1000} s after it was added`;
    const where = this.environment
      ? `is inside a <rapport-provider> that still has no client ${waited}: set the provider's client property`
      : `still has no data source ${waited}: place it inside <rapport-provider> or set its client property`;
    const error = new RapportError(
      'unavailable',
      `<${this.localName}> ${where} (createClient(adapter) from @rapport/core).`,
      {details: {reason: 'no_client'}},
    );
    warnOnce(error.message);
    this.dispatchEvent(new RapportErrorEvent(error, this.localName));
  }

  /** Called when the client reports changed data; widgets reload what concerns them. */
  protected dataChanged(_change: DataChange): void {}

  private subscribe(): void {
    const client = this.activeClient;
    if (!this.isConnected || client === this.subscribedClient) return;
    this.unsubscribe?.();
    this.subscribedClient = client;
    this.unsubscribe = client?.subscribe((change) => this.dataChanged(change));
  }
}
