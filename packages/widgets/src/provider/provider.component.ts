import {provide} from '@lit/context';
import {css, html, LitElement, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import type {RapportClient} from '@rapport/core';
import type {CustomizationDocument} from '@rapport/schema';
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
 * @slot - The widgets, anywhere in the provider's subtree (also inside other elements' shadow roots).
 * @event rapport-error - The customization document cannot be used; `event.error.message` says why.
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

  @provide({context: environmentContext})
  @state()
  protected environment: RapportEnvironment = {};

  constructor() {
    super();
    upgradeProperty(this, 'config');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (
      !changed.has('client') &&
      !changed.has('customization') &&
      !changed.has('viewerRole') &&
      !changed.has('locale') &&
      !changed.has('theme')
    )
      return;
    const customization = resolveCustomization(this.customization);
    if (changed.has('customization') && customization && !customization.ok)
      this.dispatchEvent(new RapportErrorEvent(customization.error, this.localName));
    this.environment = {
      ...(customization && {customization}),
      ...(this.client && {client: this.client}),
      ...(this.viewerRole !== undefined && {viewerRole: this.viewerRole}),
      ...(this.locale !== undefined && {locale: this.locale}),
      ...(this.theme !== undefined && {theme: this.theme}),
    };
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
