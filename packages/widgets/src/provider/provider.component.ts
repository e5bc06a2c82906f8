import {provide} from '@lit/context';
import {css, html, LitElement, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import type {RapportClient} from '@rapport/core';
import type {CustomizationDocument} from '@rapport/schema';
import type {HostView, RapportHost} from '../host/host.js';
import {environmentContext, type RapportEnvironment, type Theme} from '../shared/context.js';
import {resolveCustomization} from '../shared/customization.js';
import {upgradeProperty} from '../shared/define.js';
import {RapportErrorEvent} from '../shared/events.js';

/**
 * @tag rapport-provider
 * @summary Hands one client, customization document, role and locale to every Rapport widget inside it.
 *
 * Widgets placed inside a provider share its client, so ids that several widgets ask for in the same
 * moment travel in one request. A widget's own properties override the provider's.
 *
 * Inside a CRM's own screen, a host shell sets `host`: the widgets then follow the record on screen
 * (they need no `customer-id`) and the viewer's role and locale, and change when the record does.
 *
 * @slot - The widgets, anywhere in the provider's subtree (also inside other elements' shadow roots).
 * @event {RapportErrorEvent} rapport-error - The customization document cannot be used, or the host shell could not say what is on screen; `event.error.message` says why.
 */
export class RapportProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** The client every widget inside loads data through (`createClient(adapter)` from `@rapport/core`). */
  @property({attribute: false}) client?: RapportClient;

  /** The customization document, as an object or JSON text. Default: the built-in document. */
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

  /** The role of the person looking (`customer`, `agent`, `supervisor`...), as the customization document names it. */
  @property({attribute: 'viewer-role'}) viewerRole?: string;

  /** BCP 47 locale of the widgets (`en`, `zh-CN`). Default: the page's language. */
  @property() locale?: string;

  /**
   * Colour scheme of every widget inside: `light` (the default), `dark`, or `auto` to follow the
   * visitor's system setting. A widget's own `theme` wins.
   */
  @property({reflect: true}) theme?: Theme;

  /**
   * The CRM screen the widgets sit in (see docs/hosts.md): the customer on screen, the viewer's role
   * and locale. The provider's own `viewer-role` and `locale` win over the host's.
   */
  @property({attribute: false}) host?: RapportHost;

  /** What the host last said is on screen. */
  @state() private hostView: HostView | undefined;

  /** The host whose view `hostView` is: kept while the provider is off the page and back. */
  private viewedHost: RapportHost | undefined;
  private watchedHost: RapportHost | undefined;
  private unwatch: (() => void) | undefined;
  private viewRequest = 0;

  @provide({context: environmentContext})
  @state()
  protected environment: RapportEnvironment = {};

  constructor() {
    super();
    upgradeProperty(this, 'config');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.watchHost();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unwatch?.();
    this.unwatch = undefined;
    this.watchedHost = undefined;
  }

  /** Follows the current host: asks what is on screen now, and again whenever it says that changed. */
  private watchHost(): void {
    const host = this.host;
    if (!this.isConnected || host === this.watchedHost) return;
    this.unwatch?.();
    this.unwatch = undefined;
    this.watchedHost = host;
    // Back on the page with the same host, the widgets keep its last view while it is asked again.
    if (host !== this.viewedHost) this.hostView = undefined;
    this.viewedHost = host;
    if (!host) return;
    this.unwatch = host.watch(() => void this.readView(host));
    void this.readView(host);
  }

  private async readView(host: RapportHost): Promise<void> {
    // A host that calls back after it was replaced must not hold up the current one's answers.
    if (host !== this.watchedHost) return;
    const request = ++this.viewRequest;
    let view: HostView | undefined;
    let failure: Error | undefined;
    try {
      view = await host.view();
    } catch (error) {
      failure = new Error(
        `The ${host.name} host could not say what is on screen: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    // A slower earlier answer, or one from a host since replaced, must not overwrite the latest.
    if (request !== this.viewRequest || host !== this.watchedHost) return;
    // After a failure the widgets show no customer rather than the previous record's.
    this.hostView = view;
    if (failure) {
      console.warn(`<${this.localName}> ${failure.message}`);
      this.dispatchEvent(new RapportErrorEvent(failure, this.localName));
    }
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('host')) this.watchHost();
    if (
      !changed.has('client') &&
      !changed.has('hostView') &&
      !changed.has('customization') &&
      !changed.has('viewerRole') &&
      !changed.has('locale') &&
      !changed.has('theme')
    )
      return;
    const customization = resolveCustomization(this.customization);
    if (changed.has('customization') && customization && !customization.ok)
      this.dispatchEvent(new RapportErrorEvent(customization.error, this.localName));
    const view = this.hostView;
    const viewerRole = this.viewerRole ?? view?.viewerRole;
    const locale = this.locale ?? view?.locale;
    this.environment = {
      ...(customization && {customization}),
      ...(this.client && {client: this.client}),
      ...(view?.customerId != null && {customerId: view.customerId}),
      ...(viewerRole !== undefined && {viewerRole}),
      ...(locale !== undefined && {locale}),
      ...(this.theme !== undefined && {theme: this.theme}),
    };
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
